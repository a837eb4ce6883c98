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
    /// Finds the override that applies to a customer (its id first, then its company name) and the Halo site it names,
    /// against the run's <see cref="HaloDirectory"/> snapshot.
    /// </summary>
    internal sealed class PlacementOverrides
    {
        private readonly Dictionary<string, PlacementOverride> _byCustomer;
        private readonly Dictionary<string, PlacementOverride> _byCompany;
        private readonly HaloDirectory _directory;

        public PlacementOverrides(IEnumerable<PlacementOverride> overrides, HaloDirectory directory)
        {
            var list = overrides.ToList();
            _byCustomer = list.Where(o => o.CustomerId is not null).ToDictionary(o => o.CustomerId!, StringComparer.Ordinal);
            _byCompany = list.Where(o => o.CompanyName is not null).ToDictionary(o => CompanyKey(o.CompanyName), StringComparer.Ordinal);
            _directory = directory;
        }

        /// <summary>The override for this customer: one for its id wins over one for its company name.</summary>
        public PlacementOverride? For(Customer customer) =>
            _byCustomer.TryGetValue(customer.Id, out var byId) ? byId
            : _byCompany.TryGetValue(CompanyKey(customer.CompanyName), out var byCompany) ? byCompany
            : null;

        /// <summary>The site the override sends users to, or null with <paramref name="problem"/> saying why it cannot be used.</summary>
        public (HaloClient? Client, HaloSite? Site) Resolve(PlacementOverride placement, out string? problem)
        {
            problem = null;
            var fix = $"Fix it with Set-GcPlacementOverride or remove it with Remove-GcPlacementOverride.";
            if (placement.HaloSite is not null)
            {
                var sites = _directory.SitesNamed(placement.HaloSite);
                if (sites.Count != 1)
                {
                    problem = $"The override for the {placement.Subject} names the Halo site '{placement.HaloSite}', which " +
                              (sites.Count == 0 ? "is not an active Halo site" : $"matches {sites.Count} sites ({string.Join(", ", sites.Select(s => $"{s.ClientName}/{s.Name} (id {s.Id})"))}); use the site id or 'Customer/Site'") + $". {fix}";
                    return default;
                }

                return (_directory.Client(sites[0].ClientId), sites[0]);
            }

            var name = placement.HaloCustomer!;
            var clients = int.TryParse(name, out var id) && _directory.Client(id) is { Inactive: false } byId
                ? new[] { byId }
                : _directory.ClientsNamedExactly(name);
            if (clients.Count != 1)
            {
                problem = $"The override for the {placement.Subject} names the Halo customer '{name}', which " +
                          (clients.Count == 0 ? "is not an active Halo customer" : $"matches {clients.Count} customers; use its id") + $". {fix}";
                return default;
            }

            var site = _directory.InvoiceSiteOf(clients[0].Id);
            if (site is null)
            {
                problem = $"The override for the {placement.Subject} names the Halo customer '{clients[0].Name}', which has no active invoice site. Mark one in Halo, or point the override at a site (-HaloSite).";
                return default;
            }

            return (clients[0], site);
        }

        private static string CompanyKey(string? name) => CompanyNames.Key(name, MatchMode.Exact);
    }
}
