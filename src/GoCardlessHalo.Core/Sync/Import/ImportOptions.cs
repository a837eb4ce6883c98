// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>How an import runs.</summary>
    public sealed class ImportOptions
    {
        /// <summary>The Halo custom field holding the GoCardless customer id.</summary>
        public string LinkField { get; set; } = HaloSettings.DefaultLinkField;

        public IReadOnlyList<FieldMapping> Mappings { get; set; } = new List<FieldMapping>();

        /// <summary>Site id, name or 'Customer/Site' for customers whose company matches nothing.</summary>
        public string? DefaultSite { get; set; }

        public MatchMode MatchMode { get; set; } = MatchMode.Exact;

        /// <summary>Customers pinned to a Halo customer or site (settings' placementOverrides).</summary>
        public IReadOnlyList<PlacementOverride> Overrides { get; set; } = new List<PlacementOverride>();

        /// <summary>Who owns each field (settings' fieldOwnership); unset fields take <see cref="FieldOwnership.Default"/>.</summary>
        public IReadOnlyDictionary<string, FieldRule> FieldOwnership { get; set; } = new Dictionary<string, FieldRule>();

        /// <summary>The import the settings describe; <paramref name="matchMode"/> (a cmdlet's -MatchMode) replaces the setting's for this run.</summary>
        public static ImportOptions FromSettings(ModuleSettings settings, MatchMode? matchMode = null) => new ImportOptions
        {
            LinkField = settings.Halo.LinkField,
            Mappings = settings.FieldMappings,
            DefaultSite = settings.DefaultSite,
            MatchMode = matchMode ?? settings.MatchMode,
            Overrides = settings.PlacementOverrides,
            FieldOwnership = settings.FieldOwnership,
        };
    }
}
