// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Completion
{
    /// <summary>
    /// The names tab completion offers, as the last run that read them saw them. Each list is kept sorted and
    /// without duplicates (case-insensitive); a run that did not read a kind of name leaves that list alone.
    /// </summary>
    public sealed class CompletionNames
    {
        /// <summary>Active Halo customer names (-Client).</summary>
        public List<string> HaloClients { get; set; } = new List<string>();

        /// <summary>Active Halo sites as "Customer/Site" (-DefaultSite).</summary>
        public List<string> HaloSites { get; set; } = new List<string>();

        /// <summary>Active Halo site names (-Site).</summary>
        public List<string> HaloSiteNames { get; set; } = new List<string>();

        /// <summary>Halo custom fields of users of type Text (-HaloField).</summary>
        public List<string> HaloUserTextFields { get; set; } = new List<string>();

        /// <summary>GoCardless customer metadata keys seen (-GoCardlessField).</summary>
        public List<string> GoCardlessMetadataKeys { get; set; } = new List<string>();

        /// <summary>GoCardless customer ids seen (-CustomerId).</summary>
        public List<string> GoCardlessCustomerIds { get; set; } = new List<string>();

        /// <summary>When the names were last refreshed (UTC), or null when never.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }
    }
}
