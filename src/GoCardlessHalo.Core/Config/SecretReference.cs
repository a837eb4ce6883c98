// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// How a secret is found at run time. The settings file stores only this reference, never the secret:
    /// <c>env:NAME</c> (an environment variable, the usual case under RMM tools), <c>secret:NAME</c>
    /// (SecretManagement's Get-Secret), or <c>dpapi:CurrentUser:BASE64</c> / <c>dpapi:LocalMachine:BASE64</c>
    /// (a value protected with Windows DPAPI for the user or the machine).
    /// </summary>
    public sealed class SecretReference : IEquatable<SecretReference>
    {
        private SecretReference(SecretSource source, string value, DpapiScope scope = DpapiScope.CurrentUser)
        {
            Source = source;
            Value = value;
            Scope = scope;
        }

        public SecretSource Source { get; }

        /// <summary>The variable name, the secret name, or the protected blob (base64).</summary>
        public string Value { get; }

        /// <summary>DPAPI scope; only meaningful for <see cref="SecretSource.Dpapi"/>.</summary>
        public DpapiScope Scope { get; }

        public static SecretReference Environment(string variableName) => new SecretReference(SecretSource.Environment, RequireName(variableName));

        public static SecretReference SecretManagement(string secretName) => new SecretReference(SecretSource.SecretManagement, RequireName(secretName));

        public static SecretReference Dpapi(DpapiScope scope, string protectedBase64) => new SecretReference(SecretSource.Dpapi, protectedBase64, scope);

        /// <summary>Parses <c>env:NAME</c>, <c>secret:NAME</c> or <c>dpapi:SCOPE:BASE64</c>.</summary>
        /// <exception cref="GcHaloException">ErrorId SecretReferenceInvalid.</exception>
        public static SecretReference Parse(string text, string settingName)
        {
            var colon = text.IndexOf(':');
            var prefix = colon > 0 ? text.Substring(0, colon).Trim().ToLowerInvariant() : string.Empty;
            var rest = colon > 0 ? text.Substring(colon + 1).Trim() : string.Empty;
            switch (prefix)
            {
                case "env" when IsName(rest):
                    return Environment(rest);
                case "secret" when rest.Length > 0:
                    return SecretManagement(rest);
                case "dpapi":
                    var scopeEnd = rest.IndexOf(':');
                    if (scopeEnd > 0 && Enum.TryParse(rest.Substring(0, scopeEnd), true, out DpapiScope scope) && IsBase64(rest.Substring(scopeEnd + 1)))
                    {
                        return Dpapi(scope, rest.Substring(scopeEnd + 1));
                    }

                    break;
            }

            // Never echo the text: a user may have pasted the secret itself here.
            throw new GcHaloException(
                ErrorIds.SecretReferenceInvalid,
                ErrorKind.InvalidArgument,
                $"The value of '{settingName}' is not a secret reference. Use env:VARIABLE_NAME (an environment variable), " +
                "secret:SECRET_NAME (SecretManagement), or let Enable-GcModule store a DPAPI-protected value on Windows. " +
                "Secrets themselves are never stored in the settings file.",
                settingName);
        }

        /// <summary>The text stored in the settings file.</summary>
        public override string ToString() => Source switch
        {
            SecretSource.Environment => "env:" + Value,
            SecretSource.SecretManagement => "secret:" + Value,
            _ => "dpapi:" + Scope + ":" + Value,
        };

        /// <summary>A description safe to show (a DPAPI blob is not shown).</summary>
        public string Describe() => Source switch
        {
            SecretSource.Environment => "environment variable " + Value,
            SecretSource.SecretManagement => "SecretManagement secret " + Value,
            _ => "DPAPI-protected value (" + Scope + ")",
        };

        public bool Equals(SecretReference? other) => other is not null && other.Source == Source && other.Scope == Scope && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as SecretReference);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

        private static string RequireName(string name) =>
            string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A secret reference needs a name.", nameof(name)) : name.Trim();

        private static bool IsName(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsBase64(string text)
        {
            try
            {
                return text.Length > 0 && Convert.FromBase64String(text).Length > 0;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }

    public enum SecretSource
    {
        Environment,
        SecretManagement,
        Dpapi,
    }

    /// <summary>Who can decrypt a DPAPI-protected value.</summary>
    public enum DpapiScope
    {
        /// <summary>Only the user who protected it.</summary>
        CurrentUser,

        /// <summary>Any process on this machine (used when running as SYSTEM).</summary>
        LocalMachine,
    }
}
