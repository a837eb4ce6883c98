// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo
{
    /// <summary>What Get-GcModule reports. Never contains a secret: secrets are described by where they come from.</summary>
    public sealed class GcModuleStatus
    {
        /// <summary>True once a settings file exists.</summary>
        public bool Configured { get; set; }

        /// <summary>The sync cmdlets run only when this is true.</summary>
        public bool Enabled { get; set; }

        /// <summary>Sandbox or Live.</summary>
        public string? Environment { get; set; }

        /// <summary>The GoCardless API address (the environment's, or the configured override).</summary>
        public string? GoCardlessApi { get; set; }

        /// <summary>Where the access token is read from, e.g. "environment variable GC_TOKEN".</summary>
        public string? AccessToken { get; set; }

        /// <summary>Api, SqlServer or Sqlite.</summary>
        public string? Target { get; set; }

        /// <summary>Halo URL, server/database, or database file.</summary>
        public string? TargetLocation { get; set; }

        public string? DefaultSite { get; set; }

        /// <summary>The Halo custom field holding the GoCardless customer id.</summary>
        public string? LinkField { get; set; }

        /// <summary>Halo API requests the module's runs on this machine may send per rolling 5 minutes (halo.requestsPer5Minutes); 0 = not paced.</summary>
        public int? HaloRequestsPer5Minutes { get; set; }

        /// <summary>Time allowed for one GoCardless HTTP request (goCardless.timeoutSeconds).</summary>
        public TimeSpan? GoCardlessTimeout { get; set; }

        /// <summary>Time allowed for one Halo API request (halo.timeoutSeconds).</summary>
        public TimeSpan? HaloTimeout { get; set; }

        public int FieldMappings { get; set; }

        /// <summary>Exact or Normalized: how company names are matched when Import-GcUser is not given -MatchMode.</summary>
        public string? MatchMode { get; set; }

        /// <summary>How many placement overrides (Get-GcPlacementOverride) pin customers to a Halo customer or site.</summary>
        public int PlacementOverrides { get; set; }

        /// <summary>Who owns each field an import writes, e.g. "Phone: FillWhenEmpty (default)" (Set-GcFieldOwnership).</summary>
        public string[] FieldOwnership { get; set; } = Array.Empty<string>();

        public DateTimeOffset? LastImport { get; set; }

        public string? LastImportError { get; set; }

        public DateTimeOffset? LastPaymentSync { get; set; }

        public string? LastPaymentSyncError { get; set; }

        public string ConfigPath { get; set; } = string.Empty;

        /// <summary>Parameter, EnvironmentVariable or Default: which rule chose <see cref="ConfigPath"/>.</summary>
        public string ConfigSource { get; set; } = string.Empty;
    }
}
