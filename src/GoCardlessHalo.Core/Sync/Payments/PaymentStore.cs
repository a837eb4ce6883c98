// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>A linked customer whose Halo user changed: newly recorded (Before null), moved, or unlinked (After null).</summary>
    internal sealed record LinkChange(string CustomerId, int? Before, int? After);

    /// <summary>
    /// The store step of payment sync: every ledger write of a run goes through <see cref="StoreAsync"/>, one
    /// transaction holding the queued mandates, the payments <see cref="PaymentDecisions"/> says to write, and
    /// whatever else the caller writes with them (links, seen events, the watermark); counted only after it committed.
    /// Its audit lines are journaled just before the commit and written just after it (<see cref="PaymentAudit"/>): a
    /// run killed in between leaves the intents for the next sync, which checks them against the ledger
    /// (<see cref="ConfirmedLedgerChanges"/>). It also keeps the ledger's record of which customers are backfilled, for whom.
    /// </summary>
    internal sealed class PaymentStore
    {
        private readonly PaymentLedger ledger;
        private readonly IClock clock;
        private readonly MandateDirectory mandates;
        private readonly LinkIndex links;
        private readonly DashboardLinks dashboard;
        private readonly PaymentAudit audit;
        private readonly PaymentSyncStatistics statistics;
        private readonly Dictionary<string, int> backfilled;

        // Lines the caller's own writes add to the transaction being built (the watermark), journaled with its rows'.
        private readonly List<AuditChange> extraLines = new List<AuditChange>();

        /// <param name="ledger">Where the rows go.</param>
        /// <param name="clock">The time rows are written at.</param>
        /// <param name="mandates">Which customer each mandate belongs to; its queued mandates are written with each batch.</param>
        /// <param name="links">Which customers are linked, to whom: only their payments are stored.</param>
        /// <param name="dashboard">The payments' dashboard pages, on each change.</param>
        /// <param name="audit">Where each write is journaled before its commit and recorded after it.</param>
        /// <param name="statistics">Counts of rows and changes.</param>
        /// <param name="backfilled">The ledger's customers whose history it holds → the Halo user recorded for them.</param>
        public PaymentStore(
            PaymentLedger ledger,
            IClock clock,
            MandateDirectory mandates,
            LinkIndex links,
            DashboardLinks dashboard,
            PaymentAudit audit,
            PaymentSyncStatistics statistics,
            Dictionary<string, int> backfilled)
        {
            this.ledger = ledger;
            this.clock = clock;
            this.mandates = mandates;
            this.links = links;
            this.dashboard = dashboard;
            this.audit = audit;
            this.statistics = statistics;
            this.backfilled = backfilled;
        }

        /// <summary>Where committed mandate status changes are reported (Sync/Mandates/MandateChangeFeed); null: not reported.</summary>
        public Mandates.MandateChangeFeed? MandateChanges { get; init; }

        /// <summary>Test seam: runs after a commit, before its audit lines are written (a kill in between).</summary>
        internal Action? Committed { get; init; }

        /// <summary>Customers whose history is in the ledger → the Halo user recorded for them (as of the last commit).</summary>
        public IReadOnlyDictionary<string, int> BackfilledCustomers => backfilled;

        /// <summary>
        /// In one transaction: the queued mandates, the observed payments (only what differs from the ledger), and
        /// whatever <paramref name="more"/> writes. Returns the status changes, once committed. <paramref name="summarise"/>
        /// audits the rows as one page line (full backfills).
        /// </summary>
        public async Task<IReadOnlyList<PaymentChange>> StoreAsync(
            IReadOnlyCollection<ObservedPayment> observed,
            PaymentChangeOrigin origin,
            bool summarise,
            Func<LedgerWriter, Task<IReadOnlyList<LinkChange>>>? more,
            CancellationToken cancellationToken)
        {
            if (observed.Count == 0 && !mandates.HasPending && more is null)
            {
                return Array.Empty<PaymentChange>();
            }

            IReadOnlyList<(MandateRow?, MandateRow)> mandateWrites;
            IReadOnlyList<PaymentWrite> payments;
            IReadOnlyList<LinkChange> linkChanges = Array.Empty<LinkChange>();
            List<AuditChange> lines;
            extraLines.Clear();
            using (var writer = await ledger.BeginWriteAsync(clock, cancellationToken).ConfigureAwait(false))
            {
                mandateWrites = await mandates.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
                payments = await WritePaymentsAsync(writer, observed, origin, cancellationToken).ConfigureAwait(false);
                if (more is not null)
                {
                    linkChanges = await more(writer).ConfigureAwait(false);
                }

                // A new record of a customer is not audited per customer: the backfill's page lines say what it stored.
                lines = PaymentAudit.Mandates(mandateWrites, summarise)
                    .Concat(PaymentAudit.Payments(payments, summarise))
                    .Concat(linkChanges.Where(c => c.Before is not null).Select(c => PaymentAudit.Link(c.CustomerId, c.Before, c.After)))
                    .Concat(extraLines)
                    .ToList();
                audit.IntendLedger(ledger.Location, lines);
                writer.Commit();
                statistics.LedgerRowsWritten += writer.RowsWritten;
            }

            Committed?.Invoke();
            audit.Written(lines);
            MandateChanges?.Record(mandateWrites, origin, links.Customers, clock.UtcNow);
            foreach (var change in linkChanges)
            {
                Remember(change);
            }

            var changes = payments.Where(p => p.Change is not null).Select(p => p.Change!).ToList();
            statistics.Changes += changes.Count;
            return changes;
        }

        /// <summary>Moves the watermark in the transaction being built; its audit line goes with the transaction's.</summary>
        public async Task SetWatermarkAsync(LedgerWriter writer, DateTimeOffset? before, DateTimeOffset after, CancellationToken cancellationToken)
        {
            await writer.SetWatermarkAsync(after, cancellationToken).ConfigureAwait(false);
            extraLines.Add(PaymentAudit.Watermark(before, after));
        }

        /// <summary>
        /// Brings gch_customer in line with Halo's links: a customer now linked to another user has its rows
        /// re-attributed; one no longer linked is forgotten (its rows keep their history without a user, and
        /// linking it again backfills it again, because its payments were not followed meanwhile).
        /// With <paramref name="recordNew"/> linked customers not yet recorded are recorded as backfilled.
        /// </summary>
        public async Task<IReadOnlyList<LinkChange>> ReconcileLinksAsync(LedgerWriter writer, bool recordNew, CancellationToken cancellationToken)
        {
            var changes = new List<LinkChange>();
            foreach (var link in links.Customers)
            {
                if (backfilled.TryGetValue(link.Key, out var recorded))
                {
                    if (recorded != link.Value)
                    {
                        await writer.SaveCustomerAsync(link.Key, link.Value, exists: true, cancellationToken).ConfigureAwait(false);
                        await writer.SetPaymentsUserAsync(link.Key, link.Value, cancellationToken).ConfigureAwait(false);
                        changes.Add(new LinkChange(link.Key, recorded, link.Value));
                    }
                }
                else if (recordNew)
                {
                    await writer.SaveCustomerAsync(link.Key, link.Value, exists: false, cancellationToken).ConfigureAwait(false);
                    changes.Add(new LinkChange(link.Key, null, link.Value));
                }
            }

            foreach (var customer in backfilled.Keys.Where(c => !links.IsLinked(c)).ToList())
            {
                await writer.DeleteCustomerAsync(customer, cancellationToken).ConfigureAwait(false);
                await writer.SetPaymentsUserAsync(customer, null, cancellationToken).ConfigureAwait(false);
                changes.Add(new LinkChange(customer, backfilled[customer], null));
            }

            return changes;
        }

        private async Task<IReadOnlyList<PaymentWrite>> WritePaymentsAsync(LedgerWriter writer, IEnumerable<ObservedPayment> observed, PaymentChangeOrigin origin, CancellationToken cancellationToken)
        {
            var rows = PaymentDecisions.Rows(observed, mandates.CustomerOf, links);
            if (rows.Count == 0)
            {
                return Array.Empty<PaymentWrite>();
            }

            var stored = await writer.FindPaymentsAsync(rows.Keys, cancellationToken).ConfigureAwait(false);
            var writes = new List<PaymentWrite>();
            foreach (var (row, observation) in rows.Values)
            {
                stored.TryGetValue(row.PaymentId, out var before);
                if (PaymentDecisions.Decide(row, observation, before, origin, dashboard, writer.Now) is not { } write)
                {
                    continue;
                }

                if (before is null)
                {
                    await writer.InsertPaymentAsync(write.After, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await writer.UpdatePaymentAsync(write.After, cancellationToken).ConfigureAwait(false);
                }

                writes.Add(write with { After = write.After with { LedgerUpdatedAt = writer.Now } });
            }

            return writes;
        }

        // Records a committed link change in memory.
        private void Remember(LinkChange change)
        {
            if (change.After is { } user)
            {
                backfilled[change.CustomerId] = user;
            }
            else
            {
                backfilled.Remove(change.CustomerId);
            }
        }
    }
}
