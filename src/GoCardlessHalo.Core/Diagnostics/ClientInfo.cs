// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace GoCardlessHalo.Core.Diagnostics
{
    /// <summary>
    /// Who is calling, for the User-Agent sent to GoCardless and Halo:
    /// <c>GoCardlessHalo/0.1.0 (PowerShell Core/7.6.9; .NET 10.0.12; Linux 6.1.0)</c>.
    /// </summary>
    public sealed class ClientInfo
    {
        public ClientInfo(string hostEdition, string hostVersion)
        {
            HostEdition = hostEdition;
            HostVersion = hostVersion;
            ModuleVersion = typeof(ClientInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
                ?? typeof(ClientInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            UserAgent = string.Format(
                "GoCardlessHalo/{0} (PowerShell {1}/{2}; {3}; {4})",
                ModuleVersion,
                Sanitise(hostEdition),
                Sanitise(hostVersion),
                Sanitise(RuntimeInformation.FrameworkDescription),
                Sanitise(ShortOsDescription()));
        }

        /// <summary>Used by tests and tools that do not run inside PowerShell.</summary>
        public static ClientInfo Default { get; } = new ClientInfo("None", "0");

        public string ModuleVersion { get; }

        public string HostEdition { get; }

        public string HostVersion { get; }

        public string UserAgent { get; }

        private static string ShortOsDescription()
        {
            // OSDescription can carry a whole kernel build string ("Linux 6.1.0-1 #1 SMP PREEMPT ..."); the
            // first two words are what a support engineer needs.
            var parts = RuntimeInformation.OSDescription.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2 ? parts[0] + " " + parts[1] : RuntimeInformation.OSDescription;
        }

        // Characters that older .NET User-Agent parsers reject inside a comment; GoCardless's own .NET client
        // replaces the same set.
        private static string Sanitise(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (var c in value.Trim())
            {
                sb.Append(c is ';' or ':' or '#' or '(' or ')' or '~' || c < 0x20 || c > 0x7e ? '-' : c);
            }

            return sb.ToString();
        }
    }
}
