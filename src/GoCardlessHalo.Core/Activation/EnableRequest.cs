// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Activation
{
    /// <summary>
    /// What Enable-GcModule was asked to change. Null means "keep what is configured". Plain-text secrets
    /// live here only between the cmdlet and <see cref="ModuleConfigurator"/>, which turns them into
    /// references; this type deliberately has no ToString that could print them.
    /// </summary>
    public sealed class EnableRequest
    {
        public string? AccessToken { get; set; }

        public string? AccessTokenReference { get; set; }

        public GoCardlessEnvironment? Environment { get; set; }

        public Uri? GoCardlessBaseUri { get; set; }

        public Uri? DashboardBaseUri { get; set; }

        /// <summary>The Halo target to switch to; null keeps the current one (or the embedded database if none).</summary>
        public HaloTargetKind? Target { get; set; }

        public Uri? HaloUrl { get; set; }

        public string? Tenant { get; set; }

        public string? ClientId { get; set; }

        public string? ClientSecret { get; set; }

        public string? ClientSecretReference { get; set; }

        public string? Scope { get; set; }

        public string? ConnectionString { get; set; }

        public string? SqlUser { get; set; }

        public string? SqlPassword { get; set; }

        public string? SqlPasswordReference { get; set; }

        public string? DatabasePath { get; set; }

        /// <summary>A SQL Server database for the payment ledger of the Halo API target.</summary>
        public string? LedgerConnectionString { get; set; }

        public string? LedgerUser { get; set; }

        public string? LedgerPassword { get; set; }

        public string? LedgerPasswordReference { get; set; }

        public string? DefaultSite { get; set; }

        public string? LinkField { get; set; }

        /// <summary>halo.requestsPer5Minutes; null keeps the current value.</summary>
        public int? HaloRequestsPer5Minutes { get; set; }

        /// <summary>goCardless.timeoutSeconds; null keeps the current value.</summary>
        public TimeSpan? GoCardlessTimeout { get; set; }

        /// <summary>halo.timeoutSeconds; null keeps the current value.</summary>
        public TimeSpan? HaloTimeout { get; set; }

        /// <summary>How company names are matched by scheduled imports (Import-GcUser without -MatchMode).</summary>
        public Sync.Import.MatchMode? MatchMode { get; set; }
    }
}
