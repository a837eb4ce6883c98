// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Where a customer without a Halo user goes — the one rule the import and the Default Site inbox share
    /// (issue 11: "one rule, not a copy"): a placement override for the customer id or company name; else the Halo
    /// customer whose name matches the company (an exact name first, <see cref="HaloDirectory.ClientsNamed"/>), at its
    /// invoice site; else the Default Site, with the nearest Halo customer names. Pure: reads only the snapshot.
    /// </summary>
    public sealed class PlacementMatcher
    {
        private readonly HaloDirectory _directory;
        private readonly HaloSite _defaultSite;
        private readonly PlacementOverrides _overrides;

        public PlacementMatcher(HaloDirectory directory, HaloSite defaultSite, IEnumerable<PlacementOverride>? overrides)
        {
            _directory = directory;
            _defaultSite = defaultSite;
            _overrides = new PlacementOverrides(overrides ?? Array.Empty<PlacementOverride>(), directory);
        }

        /// <summary>The Default Site the placement falls back to.</summary>
        public HaloSite DefaultSite => _defaultSite;

        /// <summary>Where <paramref name="customer"/> goes, or why it cannot be placed (<see cref="Placement.Problem"/>).</summary>
        public Placement Place(Customer customer)
        {
            if (_overrides.For(customer) is { } placement)
            {
                var (pinnedClient, pinnedSite) = _overrides.Resolve(placement, out var problem);
                return pinnedSite is null
                    ? Placement.Unplaceable(MatchedBy.Override, problem!)
                    : new Placement(pinnedClient, pinnedSite, MatchedBy.Override, null, $"Placed by the placement override for the {placement.Subject} ({placement.Destination}).");
            }

            var company = customer.CompanyName?.Trim();
            if (string.IsNullOrEmpty(company))
            {
                return InDefaultSite(customer, Array.Empty<string>());
            }

            var matches = _directory.ClientsNamed(company);
            if (matches.Count > 1)
            {
                return Placement.Unplaceable(MatchedBy.CompanyName, $"The company '{company}' matches {matches.Count} Halo customers ({string.Join(", ", matches.Select(c => $"'{c.Name}' (id {c.Id})"))}); rename one in Halo so the match is unique.");
            }

            if (matches.Count == 1)
            {
                var site = _directory.InvoiceSiteOf(matches[0].Id);
                if (site is null)
                {
                    return Placement.Unplaceable(MatchedBy.CompanyName, $"The Halo customer '{matches[0].Name}' has no active invoice site. Mark one of its sites as the invoice site in Halo.");
                }

                var how = _directory.ClientsNamedExactly(company).Count > 0 ? MatchMode.Exact : MatchMode.Normalized;
                return new Placement(matches[0], site, MatchedBy.CompanyName, how, null);
            }

            return InDefaultSite(customer, _directory.NearestClientNames(company!));
        }

        private Placement InDefaultSite(Customer customer, IReadOnlyList<string> nearest)
        {
            var where = $"the Default Site '{_defaultSite.ClientName}/{_defaultSite.Name}'";
            var reason = string.IsNullOrWhiteSpace(customer.CompanyName)
                ? $"No company name: placed in {where}."
                : _directory.Mode == MatchMode.Off
                ? $"Company names are not matched (matchMode Off; nearest to '{customer.CompanyName!.Trim()}': {(nearest.Count > 0 ? string.Join(", ", nearest) : "none")}): placed in {where}."
                : $"The company '{customer.CompanyName!.Trim()}' matches no Halo customer" +
                  (nearest.Count > 0 ? $" (nearest: {string.Join(", ", nearest)})" : string.Empty) + $": placed in {where}.";
            return new Placement(_directory.Client(_defaultSite.ClientId), _defaultSite, MatchedBy.DefaultSite, null, reason) { NearestClients = nearest };
        }
    }

    /// <summary>Where <see cref="PlacementMatcher"/> sends a customer, by which rule, and why.</summary>
    public sealed class Placement
    {
        internal Placement(HaloClient? client, HaloSite? site, MatchedBy matchedBy, MatchMode? nameMatch, string? reason)
        {
            Client = client;
            Site = site;
            MatchedBy = matchedBy;
            NameMatch = nameMatch;
            Reason = reason;
        }

        /// <summary>The Halo customer the site belongs to (null when unknown).</summary>
        public HaloClient? Client { get; }

        /// <summary>The destination site; null when the customer cannot be placed (<see cref="Problem"/>).</summary>
        public HaloSite? Site { get; }

        public MatchedBy MatchedBy { get; }

        /// <summary>For <see cref="Import.MatchedBy.CompanyName"/>: whether the name matched exactly or only once normalised.</summary>
        public MatchMode? NameMatch { get; }

        /// <summary>A note on the placement (override used, Default Site and why); null for a plain name match.</summary>
        public string? Reason { get; }

        /// <summary>Why the customer cannot be placed (an ambiguous name, an override naming nothing, no invoice site).</summary>
        public string? Problem { get; internal set; }

        /// <summary>For the Default Site: the closest Halo customer names to the company.</summary>
        public IReadOnlyList<string> NearestClients { get; internal set; } = Array.Empty<string>();

        internal static Placement Unplaceable(MatchedBy by, string problem) => new Placement(null, null, by, null, null) { Problem = problem };
    }
}
