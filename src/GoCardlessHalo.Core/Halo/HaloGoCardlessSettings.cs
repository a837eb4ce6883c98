// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// Halo's own GoCardless integration settings (https://halopsa.com/guides/article?kbid=2111, "set on the integration
    /// page"), as a target reads them: the API from <c>GET /api/Control</c> (field names from Angelic's Control.cs and
    /// Control6.cs, https://github.com/Angelic-Software/angelic), SQL from the Control4, IntegrationFieldMapping and
    /// MODULESETUP tables (ProvisionData's docs/schema.sql). A value Halo did not give is null.
    /// </summary>
    public sealed class HaloGoCardlessSettings
    {
        /// <summary>Where the settings were read (e.g. <c>GET /api/Control</c>, <c>Control4</c>).</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>The Default Site's id (gocardless_defaultsite / Control4.rgocardlessdefaultsite, Halo's default 1).</summary>
        public int? DefaultSiteId { get; set; }

        /// <summary>The Default Site's name (gocardless_defaultsite_name; API only).</summary>
        public string? DefaultSiteName { get; set; }

        /// <summary>Whether Halo matches GoCardless company names to Halo customers (gocardless_companyname_matching).</summary>
        public bool? CompanyNameMatching { get; set; }

        /// <summary>Whether Halo's integration talks to GoCardless's sandbox (gocardless_use_sandbox).</summary>
        public bool? UseSandbox { get; set; }

        /// <summary>Whether the Halo Integrator syncs GoCardless (halointegrator_gocardless / MODULESETUP.MSHaloIntegratorEnabled).</summary>
        public bool? IntegratorEnabled { get; set; }

        /// <summary>Halo's custom field mappings for GoCardless (gocardless_userfieldmappings / IntegrationFieldMapping rows).</summary>
        public List<HaloIntegrationFieldMapping> FieldMappings { get; } = new List<HaloIntegrationFieldMapping>();

        /// <summary>What could not be read and why (a missing table, a refused read); empty when everything was.</summary>
        public List<string> Gaps { get; } = new List<string>();
    }

    /// <summary>
    /// One row of Halo's integration field mappings (IntegrationFieldMapping in Angelic's
    /// Models/Configuration/Integrations/IntegrationFieldMapping.cs). Which value holds the GoCardless metadata key is an
    /// <b>inference</b>: <c>thirdpartyname</c> (IFMThirdPartyName), else <c>third_party_friendly_name</c>.
    /// </summary>
    public sealed class HaloIntegrationFieldMapping
    {
        /// <summary>The Halo custom field's FieldInfo id (fiid / IFMfiid).</summary>
        public int? HaloFieldId { get; set; }

        /// <summary>The Halo field's name as the mapping row gives it (name / IFMfiname).</summary>
        public string? HaloFieldName { get; set; }

        /// <summary>The GoCardless customer metadata key (inferred: thirdpartyname, else third_party_friendly_name).</summary>
        public string? GoCardlessField { get; set; }

        /// <summary>Halo's "don't update" flag (dontupdate / IFMDontUpdate): set on create only (inferred meaning).</summary>
        public bool DontUpdate { get; set; }
    }

    /// <summary>A target that can read Halo's own GoCardless integration settings (both targets; asked for with <c>as</c>).</summary>
    public interface IHaloGoCardlessSettingsSource
    {
        /// <summary>Reads the settings; what cannot be read is listed in <see cref="HaloGoCardlessSettings.Gaps"/>, never guessed.</summary>
        Task<HaloGoCardlessSettings> ReadGoCardlessSettingsAsync(CancellationToken cancellationToken);
    }
}
