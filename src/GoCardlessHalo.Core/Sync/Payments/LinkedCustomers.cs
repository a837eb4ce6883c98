// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The Halo users linked to GoCardless customers, read once per run: customer id → Halo user, and the users
    /// themselves (with their custom field values, for the payment summary). Inactive users are included: their
    /// payment history still belongs to them.
    /// </summary>
    internal sealed class LinkedCustomers
    {
        private readonly Dictionary<string, int> userByCustomer;

        private LinkedCustomers(IReadOnlyList<(string CustomerId, HaloUser User)> links)
        {
            Links = links;

            // Two users linked to one customer is a data problem in Halo; the lowest id owns the ledger rows (a stable
            // choice), and every one of them still gets the summary.
            var byCustomer = links.GroupBy(l => l.CustomerId, StringComparer.Ordinal).ToList();
            userByCustomer = byCustomer.ToDictionary(g => g.Key, g => g.Min(l => l.User.Id), StringComparer.Ordinal);
            Duplicates = byCustomer.Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        }

        /// <summary>Every linked user with the (normalised) customer id it links to.</summary>
        public IReadOnlyList<(string CustomerId, HaloUser User)> Links { get; }

        /// <summary>Customer ids with more than one linked user.</summary>
        public IReadOnlyList<string> Duplicates { get; }

        public int CustomerCount => userByCustomer.Count;

        public IEnumerable<KeyValuePair<string, int>> Customers => userByCustomer;

        public static async Task<LinkedCustomers> ReadAsync(IHaloTarget halo, string linkField, IEngineLog log, CancellationToken cancellationToken)
        {
            var links = new List<(string, HaloUser)>();
            var query = new HaloUserQuery { LinkField = linkField, IncludeInactive = true };
            await foreach (var user in halo.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (LinkValues.Read(user, linkField) is { } customerId)
                {
                    links.Add((customerId, user));
                }
            }

            var linked = new LinkedCustomers(links);
            if (linked.Duplicates.Count > 0)
            {
                log.Warning($"{linked.Duplicates.Count} GoCardless customer(s) are linked to more than one Halo user (e.g. {linked.Duplicates[0]}); their payments are listed under the lowest user id. Clear the {linkField} field of the extra users in Halo.");
            }

            return linked;
        }

        public bool IsLinked(string? customerId) => LinkValues.Normalize(customerId) is { } key && userByCustomer.ContainsKey(key);

        public int? UserOf(string? customerId) => LinkValues.Normalize(customerId) is { } key && userByCustomer.TryGetValue(key, out var user) ? user : (int?)null;
    }
}
