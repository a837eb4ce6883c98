// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>Deep copies of settings, so a change can be planned (and shown by -WhatIf) without touching the loaded ones.</summary>
    public static class ModuleSettingsCopy
    {
        public static ModuleSettings Copy(this ModuleSettings source) => new ModuleSettings
        {
            Version = source.Version,
            Enabled = source.Enabled,
            DefaultSite = source.DefaultSite,
            MatchMode = source.MatchMode,
            PlacementOverrides = source.PlacementOverrides.ToList(),
            FieldOwnership = new System.Collections.Generic.Dictionary<string, FieldRule>(source.FieldOwnership, System.StringComparer.OrdinalIgnoreCase),
            GoCardless = new GoCardlessSettings
            {
                Environment = source.GoCardless.Environment,
                BaseUri = source.GoCardless.BaseUri,
                DashboardBaseUri = source.GoCardless.DashboardBaseUri,
                AccessToken = source.GoCardless.AccessToken,
                Timeout = source.GoCardless.Timeout,
            },
            Halo = new HaloSettings
            {
                Target = source.Halo.Target,
                Url = source.Halo.Url,
                Tenant = source.Halo.Tenant,
                ClientId = source.Halo.ClientId,
                ClientSecret = source.Halo.ClientSecret,
                Scope = source.Halo.Scope,
                ConnectionString = source.Halo.ConnectionString,
                Password = source.Halo.Password,
                DatabasePath = source.Halo.DatabasePath,
                LinkField = source.Halo.LinkField,
                RequestsPer5Minutes = source.Halo.RequestsPer5Minutes,
                Timeout = source.Halo.Timeout,
            },
            FieldMappings = source.FieldMappings.ToList(),
            Ledger = new LedgerSettings { ConnectionString = source.Ledger.ConnectionString, Password = source.Ledger.Password },
            Collection = new CollectionSettings { MarkPaidOn = source.Collection.MarkPaidOn, MaximumRunTotal = source.Collection.MaximumRunTotal, RetryIfPossible = source.Collection.RetryIfPossible, FailureTicketTypeId = source.Collection.FailureTicketTypeId },
        };
    }
}
