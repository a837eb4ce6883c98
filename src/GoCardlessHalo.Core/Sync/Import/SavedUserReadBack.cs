// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// After writes whose outcome is unknown, finds which of the users they should have created Halo holds, by
    /// the link value each carries (never by position). Halo's API cannot filter users by a custom field value
    /// (HaloAPI issue #14), so the narrowest reads that can show them are the user lists of the sites the new users
    /// went to; one read of every user is taken instead when it costs fewer requests (<see cref="Cost"/>).
    /// A paged read can miss a saved user (a user deleted and another created while it pages: issue 8,
    /// <c>Halo/Api/HaloPager.cs</c>), and writing a missed one again would give its customer a second user; so on a
    /// paged target a user is written again only when two reads both did not find it (<see cref="FindConfirmedAsync"/>).
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

        /// <summary>
        /// As <see cref="FindAsync"/>; then, on a target whose user list is paged (<see cref="IHaloTarget.UserListPageSize"/>),
        /// the links that read did not find are looked for once more, the cheaper way for them alone, and only those
        /// both reads missed are left out. Costs nothing more when the first read found them all (Halo saved every
        /// user: the usual case), nor on a SQL target, which reads in one statement.
        /// </summary>
        public static async Task<IReadOnlyDictionary<string, HaloUser>> FindConfirmedAsync(
            IHaloTarget target,
            HaloDirectory directory,
            IReadOnlyCollection<(string Link, int SiteId)> wanted,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            var found = await FindAsync(target, directory, wanted, cancellationToken).ConfigureAwait(false);
            var missing = wanted.Where(w => !found.ContainsKey(w.Link)).ToList();
            if (missing.Count == 0 || target.UserListPageSize is null)
            {
                return found;
            }

            var again = await FindAsync(target, directory, missing, cancellationToken).ConfigureAwait(false);
            var message = $"Import-GcUser: {missing.Count} created user(s) the read-back did not find were looked for again (about {Cost(directory, missing).Requests} request(s)): {again.Count} found";
            if (again.Count == 0)
            {
                log.Verbose(message + "; the rest are written again.");
                return found;
            }

            log.Warning(message + " only by the second read, so not written again: Halo's user list changed during the read-back (users deleted and created), which moves rows between pages.");
            var both = found.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            foreach (var pair in again)
            {
                both[pair.Key] = pair.Value;
            }

            return both;
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
