// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Text.Json;
using GoCardlessHalo.Core.Diagnostics;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Reads an error body in any shape Halo uses (HaloAPI's Private/New-HaloError.ps1, https://github.com/homotechsual/HaloAPI):
    /// <c>{resultCode, errorMessage}</c>, <c>{ClassName, Message}</c>, <c>{Message}</c>,
    /// OAuth <c>{error, error_description}</c>, or plain text. No schema is assumed. Secrets are scrubbed before the
    /// text is cut, so a secret at the cut cannot leave its first characters behind.
    /// </summary>
    internal static class HaloErrorBody
    {
        private const int MaxTextLength = 500;

        /// <summary>A one-line message, or null for an empty body.</summary>
        public static string? Describe(string? body, SecretRedactor secrets)
        {
            var text = (body ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (text[0] == '{')
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    if (FromJson(document.RootElement) is { } message)
                    {
                        return Shorten(secrets.Redact(message)!);
                    }
                }
                catch (JsonException)
                {
                    // Not JSON after all: report the text.
                }
            }

            return Shorten(secrets.Redact(text)!);
        }

        private static string? FromJson(JsonElement root)
        {
            var errorMessage = HaloJson.String(root, "errorMessage");
            if (errorMessage is not null)
            {
                var code = HaloJson.Raw(root, "resultCode");
                return code is null ? errorMessage : code + ": " + errorMessage;
            }

            var message = HaloJson.String(root, "Message");
            var className = HaloJson.String(root, "ClassName");
            if (message is not null)
            {
                return className is null ? message : className + ": " + message;
            }

            var error = HaloJson.String(root, "error");
            if (error is not null)
            {
                var description = HaloJson.String(root, "error_description");
                return description is null ? error : error + ": " + description;
            }

            return null;
        }

        private static string Shorten(string text)
        {
            var oneLine = text.Replace("\r", " ").Replace("\n", " ");
            return oneLine.Length <= MaxTextLength ? oneLine : oneLine.Substring(0, MaxTextLength) + "…";
        }
    }
}
