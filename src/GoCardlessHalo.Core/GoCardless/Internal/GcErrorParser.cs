// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>
    /// Turns an error answer into a <see cref="GoCardlessApiException"/>. Understands the envelope
    /// <c>{"error":{…}}</c>, the bare-string form <c>{"error":"…"}</c> and non-JSON bodies (a proxy's HTML, a
    /// plain "500 Internal Server Error"). The ErrorId and kind follow the HTTP status, as GoCardless's own
    /// clients do, because the body's type is shared by several statuses. Text taken from the body has the client's
    /// secrets scrubbed: a proxy or debugging server may echo the Authorization header.
    /// </summary>
    internal static class GcErrorParser
    {
        private const int MaxBodyPreview = 200;

        public static GoCardlessApiException Parse(string method, string path, int status, byte[] body, string? headerRequestId, GoCardlessEnvironment environment, SecretRedactor secrets)
        {
            string? type = null, message = null, requestId = null, documentationUrl = null;
            int? code = null;
            var errors = new List<GoCardlessApiError>();
            try
            {
                using var document = JsonDocument.Parse(body);
                var error = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var e) ? e : default;
                if (error.ValueKind == JsonValueKind.String)
                {
                    // {"error": "bank_authorisation_expired"}: GoCardless's clients treat this as an internal error.
                    type = "gocardless";
                    message = error.GetString();
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    type = Text(error, "type");
                    message = Text(error, "message");
                    requestId = Text(error, "request_id");
                    documentationUrl = Text(error, "documentation_url");
                    code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : (int?)null;
                    if (error.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        errors.AddRange(list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => Entry(x, secrets)));
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: described below by a preview of the body.
            }

            message = message is null ? Preview(body, secrets) : secrets.Redact(message);
            requestId ??= headerRequestId;
            var (errorId, kind, advice) = Classify(status, environment);
            var details = errors.Count == 0 ? string.Empty : " (" + string.Join("; ", errors.Select(x => x.ToString())) + ")";
            var text = $"GoCardless answered {method} {path} with {status}{(type is null ? string.Empty : " " + type)}: {message}{details}. {advice}"
                       + (requestId is null ? string.Empty : $" Request id: {requestId}.");
            return new GoCardlessApiException(errorId, kind, text, path, status, type, code, errors, requestId, documentationUrl);
        }

        /// <summary>The conflicting resource's id when this is an idempotent-creation conflict.</summary>
        public static string? ConflictingResourceId(GoCardlessApiException error) =>
            error.HttpStatus == 409
                ? error.Errors.Where(e => e.Reason == "idempotent_creation_conflict")
                    .Select(e => e.Links.TryGetValue("conflicting_resource_id", out var id) ? id : null)
                    .FirstOrDefault(id => !string.IsNullOrEmpty(id))
                : null;

        private static (string ErrorId, ErrorKind Kind, string Advice) Classify(int status, GoCardlessEnvironment environment)
        {
            switch (status)
            {
                case 400:
                    return (ErrorIds.GoCardlessInvalidRequest, ErrorKind.InvalidArgument, "The request was malformed; check the filters and values passed.");
                case 401:
                    return (ErrorIds.GoCardlessAuthenticationFailed, ErrorKind.AuthenticationFailed,
                        $"Check that the access token is complete, not revoked, and was created in the {environment} dashboard.");
                case 403:
                    return (ErrorIds.GoCardlessPermissionDenied, ErrorKind.PermissionDenied,
                        "The access token is not allowed to do this; create a token with the access it needs.");
                case 404:
                    return (ErrorIds.GoCardlessNotFound, ErrorKind.NotFound, "Check the id, and that it belongs to this GoCardless account and environment.");
                case 409:
                    return (ErrorIds.GoCardlessConflict, ErrorKind.Conflict, "The request conflicts with an existing resource.");
                case 422:
                    return (ErrorIds.GoCardlessInvalidData, ErrorKind.InvalidData, "Correct the values named above and try again.");
                case 429:
                    return (ErrorIds.GoCardlessRateLimited, ErrorKind.RateLimited,
                        "The per-minute request budget stayed exhausted through every retry; run again later or at a quieter time.");
                case int s when s >= 500:
                    return (ErrorIds.GoCardlessServerError, ErrorKind.Remote,
                        "GoCardless had a problem of its own and every retry failed; try again later; if it persists, tell GoCardless support the time of the failure and the request id when the message names one.");
                default:
                    return (ErrorIds.GoCardlessRequestFailed, ErrorKind.InvalidOperation, "The request was refused.");
            }
        }

        private static GoCardlessApiError Entry(JsonElement e, SecretRedactor secrets) => new GoCardlessApiError
        {
            Reason = Text(e, "reason"),
            Field = Text(e, "field"),
            Message = secrets.Redact(Text(e, "message")),
            RequestPointer = Text(e, "request_pointer"),
            Links = e.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
                ? links.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : new Dictionary<string, string>(),
        };

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // Enough of a non-JSON body to recognise it ("500 Internal Server Error", "<html>…"), on one line. Scrubbed
        // before it is cut, so a secret at the cut cannot leave its first characters behind.
        private static string Preview(byte[] body, SecretRedactor secrets)
        {
            var text = secrets.Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxBodyPreview * 4)))!.Trim();
            text = string.Join(" ", text.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length == 0)
            {
                return "(empty body)";
            }

            return text.Length > MaxBodyPreview ? text.Substring(0, MaxBodyPreview) + "…" : text;
        }
    }
}
