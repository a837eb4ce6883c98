// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The GoCardless customers linked to Halo users for one payment sync: customer id → Halo user. It comes from
    /// the ledger's link map (gch_link) when that is fresh — refreshed by every Import-GcUser, whose full read of Halo
    /// happens anyway — and from a full read of the linked users otherwise (never read, older than
    /// <see cref="PaymentSyncOptions.LinkMapMaxAge"/>, or expired because a user read later no longer held its link).
    /// Inactive users are included: their payment history still belongs to them.
    /// </summary>
    internal sealed class LinkedCustomers
    {
        private readonly Dictionary<string, int> userByCustomer;

        private LinkedCustomers(IReadOnlyList<(string CustomerId, int UserId)> links, IReadOnlyDictionary<int, HaloUser>? usersRead)
        {
            Links = links;
            UsersRead = usersRead;

            // Two users linked to one customer is a data problem in Halo; the lowest id owns the ledger rows (a stable
            // choice), and every one of them still gets the summary.
            var byCustomer = links.GroupBy(l => l.CustomerId, StringComparer.Ordinal).ToList();
            userByCustomer = byCustomer.ToDictionary(g => g.Key, g => g.Min(l => l.UserId), StringComparer.Ordinal);
            Duplicates = byCustomer.Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        }

        /// <summary>Every linked user with the (normalised) customer id it links to.</summary>
        public IReadOnlyList<(string CustomerId, int UserId)> Links { get; }

        /// <summary>The linked users as this run read them from Halo; null when the links came from the ledger's map.</summary>
        public IReadOnlyDictionary<int, HaloUser>? UsersRead { get; }

        /// <summary>Customer ids with more than one linked user.</summary>
        public IReadOnlyList<string> Duplicates { get; }

        public int CustomerCount => userByCustomer.Count;

        public IEnumerable<KeyValuePair<string, int>> Customers => userByCustomer;

        /// <summary>The user's link value, normalised; null when the user is not linked.</summary>
        public static string? LinkOf(HaloUser user, string linkField) =>
            user.CustomFields.TryGetValue(linkField, out var value) && !string.IsNullOrWhiteSpace(value) ? LinkValues.Normalize(value) : null;

        /// <summary>
        /// The ledger's link map when it is fresh, or every linked user read from Halo (and the map refreshed with
        /// them) when it is not. <paramref name="readHalo"/> forces the full read.
        /// </summary>
        public static async Task<LinkedCustomers> LoadAsync(PaymentLedger ledger, IHaloTarget halo, PaymentSyncOptions options, IEngineLog log, bool readHalo, CancellationToken cancellationToken)
        {
            var (map, readAt) = await ledger.LoadLinkMapAsync(cancellationToken).ConfigureAwait(false);
            var age = readAt is { } time ? options.Clock.UtcNow - time : (TimeSpan?)null;
            if (!readHalo && age is { } fresh && fresh <= options.LinkMapMaxAge)
            {
                log.Verbose($"Sync-GcPayment: {map.Count} link(s) from the ledger's link map, read from Halo {fresh.TotalMinutes:0} minute(s) ago (refreshed by Import-GcUser, or after {options.LinkMapMaxAge.TotalHours:0.#} h); no Halo user read for them.");
                return Warn(new LinkedCustomers(map, null), options.LinkField, log);
            }

            log.Verbose(age is null
                ? "Sync-GcPayment: the ledger has no link map yet; reading every linked Halo user once."
                : $"Sync-GcPayment: the link map is {age.Value.TotalHours:0.#} h old (more than {options.LinkMapMaxAge.TotalHours:0.#} h, or expired); reading every linked Halo user.");
            var linked = await ReadAsync(halo, options.LinkField, cancellationToken).ConfigureAwait(false);
            await ledger.RefreshLinkMapAsync(linked.Links, options.Clock, cancellationToken).ConfigureAwait(false);
            return Warn(linked, options.LinkField, log);
        }

        /// <summary>Every linked user, read from Halo.</summary>
        public static async Task<LinkedCustomers> ReadAsync(IHaloTarget halo, string linkField, CancellationToken cancellationToken)
        {
            var links = new List<(string, int)>();
            var users = new Dictionary<int, HaloUser>();
            var query = new HaloUserQuery { LinkField = linkField, IncludeInactive = true };
            await foreach (var user in halo.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (LinkOf(user, linkField) is { } customer)
                {
                    links.Add((customer, user.Id));
                    users[user.Id] = user;
                }
            }

            return new LinkedCustomers(links, users);
        }


        private static LinkedCustomers Warn(LinkedCustomers linked, string linkField, IEngineLog log)
        {
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
