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

        /// <summary>The import the settings describe.</summary>
        public static ImportOptions FromSettings(ModuleSettings settings, MatchMode matchMode) => new ImportOptions
        {
            LinkField = settings.Halo.LinkField,
            Mappings = settings.FieldMappings,
            DefaultSite = settings.DefaultSite,
            MatchMode = matchMode,
        };
    }
}
