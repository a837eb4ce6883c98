// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Finding Halo users the way Get-GcUser and Get-GcPayment ask for them: by customer and site (a name pattern
    /// or an id), linked or all, and by the GoCardless customer a user is linked to. Link values compare through
    /// <see cref="LinkValues"/>, so the users Import-GcUser and Sync-GcPayment see as linked are the ones found here.
    /// </summary>
    public sealed class UserSearch
    {
        private readonly IHaloTarget _target;

        /// <param name="target">An opened Halo target.</param>
        /// <param name="linkField">The resolved link field (see <see cref="UserFieldResolver.ResolveLinkFieldAsync"/>).</param>
        public UserSearch(IHaloTarget target, string linkField)
        {
            _target = target ?? throw new ArgumentNullException(nameof(target));
            LinkField = linkField ?? throw new ArgumentNullException(nameof(linkField));
        }

        public string LinkField { get; }

        /// <summary>
        /// Users of the customers and sites that match. A filter matches by id (its text is the id) or by name
        /// (the <see cref="NameFilter"/> decides; the shell passes PowerShell's wildcard
        /// match). A filter that matches nothing returns no user; one match is also sent to the target as a filter.
        /// </summary>
        public async IAsyncEnumerable<HaloUser> FindAsync(
            UserFilter filter,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (filter is null)
            {
                throw new ArgumentNullException(nameof(filter));
            }

            var clients = filter.Client is null ? null : Matching(filter.Client, await ReadAsync(_target.GetClientsAsync(cancellationToken), c => (c.Id, c.Name)).ConfigureAwait(false));
            var sites = filter.Site is null ? null : Matching(filter.Site, await ReadAsync(_target.GetSitesAsync(cancellationToken), s => (s.Id, s.Name)).ConfigureAwait(false));
            if (clients is { Count: 0 } || sites is { Count: 0 })
            {
                yield break;
            }

            var query = new HaloUserQuery
            {
                LinkField = filter.LinkedOnly ? LinkField : null,
                ClientId = clients?.Count == 1 ? clients.Single() : null,
                SiteId = sites?.Count == 1 ? sites.Single() : null,
                IncludeInactive = filter.IncludeInactive,
            };
            await foreach (var user in _target.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if ((clients is null || clients.Contains(user.ClientId)) && (sites is null || sites.Contains(user.SiteId)))
                {
                    yield return user;
                }
            }
        }

        /// <summary>Users grouped by the GoCardless customer they are linked to (normalised; any spelling finds them).</summary>
        public ILookup<string?, HaloUser> ByCustomer(IEnumerable<HaloUser> users) => users.ToLookup(u => LinkValues.Read(u, LinkField), LinkValues.Comparer);

        /// <summary>The GoCardless customer each linked user (active or not) is linked to, normalised.</summary>
        public async Task<IReadOnlyDictionary<int, string>> CustomerByUserAsync(CancellationToken cancellationToken) =>
            (await LinkedUsersByIdAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Key, p => LinkValues.Read(p.Value, LinkField)!);

        /// <summary>Every linked user (active or not) by id: where each lives (customer and site), for payments and mandates.</summary>
        public async Task<IReadOnlyDictionary<int, HaloUser>> LinkedUsersByIdAsync(CancellationToken cancellationToken)
        {
            var result = new Dictionary<int, HaloUser>();
            var query = new HaloUserQuery { LinkField = LinkField, IncludeInactive = true };
            await foreach (var user in _target.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (LinkValues.Read(user, LinkField) is not null)
                {
                    result[user.Id] = user;
                }
            }

            return result;
        }

        private static HashSet<int> Matching(NameFilter filter, IEnumerable<(int Id, string Name)> candidates) =>
            new HashSet<int>(candidates
                .Where(c => string.Equals(c.Id.ToString(CultureInfo.InvariantCulture), filter.Text.Trim(), StringComparison.Ordinal) || filter.IsMatch(c.Name))
                .Select(c => c.Id));

        private static async Task<List<(int Id, string Name)>> ReadAsync<T>(IAsyncEnumerable<T> source, Func<T, (int, string)> select)
        {
            var list = new List<(int, string)>();
            await foreach (var item in source.ConfigureAwait(false))
            {
                list.Add(select(item));
            }

            return list;
        }
    }

    /// <summary>What <see cref="UserSearch.FindAsync"/> looks for.</summary>
    public sealed class UserFilter
    {
        /// <summary>Only users whose link field holds a value.</summary>
        public bool LinkedOnly { get; set; } = true;

        public bool IncludeInactive { get; set; }

        /// <summary>Only users of the Halo customers that match; null for all.</summary>
        public NameFilter? Client { get; set; }

        /// <summary>Only users of the Halo sites that match; null for all.</summary>
        public NameFilter? Site { get; set; }
    }

    /// <summary>A customer or site filter: an id, or a name the caller's rule matches (PowerShell wildcards in the shell).</summary>
    public sealed class NameFilter
    {
        private readonly Func<string, bool> _isMatch;

        public NameFilter(string text, Func<string, bool> isMatch)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            _isMatch = isMatch ?? throw new ArgumentNullException(nameof(isMatch));
        }

        public string Text { get; }

        public bool IsMatch(string name) => _isMatch(name);
    }
}
