// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// After a write whose outcome is unknown, finds which of the users it should have created Halo holds, by
    /// the link value each carries (never by position). Reads the sites the new users went to when they are
    /// few, or every user otherwise: Halo's API cannot filter users by a custom field value (HaloAPI issue #14),
    /// so a site's user list is the narrowest read that can show them.
    /// </summary>
    internal static class SavedUserReadBack
    {
        /// <summary>Above this many sites one read of all users costs fewer requests than one read per site.</summary>
        public const int MaxSiteReads = 3;

        /// <summary>Users holding each wanted link value (lowest id first).</summary>
        public static async Task<IReadOnlyDictionary<string, HaloUser>> FindAsync(
            IHaloTarget target,
            HaloDirectory directory,
            IReadOnlyCollection<(string Link, int SiteId)> wanted,
            CancellationToken cancellationToken)
        {
            var links = new HashSet<string>(wanted.Select(w => w.Link), StringComparer.Ordinal);
            var sites = wanted.Select(w => w.SiteId).Distinct().ToList();
            var queries = sites.Count <= MaxSiteReads
                ? sites.Select(site => new HaloUserQuery { SiteId = site, IncludeInactive = true })
                : new[] { new HaloUserQuery { IncludeInactive = true } };
            var found = new Dictionary<string, HaloUser>(StringComparer.Ordinal);
            foreach (var query in queries)
            {
                await foreach (var user in target.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    if (directory.LinkValue(user) is { } link && links.Contains(link) && (!found.TryGetValue(link, out var seen) || user.Id < seen.Id))
                    {
                        found[link] = user;
                    }
                }
            }

            return found;
        }
    }
}
