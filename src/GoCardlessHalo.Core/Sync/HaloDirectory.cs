// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// One read of Halo, indexed for matching: customers by name key, invoice sites, users by GoCardless link and
    /// by email. Built once per run, then kept up to date as users are created or linked, so the whole import
    /// needs a single paged read of Halo whatever the number of customers.
    /// </summary>
    public sealed class HaloDirectory
    {
        private readonly Dictionary<int, HaloClient> _clients;
        private readonly Dictionary<int, HaloSite> _sites;
        private readonly Dictionary<int, HaloSite> _invoiceSites;
        private readonly Dictionary<string, List<HaloClient>> _clientsByExactKey = new Dictionary<string, List<HaloClient>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<HaloClient>> _clientsByNormalizedKey = new Dictionary<string, List<HaloClient>>(StringComparer.Ordinal);
        private readonly LinkIndex _links = new LinkIndex();
        private readonly Dictionary<string, List<HaloUser>> _unlinkedByEmail = new Dictionary<string, List<HaloUser>>(StringComparer.Ordinal);
        private readonly MatchMode _mode;

        // Active customers with their normalised names, computed once: the nearest names are looked up for every
        // customer that lands in the Default Site.
        private readonly List<(string Name, string Key)> _activeClientKeys = new List<(string Name, string Key)>();
        private readonly Dictionary<int, HaloUser> _users = new Dictionary<int, HaloUser>();
        private readonly Dictionary<int, int> _usersPerSite = new Dictionary<int, int>();

        public HaloDirectory(IEnumerable<HaloClient> clients, IEnumerable<HaloSite> sites, IEnumerable<HaloUser> users, string linkField, MatchMode mode)
        {
            _mode = mode;
            LinkField = linkField;
            _clients = clients.ToDictionary(c => c.Id);
            _sites = sites.ToDictionary(s => s.Id);

            // Asked for every customer matched by company name: indexed once rather than a scan of all sites each time.
            _invoiceSites = _sites.Values
                .Where(s => s.IsInvoiceSite && !s.Inactive)
                .GroupBy(s => s.ClientId)
                .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).First());
            foreach (var client in _clients.Values.Where(c => !c.Inactive))
            {
                var exact = CompanyNames.Key(client.Name, MatchMode.Exact);
                if (exact.Length > 0)
                {
                    Add(_clientsByExactKey, exact, client);
                    Add(_clientsByNormalizedKey, CompanyNames.Key(client.Name, MatchMode.Normalized), client);
                }

                _activeClientKeys.Add((client.Name, CompanyNames.Key(client.Name, MatchMode.Normalized)));
            }

            foreach (var user in users)
            {
                Index(user);
            }
        }

        public string LinkField { get; }

        /// <summary>How company names are matched in this run.</summary>
        public MatchMode Mode => _mode;

        /// <summary>Every link value with the user holding it: what the payment ledger's link map is refreshed with.</summary>
        public IEnumerable<(string LinkValue, int HaloUserId)> Links => _links.Links;

        /// <summary>Users holding this GoCardless customer id in the link field (more than one is an ambiguity).</summary>
        public IReadOnlyList<HaloUser> UsersLinkedTo(string customerId) => _links.UsersOf(customerId).Select(id => _users[id]).ToList();

        /// <summary>Link values held by more than one user, with those users' ids.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<int>> Duplicates() => _links.Duplicates();

        /// <summary>
        /// Active users anywhere in Halo with this email and no GoCardless link yet: a contact that already exists under
        /// another Halo customer (or for a customer without a company) is one person, not a reason for a second user.
        /// </summary>
        public IReadOnlyList<HaloUser> UnlinkedUsersWithEmail(string? email) =>
            !string.IsNullOrWhiteSpace(email) && _unlinkedByEmail.TryGetValue(EmailKey(email!), out var users)
                ? users
                : (IReadOnlyList<HaloUser>)Array.Empty<HaloUser>();

        /// <summary>
        /// Active Halo customers whose name matches the company name. An exact match (trimmed, case folded) always
        /// wins: normalisation only decides for a company that no Halo customer names exactly, so "Orchard Bakery Ltd"
        /// goes to the customer of that name even when "Orchard Bakery Pty Ltd" exists too (issue 11).
        /// </summary>
        public IReadOnlyList<HaloClient> ClientsNamed(string? companyName)
        {
            if (_mode == MatchMode.Off)
            {
                return Array.Empty<HaloClient>();
            }

            var exact = Lookup(_clientsByExactKey, CompanyNames.Key(companyName, MatchMode.Exact));
            return exact.Count > 0 || _mode == MatchMode.Exact ? exact : Lookup(_clientsByNormalizedKey, CompanyNames.Key(companyName, MatchMode.Normalized));
        }

        /// <summary>Active Halo customers with exactly this name (trimmed, case folded), whatever the run's match mode.</summary>
        public IReadOnlyList<HaloClient> ClientsNamedExactly(string? name) => Lookup(_clientsByExactKey, CompanyNames.Key(name, MatchMode.Exact));

        /// <summary>Active sites named by a site id, a site name, or "Customer/Site" (the Default Site and overrides use this).</summary>
        public IReadOnlyList<HaloSite> SitesNamed(string text) => DefaultSites.Find(_sites.Values, text);

        /// <summary>Up to <paramref name="count"/> active customer names closest to <paramref name="companyName"/>.</summary>
        public IReadOnlyList<string> NearestClientNames(string companyName, int count = 3)
        {
            var key = CompanyNames.Key(companyName, MatchMode.Normalized);
            var limit = Math.Max(3, key.Length / 2);
            return _activeClientKeys
                .Select(c => (c.Name, Distance: CompanyNames.Distance(key, c.Key, limit)))
                .Where(c => c.Distance <= limit)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Take(count)
                .Select(c => c.Name)
                .ToList();
        }

        /// <summary>The customer's active invoice site (the lowest id when it has several), or null when it has none.</summary>
        public HaloSite? InvoiceSiteOf(int clientId) => _invoiceSites.TryGetValue(clientId, out var site) ? site : null;

        public HaloSite? Site(int siteId) => _sites.TryGetValue(siteId, out var site) ? site : null;

        /// <summary>The user with this id (active or not), or null.</summary>
        public HaloUser? User(int userId) => _users.TryGetValue(userId, out var user) ? user : null;

        /// <summary>How many users the snapshot holds (as read, plus those this run created): the size of a read of every user.</summary>
        public int UserCount => _users.Count;

        /// <summary>How many users of the snapshot are in this site (where they were read or created): the size of a read of the site's users.</summary>
        public int UsersInSite(int siteId) => _usersPerSite.TryGetValue(siteId, out var count) ? count : 0;

        public HaloClient? Client(int clientId) => _clients.TryGetValue(clientId, out var client) ? client : null;

        /// <summary>Finds the Default Site from the setting: a site id, a unique site name, or "Customer/Site".</summary>
        /// <exception cref="GcHaloException">DefaultSiteNotSet, DefaultSiteNotFound or DefaultSiteAmbiguous.</exception>
        public HaloSite ResolveDefaultSite(string? setting) => DefaultSites.Resolve(_sites.Values, setting);

        /// <summary>Adds or re-indexes a user after it was created, linked or updated in this run.</summary>
        public void Index(HaloUser user)
        {
            if (!_users.ContainsKey(user.Id))
            {
                _usersPerSite[user.SiteId] = UsersInSite(user.SiteId) + 1;
            }

            _users[user.Id] = user;
            var link = LinkValue(user);
            if (link is not null)
            {
                _links.Add(link, user.Id);
            }
            else if (!user.Inactive && !string.IsNullOrWhiteSpace(user.Email))
            {
                Add(_unlinkedByEmail, EmailKey(user.Email!), user);
            }
        }

        /// <summary>Removes a user from the email index once it has been linked.</summary>
        public void MarkLinked(HaloUser user, string customerId)
        {
            if (!string.IsNullOrWhiteSpace(user.Email) && _unlinkedByEmail.TryGetValue(EmailKey(user.Email!), out var users))
            {
                users.Remove(user);
            }

            user.CustomFields[LinkField] = customerId;
            _users[user.Id] = user;
            _links.Add(customerId, user.Id);
        }

        public string? LinkValue(HaloUser user) => LinkValues.Read(user, LinkField);

        private static IReadOnlyList<HaloClient> Lookup(Dictionary<string, List<HaloClient>> index, string key) =>
            key.Length > 0 && index.TryGetValue(key, out var clients) ? clients : (IReadOnlyList<HaloClient>)Array.Empty<HaloClient>();

        private static string EmailKey(string email) => email.Trim().ToLowerInvariant();

        private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<TValue>();
            }

            list.Add(value);
        }
    }
}
