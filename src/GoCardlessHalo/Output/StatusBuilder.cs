// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Output
{
    /// <summary>Builds the output objects that describe configuration.</summary>
    internal static class StatusBuilder
    {
        public static GcModuleStatus Status(ModuleContext context)
        {
            var settings = context.Settings;
            var state = context.SyncState.Load();
            return new GcModuleStatus
            {
                Configured = context.IsConfigured,
                Enabled = settings.Enabled,
                Environment = context.IsConfigured ? settings.GoCardless.Environment.ToString() : null,
                GoCardlessApi = context.IsConfigured ? GoCardlessApi(settings.GoCardless) : null,
                AccessToken = settings.GoCardless.AccessToken?.Describe(),
                Target = settings.Halo.Target?.ToString(),
                TargetLocation = TargetLocation(settings.Halo),
                DefaultSite = settings.DefaultSite,
                LinkField = context.IsConfigured ? settings.Halo.LinkField : null,
                HaloRequestsPer5Minutes = context.IsConfigured ? settings.Halo.RequestsPer5Minutes : (int?)null,
                GoCardlessTimeout = context.IsConfigured ? settings.GoCardless.Timeout : (TimeSpan?)null,
                HaloTimeout = context.IsConfigured ? settings.Halo.Timeout : (TimeSpan?)null,
                FieldMappings = settings.FieldMappings.Count,
                MatchMode = context.IsConfigured ? settings.MatchMode.ToString() : null,
                PlacementOverrides = settings.PlacementOverrides.Count,
                FieldOwnership = context.IsConfigured ? Ownership(settings) : Array.Empty<string>(),
                LastImport = state[SyncKind.Import].LastSuccess,
                LastImportError = state[SyncKind.Import].LastError,
                LastPaymentSync = state[SyncKind.Payments].LastSuccess,
                LastPaymentSyncError = state[SyncKind.Payments].LastError,
                ConfigPath = context.Location.SettingsPath,
                ConfigSource = context.Location.Source.ToString(),
            };
        }

        public static GcFieldMapping Mapping(FieldMapping mapping) =>
            new GcFieldMapping(mapping.GoCardlessField, mapping.HaloField, mapping.Source.ToString());

        // Every field an import writes with its rule: the contact fields, then each mapped metadata field.
        private static string[] Ownership(ModuleSettings settings) =>
            FieldOwnership.ContactFields
                .Concat(settings.FieldMappings.Where(m => m.Source == FieldMappingSource.Metadata).Select(m => m.HaloField))
                .Concat(settings.FieldOwnership.Keys)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(f => settings.FieldOwnership.TryGetValue(f, out var rule) ? $"{f}: {rule}" : $"{f}: {FieldOwnership.Default(f)} (default)")
                .ToArray();

        public static GcPlacementOverride Placement(PlacementOverride placement) =>
            new GcPlacementOverride(placement.CustomerId, placement.CompanyName, placement.HaloCustomer, placement.HaloSite);

        public static string? TargetLocation(HaloSettings halo) => halo.Target switch
        {
            HaloTargetKind.Api => halo.Url?.OriginalString + (halo.Tenant is null ? string.Empty : " (tenant " + halo.Tenant + ")"),
            HaloTargetKind.SqlServer => halo.ConnectionString is null ? null : SqlConnectionStrings.Describe(halo.ConnectionString),
            HaloTargetKind.Sqlite => halo.DatabasePath,
            _ => null,
        };

        private static string GoCardlessApi(GoCardlessSettings gc) =>
            gc.BaseUri?.OriginalString
            ?? (gc.Environment == GoCardlessEnvironment.Live ? GoCardlessClientOptions.LiveApiUri : GoCardlessClientOptions.SandboxApiUri).GetLeftPart(UriPartial.Authority);
    }
}
