// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>One of Halo's own GoCardless settings and what Import-GcHaloIntegrationSetting made of it.</summary>
    public sealed class GcIntegrationSetting
    {
        /// <summary>This module's setting (its YAML key), e.g. defaultSite, matchMode, fieldMappings[account_ref].</summary>
        public string Setting { get; set; } = string.Empty;

        /// <summary>The module's value before the import.</summary>
        public string? Current { get; set; }

        /// <summary>The value Halo's integration has, as this module would write it.</summary>
        public string? FromHalo { get; set; }

        /// <summary>Set (taken over), Unchanged (already so), or NotCarried (cannot be used; see Note).</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>True when the translation rests on an inference about Halo's settings, not on a documented fact.</summary>
        public bool Inferred { get; set; }

        public string Note { get; set; } = string.Empty;
    }
}
