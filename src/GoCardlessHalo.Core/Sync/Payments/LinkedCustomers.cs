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
        private LinkedCustomers(IEnumerable<(string CustomerId, int UserId)> links, IReadOnlyDictionary<int, HaloUser>? usersRead)
        {
            Index = new LinkIndex(links.Select(l => ((string?)l.CustomerId, l.UserId)));
            UsersRead = usersRead;
        }

        /// <summary>Which user holds which customer (the one link index, <see cref="LinkIndex"/>).</summary>
        public LinkIndex Index { get; }

        /// <summary>Every linked user with the (normalised) customer id it links to.</summary>
        public IReadOnlyList<(string CustomerId, int UserId)> Links => Index.Links;

        /// <summary>The linked users as this run read them from Halo; null when the links came from the ledger's map.</summary>
        public IReadOnlyDictionary<int, HaloUser>? UsersRead { get; }

        public int CustomerCount => Index.CustomerCount;

        /// <summary>Every linked customer with the user that owns its payments.</summary>
        public IEnumerable<KeyValuePair<string, int>> Customers => Index.Customers;

        public bool IsLinked(string? customerId) => Index.IsLinked(customerId);

        public int? UserOf(string? customerId) => Index.UserOf(customerId);

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
                if (LinkValues.Read(user, linkField) is { } customer)
                {
                    links.Add((customer, user.Id));
                    users[user.Id] = user;
                }
            }

            return new LinkedCustomers(links, users);
        }

        private static LinkedCustomers Warn(LinkedCustomers linked, string linkField, IEngineLog log)
        {
            var duplicates = linked.Index.Duplicates();
            if (duplicates.Count > 0)
            {
                log.Warning($"{duplicates.Count} GoCardless customer(s) are linked to more than one Halo user (e.g. {duplicates.Keys.First()}); their payments are listed under the lowest user id. Clear the {linkField} field of the extra users in Halo.");
            }

            return linked;
        }
    }
}
