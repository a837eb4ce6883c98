// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Internal;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// Writes the payment summary to linked Halo users through the field mappings whose source is a payment
    /// summary, so agents see it inside Halo, spending Halo requests only on users whose summary changes. The
    /// summary of every linked customer is computed from the ledger (ledger queries, no Halo request) and compared
    /// with what Halo holds: the values this run read, or else the values the ledger recorded Halo holding
    /// (gch_summary). Only users that differ are read — each by id, or all at once in pages when that is fewer
    /// requests — checked to still hold their link, and written in batches; the values written are recorded. A user
    /// whose link moved is skipped and the link map expired, so the next run reads every linked user again.
    /// </summary>
    public sealed class PaymentSummaryWriter
    {
        private readonly PaymentLedger ledger;
        private readonly LinkedCustomers links;
        private readonly PaymentSyncOptions options;
        private readonly PaymentAudit audit;
        private readonly IEngineLog log;

        /// <summary>The summarise step of one payment sync: the ledger it computes from, the run's links, where it reports.</summary>
        internal PaymentSummaryWriter(PaymentLedger ledger, LinkedCustomers links, PaymentSyncOptions options, PaymentAudit audit, IEngineLog log)
        {
            this.ledger = ledger;
            this.links = links;
            this.options = options;
            this.audit = audit;
            this.log = log;
        }

        /// <summary>Status of the customer's last payment ("last" = latest charge date, ties by creation time).</summary>
        public const string LastStatus = "payment.last_status";

        /// <summary>Charge date of the last payment, yyyy-MM-dd.</summary>
        public const string LastChargeDate = "payment.last_charge_date";

        /// <summary>Amount of the last payment, e.g. "12.50 GBP".</summary>
        public const string LastAmount = "payment.last_amount";

        /// <summary>Status of the customer's most recent mandate.</summary>
        public const string MandateStatus = "mandate.status";

        /// <summary>Users per page of Halo's user list (Halo caps pages at 100: /work/shared/reference/halo.md, U4).</summary>
        private const int HaloUsersPerPage = 100;

        /// <summary>Brings the linked users' summary fields up to date; returns how many users were written.</summary>
        internal async Task<int> WriteAsync(IHaloTarget halo, CancellationToken cancellationToken)
        {
            var mappings = options.SummaryMappings;
            if (mappings.Count == 0 || links.Links.Count == 0)
            {
                return 0;
            }

            var watch = Stopwatch.StartNew();
            var wanted = await WantedAsync(mappings, cancellationToken).ConfigureAwait(false);
            var recorded = await ledger.LoadSummariesAsync(cancellationToken).ConfigureAwait(false);
            var users = links.UsersRead;
            var known = users is null ? recorded : HeldBy(users.Values, mappings);
            var stale = links.Links.Where(l => Differs(wanted, known, l)).ToList();
            await SayCostAsync(halo, stale.Count, users is null, cancellationToken).ConfigureAwait(false);
            if (stale.Count > 0 && users is null)
            {
                users = await ReadUsersAsync(halo, stale, cancellationToken).ConfigureAwait(false);
            }

            var plans = new List<SummaryPlan>();
            var linkMoved = false;
            foreach (var (customer, userId) in stale)
            {
                if (users is null || !users.TryGetValue(userId, out var user) || LinkValues.Read(user, options.LinkField) != customer)
                {
                    // Deleted, or relinked by an agent since the link map was read: not this customer's user any more.
                    linkMoved = true;
                    continue;
                }

                if (Plan(user, customer, mappings, wanted) is { } plan)
                {
                    plans.Add(plan);
                }
            }

            // What Halo holds where the ledger's record of it is out of date (a user written is recorded after its write).
            var planned = new HashSet<int>(plans.Select(p => p.User.Id));
            var unrecorded = (users?.Values ?? Enumerable.Empty<HaloUser>()).Where(u => !planned.Contains(u.Id) && Differs(HeldBy(new[] { u }, mappings)[u.Id], recorded, u.Id)).ToList();
            await RecordAsync(unrecorded, mappings, linkMoved, cancellationToken).ConfigureAwait(false);
            foreach (var batch in plans.Batches(options.HaloBatchSize))
            {
                // Journaled before the write: a run killed before the lines leaves the intents for the next import (AuditLog.Reconcile).
                var lines = batch.Select(p => PaymentAudit.Summary(p.User.Id, p.CustomerId, p.Before, p.After)).ToList();
                audit.Intend(halo.Location, lines);
                await halo.WriteUsersAsync(batch.Select(p => p.Write).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var plan in batch)
                {
                    foreach (var value in plan.After)
                    {
                        plan.User.CustomFields[value.Key] = value.Value;
                    }
                }

                audit.Summaries(lines);

                await RecordAsync(batch.Select(p => p.User).ToList(), mappings, false, cancellationToken).ConfigureAwait(false);
            }

            log.Verbose($"Sync-GcPayment: payment summary of {links.Links.Count} linked user(s) computed; {stale.Count} differed from what Halo holds, {plans.Count} written to Halo in {watch.ElapsedMilliseconds} ms.");
            if (linkMoved)
            {
                log.Warning("A Halo user no longer holds the GoCardless link the link map recorded (relinked or deleted since the last Import-GcUser); its summary was not written. The next Sync-GcPayment reads every linked user again.");
            }

            return plans.Count;
        }

        // The summary every linked customer should show, from the ledger: customer → field → value.
        private async Task<Dictionary<string, PaymentRecord>> LatestPaymentsAsync(CancellationToken cancellationToken)
        {
            var payments = new Dictionary<string, PaymentRecord>(StringComparer.Ordinal);
            await foreach (var (customer, latest) in ledger.ReadLatestPaymentsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (links.IsLinked(customer))
                {
                    payments[customer] = latest;
                }
            }

            return payments;
        }

        private async Task<Dictionary<string, Dictionary<string, string>>> WantedAsync(IReadOnlyList<FieldMapping> mappings, CancellationToken cancellationToken)
        {
            var payments = await LatestPaymentsAsync(cancellationToken).ConfigureAwait(false);
            var mandates = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var (customer, status) in ledger.ReadLatestMandatesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (links.IsLinked(customer))
                {
                    mandates[customer] = status;
                }
            }

            var wanted = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var customer in links.Customers.Select(c => c.Key))
            {
                payments.TryGetValue(customer, out var payment);
                mandates.TryGetValue(customer, out var mandate);
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var mapping in mappings)
                {
                    // Nothing to show is not a reason to erase what is there.
                    if (Value(mapping.GoCardlessField, payment, mandate) is { } value)
                    {
                        values[mapping.HaloField] = value;
                    }
                }

                wanted[customer] = values;
            }

            return wanted;
        }

        private static Dictionary<int, Dictionary<string, string?>> HeldBy(IEnumerable<HaloUser> users, IReadOnlyList<FieldMapping> mappings) =>
            users.ToDictionary(
                u => u.Id,
                u => mappings.ToDictionary(m => m.HaloField, m => u.CustomFields.TryGetValue(m.HaloField, out var v) ? v : null, StringComparer.OrdinalIgnoreCase));

        private static bool Differs(Dictionary<string, Dictionary<string, string>> wanted, Dictionary<int, Dictionary<string, string?>> known, (string CustomerId, int UserId) link)
        {
            if (!wanted.TryGetValue(link.CustomerId, out var values) || values.Count == 0)
            {
                return false;
            }

            return Differs(values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase), known, link.UserId);
        }

        // True when any of these values is not what the user is known to hold (an absent value counts as empty).
        private static bool Differs(IReadOnlyDictionary<string, string?> values, Dictionary<int, Dictionary<string, string?>> known, int userId)
        {
            known.TryGetValue(userId, out var held);
            return values.Any(v => held is null || !held.TryGetValue(v.Key, out var current) || !string.Equals(current ?? string.Empty, v.Value ?? string.Empty, StringComparison.Ordinal));
        }

        // The users to write, read from Halo: one by one when that is fewer requests than reading every linked user
        // in pages (which then also refreshes the link map), paged otherwise.
        private async Task<IReadOnlyDictionary<int, HaloUser>> ReadUsersAsync(IHaloTarget halo, List<(string CustomerId, int UserId)> stale, CancellationToken cancellationToken)
        {
            var ids = stale.Select(s => s.UserId).Distinct().ToList();
            var pages = (links.Links.Count + HaloUsersPerPage - 1) / HaloUsersPerPage;
            if (ids.Count > pages)
            {
                log.Verbose($"Sync-GcPayment: {ids.Count} summaries to write; reading the {links.Links.Count} linked users in about {pages} page(s) costs fewer Halo requests than one read per user.");
                var all = await LinkedCustomers.ReadAsync(halo, options.LinkField, cancellationToken).ConfigureAwait(false);
                await ledger.RefreshLinkMapAsync(all.Links, options.Clock, cancellationToken).ConfigureAwait(false);
                return all.UsersRead!;
            }

            var users = new Dictionary<int, HaloUser>();
            var query = new HaloUserQuery { UserIds = ids, IncludeInactive = true };
            await foreach (var user in halo.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                users[user.Id] = user;
            }

            return users;
        }

        /// <summary>What a payment sync costs in Halo API requests, as -WhatIf says it before anything is read.</summary>
        public static string DescribeCost(int batchSize) =>
            $"Halo API requests: 3 to start (authentication, field definitions); then, for the k users whose payment summary changes, k reads by id "
            + $"(or the linked users in pages of {HaloUsersPerPage} when that is fewer) and ⌈k/{batchSize}⌉ writes; nothing more when nothing moved. "
            + "When the link map is older than a day (Import-GcUser refreshes it) or a link moved, every linked user is read once more, in pages.";

        /// <summary>The Halo requests writing <paramref name="users"/> summaries costs: reads (by id, or the paged list when fewer) and batched writes.</summary>
        internal static int Cost(int users, int linkedUsers, int batchSize, bool mustRead)
        {
            if (users == 0)
            {
                return 0;
            }

            var pages = (linkedUsers + HaloUsersPerPage - 1) / HaloUsersPerPage;
            return (mustRead ? 1 + Math.Min(users, pages) : 0) + ((users + batchSize - 1) / batchSize);
        }

        // Says what the summaries will cost in Halo requests, and warns when the budget means waiting for them.
        private async Task SayCostAsync(IHaloTarget halo, int users, bool mustRead, CancellationToken cancellationToken)
        {
            var cost = Cost(users, links.Links.Count, options.HaloBatchSize, mustRead);
            log.Verbose($"Sync-GcPayment: {users} payment summary(ies) to bring up to date: about {cost} Halo request(s).");
            if (cost > 0 && halo is IHaloRequestBudget budget && budget.RequestsPer5Minutes > 0
                && await budget.EstimateWaitAsync(cost, cancellationToken).ConfigureAwait(false) is var wait && wait > TimeSpan.FromSeconds(1))
            {
                log.Warning($"Sync-GcPayment: the {cost} Halo request(s) for the payment summaries exceed what is left of {budget.RequestsPer5Minutes} per 5 minutes (shared by the module's runs on this machine); the run will wait about {wait.TotalMinutes:0.#} minute(s).");
            }
        }

        // Records what Halo now holds in the summary fields of these users; expires the link map when a link moved.
        private async Task RecordAsync(IReadOnlyList<HaloUser> users, IReadOnlyList<FieldMapping> mappings, bool expireLinks, CancellationToken cancellationToken)
        {
            if (users.Count == 0 && !expireLinks)
            {
                return;
            }

            using var writer = await ledger.BeginWriteAsync(options.Clock, cancellationToken).ConfigureAwait(false);
            foreach (var user in users)
            {
                foreach (var mapping in mappings)
                {
                    user.CustomFields.TryGetValue(mapping.HaloField, out var value);
                    await writer.SaveSummaryAsync(user.Id, mapping.HaloField, value, cancellationToken).ConfigureAwait(false);
                }
            }

            if (expireLinks)
            {
                await writer.ExpireLinksAsync(cancellationToken).ConfigureAwait(false);
            }

            writer.Commit();
        }

        /// <summary>The summary value of one source, or null when there is nothing to show (no payment, no mandate).</summary>
        internal static string? Value(string source, PaymentRecord? lastPayment, string? mandateStatus) => source switch
        {
            LastStatus => lastPayment?.Status,
            LastChargeDate => lastPayment?.ChargeDate is { } date ? IsoTime.Date(date) : null,
            LastAmount => lastPayment is null ? null : CurrencyAmounts.Format(lastPayment.Amount, lastPayment.Currency),
            MandateStatus => mandateStatus,
            _ => null,
        };

        private static SummaryPlan? Plan(HaloUser user, string customerId, IReadOnlyList<FieldMapping> mappings, Dictionary<string, Dictionary<string, string>> wanted)
        {
            var values = wanted[customerId];
            var before = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var after = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in mappings)
            {
                user.CustomFields.TryGetValue(mapping.HaloField, out var current);
                if (!values.TryGetValue(mapping.HaloField, out var value) || string.Equals(current ?? string.Empty, value, StringComparison.Ordinal))
                {
                    continue;
                }

                before[mapping.HaloField] = current;
                after[mapping.HaloField] = value;
            }

            return after.Count == 0
                ? null
                : new SummaryPlan(user, customerId, before, after, new HaloUserWrite { Id = user.Id, CustomFields = new Dictionary<string, string?>(after, StringComparer.OrdinalIgnoreCase) });
        }

        private sealed record SummaryPlan(HaloUser User, string CustomerId, Dictionary<string, string?> Before, Dictionary<string, string?> After, HaloUserWrite Write);
    }
}
