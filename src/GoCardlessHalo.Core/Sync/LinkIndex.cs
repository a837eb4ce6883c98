// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Which Halo user is linked to which GoCardless customer: the one index of links, built by the import's snapshot
    /// (<see cref="HaloDirectory"/>) and by payment sync (<c>Sync/Payments/LinkedCustomers.cs</c>) alike. Every key
    /// goes through <see cref="LinkValues.Normalize"/>, so <c>cu123</c>, <c> CU123 </c> and <c>CU123</c> are one
    /// customer here whoever asks. Two users holding one customer is a data problem in Halo (see
    /// <see cref="DuplicateLinks"/>): both are kept, and the lowest id is the customer's <see cref="UserOf"/>.
    /// </summary>
    public sealed class LinkIndex
    {
        private readonly Dictionary<string, List<int>> usersByCustomer = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        private readonly List<(string CustomerId, int UserId)> links = new List<(string CustomerId, int UserId)>();

        /// <summary>An index of <paramref name="links"/> (link values as Halo holds them; blank ones are no link).</summary>
        public LinkIndex(IEnumerable<(string? LinkValue, int UserId)>? links = null)
        {
            foreach (var (value, user) in links ?? Array.Empty<(string?, int)>())
            {
                Add(value, user);
            }
        }

        /// <summary>Every link, in the order added, with the customer id in canonical form.</summary>
        public IReadOnlyList<(string CustomerId, int UserId)> Links => links;

        /// <summary>How many customers are linked (a customer held by two users counts once).</summary>
        public int CustomerCount => usersByCustomer.Count;

        /// <summary>Every linked customer with the user that owns its payments (the lowest id of its users).</summary>
        public IEnumerable<KeyValuePair<string, int>> Customers =>
            usersByCustomer.Select(p => new KeyValuePair<string, int>(p.Key, p.Value.Min()));

        /// <summary>Records that <paramref name="userId"/> holds <paramref name="linkValue"/>; a blank value is no link.</summary>
        public void Add(string? linkValue, int userId)
        {
            if (LinkValues.Normalize(linkValue) is not { } customer)
            {
                return;
            }

            if (!usersByCustomer.TryGetValue(customer, out var users))
            {
                usersByCustomer[customer] = users = new List<int>();
            }

            users.Add(userId);
            links.Add((customer, userId));
        }

        /// <summary>The users holding this customer, in the order added; empty when none does.</summary>
        public IReadOnlyList<int> UsersOf(string? customerId) =>
            LinkValues.Normalize(customerId) is { } key && usersByCustomer.TryGetValue(key, out var users) ? users : (IReadOnlyList<int>)Array.Empty<int>();

        /// <summary>Whether any user holds this customer.</summary>
        public bool IsLinked(string? customerId) => UsersOf(customerId).Count > 0;

        /// <summary>The user that owns the customer's payments: the lowest id of its users (a stable choice), or null.</summary>
        public int? UserOf(string? customerId) => UsersOf(customerId) is { Count: > 0 } users ? users.Min() : (int?)null;

        /// <summary>Customers held by more than one user, with those users' ids, in the order first linked.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<int>> Duplicates() => usersByCustomer
            .Where(p => p.Value.Count > 1)
            .ToDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value.ToList(), StringComparer.Ordinal);
    }
}
