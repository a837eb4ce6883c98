// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>A linked customer whose Halo user changed: newly recorded (Before null), moved, or unlinked (After null).</summary>
    internal sealed record LinkChange(string CustomerId, int? Before, int? After);

    /// <summary>
    /// What one payment sync run works with: the clients, the Halo links read at the start, the mandates and
    /// backfilled customers known to the ledger, and the statistics. Every ledger write goes through
    /// <see cref="StoreAsync"/>: one transaction, audited and counted only after it committed.
    /// </summary>
    internal sealed class PaymentSyncRun
    {
        public PaymentSyncRun(
            GoCardlessClient client,
            PaymentLedger ledger,
            PaymentSyncOptions options,
            IEngineLog log,
            PaymentAudit audit,
            LinkedCustomers links,
            Dictionary<string, MandateRecord> mandates,
            Dictionary<string, int> backfilledCustomers,
            PaymentSyncStatistics statistics)
        {
            Client = client;
            Ledger = ledger;
            Options = options;
            Log = log;
            Audit = audit;
            Links = links;
            Statistics = statistics;
            Mandates = new MandateDirectory(mandates, client, statistics, log);
            BackfilledCustomers = backfilledCustomers;
        }

        public GoCardlessClient Client { get; }

        public PaymentLedger Ledger { get; }

        public PaymentSyncOptions Options { get; }

        public IEngineLog Log { get; }

        public PaymentAudit Audit { get; }

        public LinkedCustomers Links { get; }

        public MandateDirectory Mandates { get; }

        /// <summary>Customers whose history is in the ledger → the Halo user recorded for them.</summary>
        public Dictionary<string, int> BackfilledCustomers { get; }

        public PaymentSyncStatistics Statistics { get; }

        /// <summary>Where committed mandate status changes are reported (Sync/Mandates/MandateChangeFeed); null: not reported.</summary>
        public Mandates.MandateChangeFeed? MandateChanges { get; init; }

        public DashboardLinks Dashboard => Client.Dashboard;

        /// <summary>
        /// In one transaction: the queued mandates, the observed payments (only what differs from the ledger), and
        /// whatever <paramref name="more"/> writes (links, seen events, the watermark). Returns the status changes,
        /// once committed. <paramref name="summarise"/> audits the rows as one page line (full backfills).
        /// </summary>
        public async Task<IReadOnlyList<PaymentChange>> StoreAsync(
            IReadOnlyCollection<PaymentObservation> observations,
            PaymentChangeOrigin origin,
            bool summarise,
            Func<LedgerWriter, Task<IReadOnlyList<LinkChange>>>? more,
            CancellationToken cancellationToken)
        {
            if (observations.Count == 0 && !Mandates.HasPending && more is null)
            {
                return Array.Empty<PaymentChange>();
            }

            IReadOnlyList<(MandateRecord?, MandateRecord)> mandates;
            IReadOnlyList<PaymentWrite> payments;
            IReadOnlyList<LinkChange> links = Array.Empty<LinkChange>();
            using (var writer = await Ledger.BeginWriteAsync(Options.Clock, cancellationToken).ConfigureAwait(false))
            {
                mandates = await Mandates.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
                payments = await PaymentApplier.StoreAsync(writer, observations, this, origin, cancellationToken).ConfigureAwait(false);
                if (more is not null)
                {
                    links = await more(writer).ConfigureAwait(false);
                }

                writer.Commit();
                Statistics.LedgerRowsWritten += writer.RowsWritten;
            }

            Audit.Mandates(mandates, summarise);
            MandateChanges?.Record(mandates, origin, Links.Customers, Options.Clock.UtcNow);
            Audit.Payments(payments, summarise);
            foreach (var link in links)
            {
                ApplyLinkChange(link);
            }

            var changes = payments.Where(p => p.Change is not null).Select(p => p.Change!).ToList();
            Statistics.Changes += changes.Count;
            return changes;
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
            foreach (var link in Links.Customers)
            {
                if (BackfilledCustomers.TryGetValue(link.Key, out var recorded))
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

            foreach (var customer in BackfilledCustomers.Keys.Where(c => !Links.IsLinked(c)).ToList())
            {
                await writer.DeleteCustomerAsync(customer, cancellationToken).ConfigureAwait(false);
                await writer.SetPaymentsUserAsync(customer, null, cancellationToken).ConfigureAwait(false);
                changes.Add(new LinkChange(customer, BackfilledCustomers[customer], null));
            }

            return changes;
        }

        /// <summary>Records a committed link change in memory and in the audit log (a new record is not audited per customer).</summary>
        public void ApplyLinkChange(LinkChange change)
        {
            if (change.After is { } user)
            {
                BackfilledCustomers[change.CustomerId] = user;
            }
            else
            {
                BackfilledCustomers.Remove(change.CustomerId);
            }

            if (change.Before is not null)
            {
                Audit.Link(change.CustomerId, change.Before, change.After);
            }
        }
    }
}
