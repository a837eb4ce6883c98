// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>Finds the site the Default Site setting names.</summary>
    public static class DefaultSites
    {
        /// <summary>
        /// The one active site that <paramref name="setting"/> names: a site id, a unique site name, or "Customer/Site".
        /// </summary>
        /// <exception cref="GcHaloException">DefaultSiteNotSet, DefaultSiteNotFound or DefaultSiteAmbiguous.</exception>
        public static HaloSite Resolve(IEnumerable<HaloSite> sites, string? setting)
        {
            if (string.IsNullOrWhiteSpace(setting))
            {
                throw new GcHaloException(
                    ErrorIds.DefaultSiteNotSet,
                    ErrorKind.InvalidOperation,
                    "No Default Site is configured, so customers whose company matches no Halo customer have nowhere to go. Run Enable-GcModule -DefaultSite <site id, name or 'Customer/Site'>.",
                    "DefaultSite");
            }

            var text = setting!.Trim();
            var active = Find(sites, text);
            return active.Count switch
            {
                1 => active[0],
                0 => throw new GcHaloException(
                    ErrorIds.DefaultSiteNotFound,
                    ErrorKind.NotFound,
                    $"The Default Site '{text}' is not an active Halo site. Give a site id, a site name, or 'Customer/Site' with Enable-GcModule -DefaultSite.",
                    text),
                _ => throw new GcHaloException(
                    ErrorIds.DefaultSiteAmbiguous,
                    ErrorKind.Ambiguous,
                    $"The Default Site '{text}' names {active.Count} sites ({string.Join(", ", active.Select(s => $"{s.ClientName}/{s.Name} (id {s.Id})"))}). Use the site id or 'Customer/Site'.",
                    text),
            };
        }

        /// <summary>The active sites <paramref name="text"/> names: a site id, a site name, or "Customer/Site" (ignoring case).</summary>
        public static IReadOnlyList<HaloSite> Find(IEnumerable<HaloSite> sites, string text)
        {
            text = text.Trim();
            return sites.Where(s => !s.Inactive && (int.TryParse(text, out var id) ? s.Id == id : Named(s, text))).ToList();
        }

        /// <summary>Reads the sites of <paramref name="target"/> and resolves <paramref name="setting"/> among them.</summary>
        /// <exception cref="GcHaloException">DefaultSiteNotSet, DefaultSiteNotFound or DefaultSiteAmbiguous.</exception>
        public static async Task<HaloSite> ResolveAsync(IHaloTarget target, string? setting, CancellationToken cancellationToken)
        {
            var sites = new List<HaloSite>();
            await foreach (var site in target.GetSitesAsync(cancellationToken).ConfigureAwait(false))
            {
                sites.Add(site);
            }

            return Resolve(sites, setting);
        }

        private static bool Named(HaloSite site, string text)
        {
            var slash = text.IndexOf('/');
            return slash > 0
                ? string.Equals(site.ClientName, text.Substring(0, slash).Trim(), StringComparison.OrdinalIgnoreCase)
                  && string.Equals(site.Name, text.Substring(slash + 1).Trim(), StringComparison.OrdinalIgnoreCase)
                : string.Equals(site.Name, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
