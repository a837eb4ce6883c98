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
    /// After writes whose outcome is unknown, finds which of the users they should have created Halo holds, by
    /// the link value each carries (never by position). Halo's API cannot filter users by a custom field value
    /// (HaloAPI issue #14), so the narrowest reads that can show them are the user lists of the sites the new users
    /// went to; one read of every user is taken instead when it costs fewer requests (<see cref="Cost"/>).
    /// </summary>
    internal static class SavedUserReadBack
    {
        /// <summary>
        /// The Halo requests a read-back of <paramref name="wanted"/> costs, the cheaper way: per site, its users'
        /// pages (<see cref="ImportCost.PageSize"/> a page) plus the field definitions every user read asks
        /// for first (<c>HaloApiTarget.GetUsersAsync</c>); or the same for one read of every user. The users being
        /// looked for count as if saved, since they may be.
        /// </summary>
        public static (int Requests, bool EveryUser) Cost(HaloDirectory directory, IReadOnlyCollection<(string Link, int SiteId)> wanted)
        {
            var perSite = wanted.GroupBy(w => w.SiteId).Sum(site => Read(directory.UsersInSite(site.Key) + site.Count()));
            var everyUser = Read(directory.UserCount + wanted.Count);
            return perSite <= everyUser ? (perSite, false) : (everyUser, true);
        }

        /// <summary>Users holding each wanted link value (lowest id first), read the cheaper way (<see cref="Cost"/>).</summary>
        public static async Task<IReadOnlyDictionary<string, HaloUser>> FindAsync(
            IHaloTarget target,
            HaloDirectory directory,
            IReadOnlyCollection<(string Link, int SiteId)> wanted,
            CancellationToken cancellationToken)
        {
            var links = new HashSet<string>(wanted.Select(w => w.Link), StringComparer.Ordinal);
            var queries = Cost(directory, wanted).EveryUser
                ? new[] { new HaloUserQuery { IncludeInactive = true } }
                : wanted.Select(w => w.SiteId).Distinct().Select(site => new HaloUserQuery { SiteId = site, IncludeInactive = true });
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

        // One list read: the field definitions, then its pages (at least one, even when empty).
        private static int Read(int users) => 1 + ImportCost.Pages(users);
    }
}
