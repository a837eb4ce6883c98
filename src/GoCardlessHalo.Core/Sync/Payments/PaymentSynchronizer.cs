// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The engine of Sync-GcPayment: keeps the payment ledger in step with GoCardless for the customers linked to
    /// Halo users, and streams every status change it stores. One way, step by step: read GoCardless
    /// (<see cref="PaymentBackfill"/>, <see cref="EventWindow"/>, <see cref="PendingPaymentReconciliation"/>, with
    /// <see cref="MandateDirectory"/> telling each payment's customer) → decide (<see cref="PaymentDecisions"/>) →
    /// store (<see cref="PaymentStore"/>, one transaction a batch) → summarise to Halo (<see cref="PaymentSummaryWriter"/>).
    /// Each step is handed what it needs and returns what the next needs.
    /// <list type="bullet">
    /// <item>First run (no watermark): the newest payment event's time becomes the watermark first, so nothing that
    /// happens during the backfill is missed; then every mandate and every payment is read (500 a page) and the
    /// linked customers' payments stored page by page. The watermark is written last, with the record of which
    /// customers were backfilled: an interrupted first run simply runs again.</item>
    /// <item>Later runs: customers linked since get their own backfill; then the payment and mandate events since
    /// the watermark minus the overlap window are read, deduplicated by event id, and stored in ONE transaction
    /// with the new watermark, so a failed run neither advances the cursor nor loses a change.</item>
    /// <item>Once a day (<see cref="PaymentSyncOptions.ReconcileEvery"/>) the ledger's payments not in a final state
    /// are read again by id, so an event GoCardless listed too late for the overlap window is not lost for good
    /// (<see cref="PendingPaymentReconciliation"/>).</item>
    /// <item>Optionally the payment summary fields of linked Halo users are brought up to date.</item>
    /// </list>
    /// Changes are yielded only after the transaction that stored them committed. GoCardless, Halo and database
    /// errors propagate; the run stops and the watermark stays where it was.
    /// </summary>
    public sealed class PaymentSynchronizer
    {
        private readonly GoCardlessClient client;
        private readonly IHaloTarget halo;
        private readonly PaymentLedger ledger;
        private readonly PaymentSyncOptions options;
        private readonly IEngineLog log;
        private readonly AuditLog? audit;

        /// <summary>A synchronizer; nothing is read until <see cref="SyncAsync"/> is enumerated.</summary>
        /// <param name="client">GoCardless, for lists, events and single reads.</param>
        /// <param name="halo">An opened Halo target: linked users are read from it, summaries written to it.</param>
        /// <param name="ledger">The payment ledger (the Halo SQL database's, or the module-owned file).</param>
        /// <param name="options">Link field, summary mappings, overlap window, page and batch sizes.</param>
        /// <param name="log">Verbose and progress output.</param>
        /// <param name="audit">Where every change is recorded; null records nothing.</param>
        public PaymentSynchronizer(GoCardlessClient client, IHaloTarget halo, PaymentLedger ledger, PaymentSyncOptions options, IEngineLog? log = null, AuditLog? audit = null)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.halo = halo ?? throw new ArgumentNullException(nameof(halo));
            this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.log = log ?? NullEngineLog.Instance;
            this.audit = audit;
        }

        /// <summary>What the last completed run read and wrote; null until a run has been enumerated to its end.</summary>
        public PaymentSyncStatistics? LastRun { get; private set; }

        /// <summary>The mandate status changes the runs stored (Sync/Mandates); the caller drains them beside the payment changes.</summary>
        public Mandates.MandateChangeFeed MandateChanges { get; } = new Mandates.MandateChangeFeed();

        /// <summary>Test seam: runs after each ledger commit, before its audit lines are written (a kill in between).</summary>
        internal Action? LedgerCommitted { get; set; }

        /// <summary>Runs one sync, streaming each payment change once it is committed. See the class summary.</summary>
        public async IAsyncEnumerable<PaymentChange> SyncAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            options.Validate();
            var watch = Stopwatch.StartNew();
            LastRun = null;
            await ledger.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            await ReconcileInterruptedAuditAsync(cancellationToken).ConfigureAwait(false);
            var links = await LinkedCustomers.LoadAsync(ledger, halo, options, log, readHalo: false, cancellationToken).ConfigureAwait(false);
            var statistics = new PaymentSyncStatistics { LinkedUsers = links.Links.Count, LinkedCustomers = links.CustomerCount };
            var watermark = await ledger.GetWatermarkAsync(cancellationToken).ConfigureAwait(false);
            var paymentAudit = new PaymentAudit(audit);
            var mandates = new MandateDirectory(await ledger.LoadMandatesAsync(cancellationToken).ConfigureAwait(false), client, statistics, log);
            var backfilled = await ledger.LoadCustomersAsync(cancellationToken).ConfigureAwait(false);
            var store = new PaymentStore(ledger, options.Clock, mandates, links.Index, client.Dashboard, paymentAudit, statistics, backfilled) { MandateChanges = MandateChanges, Committed = LedgerCommitted };
            var backfill = new PaymentBackfill(client, mandates, options, statistics, log);
            log.Verbose($"Sync-GcPayment: {links.Links.Count} Halo user(s) linked to {links.CustomerCount} GoCardless customer(s) through {options.LinkField}; ledger {ledger.Location}; watermark {IsoTime.Format(watermark)}.");

            var changes = watermark is null
                ? FirstRunAsync(backfill, store, statistics, cancellationToken)
                : IncrementalAsync(watermark.Value, backfill, store, mandates, links.Index, statistics, cancellationToken);
            await foreach (var change in changes.ConfigureAwait(false))
            {
                yield return change;
            }

            statistics.HaloUsersWritten = await new PaymentSummaryWriter(ledger, links, options, paymentAudit, log).WriteAsync(halo, cancellationToken).ConfigureAwait(false);
            statistics.Elapsed = watch.Elapsed;
            LastRun = statistics;
            log.Verbose("Sync-GcPayment: " + statistics);
        }

        /// <summary>
        /// Writes the audit lines of ledger changes an earlier run committed and was stopped before logging (its intents
        /// in the journal, <see cref="AuditLog.Reconcile"/>): those the ledger holds (<see cref="ConfirmedLedgerChanges"/>)
        /// are logged under that run's id, marked reconciledBy this run. Called before this run's first write, holding
        /// the sync lock (a -WhatIf run never gets here); intents of Halo user changes are left for the next import.
        /// </summary>
        private Task ReconcileInterruptedAuditAsync(CancellationToken cancellationToken) =>
            audit?.ReconcileAsync(
                ledger.Location,
                ConfirmedLedgerChanges.Judges,
                async (intended, token) => (await ConfirmedLedgerChanges.ReadAsync(ledger, intended, token).ConfigureAwait(false)).Confirm,
                log.Verbose,
                ConfirmedLedgerChanges.LineOf,
                cancellationToken) ?? Task.CompletedTask;

        private async IAsyncEnumerable<PaymentChange> FirstRunAsync(
            PaymentBackfill backfill,
            PaymentStore store,
            PaymentSyncStatistics statistics,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            statistics.Mode = PaymentSyncMode.FirstRun;

            // Taken before the backfill: whatever happens while it reads has a later event, read by the next run.
            var watermark = await EventWindow.NewestPaymentEventAsync(client, cancellationToken).ConfigureAwait(false);
            var seen = await ledger.LoadSeenEventIdsAsync(cancellationToken).ConfigureAwait(false);
            var alreadyReflected = (await EventWindow.EventsBeforeAsync(client, watermark, options, cancellationToken).ConfigureAwait(false)).Where(e => !seen.Contains(e.Key)).ToList();
            log.Verbose($"Sync-GcPayment: first run; backfilling every payment of the linked customers. Newest payment event: {IsoTime.Format(watermark)}.");
            var changes = BackfillAsync(
                backfill.AllAsync(_ => true, cancellationToken),
                store,
                async writer =>
                {
                    var linkChanges = await store.ReconcileLinksAsync(writer, recordNew: true, cancellationToken).ConfigureAwait(false);
                    foreach (var e in alreadyReflected)
                    {
                        await writer.AddSeenEventAsync(e.Key, e.Value, cancellationToken).ConfigureAwait(false);
                    }

                    await store.SetWatermarkAsync(writer, null, watermark, cancellationToken).ConfigureAwait(false);
                    // The backfill just read every payment: the first reconciliation is due one period from now.
                    await writer.SetReconciledAsync(options.Clock.UtcNow, cancellationToken).ConfigureAwait(false);
                    return linkChanges;
                },
                cancellationToken);
            await foreach (var change in changes.ConfigureAwait(false))
            {
                yield return change;
            }

            statistics.CustomersBackfilled = statistics.LinkedCustomers;
            statistics.WatermarkAfter = watermark;
        }

        private async IAsyncEnumerable<PaymentChange> IncrementalAsync(
            DateTimeOffset watermark,
            PaymentBackfill backfill,
            PaymentStore store,
            MandateDirectory mandates,
            LinkIndex links,
            PaymentSyncStatistics statistics,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            statistics.Mode = PaymentSyncMode.Incremental;
            statistics.WatermarkBefore = watermark;
            var newlyLinked = links.Customers.Where(c => !store.BackfilledCustomers.ContainsKey(c.Key)).ToList();
            await foreach (var change in BackfillNewlyLinkedAsync(newlyLinked, backfill, store, statistics, cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }

            // Read the events, decide and store them with the new watermark in one transaction.
            var seen = await ledger.LoadSeenEventIdsAsync(cancellationToken).ConfigureAwait(false);
            var window = await EventWindow.ReadAsync(client, options, statistics, log, watermark - options.OverlapWindow, seen, cancellationToken).ConfigureAwait(false);
            await mandates.RefreshAsync(window.MandateIds, cancellationToken).ConfigureAwait(false);
            await mandates.ResolveAsync(window.Payments.Select(o => o.Payment?.MandateId), cancellationToken).ConfigureAwait(false);
            var newWatermark = window.Newest is { } newest && newest > watermark ? newest : watermark;
            var changes = await store.StoreAsync(
                window.Payments,
                PaymentChangeOrigin.Event,
                summarise: false,
                async writer =>
                {
                    foreach (var seenEvent in window.NewEvents)
                    {
                        await writer.AddSeenEventAsync(seenEvent.Key, seenEvent.Value, cancellationToken).ConfigureAwait(false);
                    }

                    var linkChanges = await store.ReconcileLinksAsync(writer, recordNew: false, cancellationToken).ConfigureAwait(false);
                    if (newWatermark > watermark)
                    {
                        // No later run reads further back than the new watermark minus the overlap.
                        await writer.PruneSeenEventsAsync(newWatermark - options.OverlapWindow, cancellationToken).ConfigureAwait(false);
                        await store.SetWatermarkAsync(writer, watermark, newWatermark, cancellationToken).ConfigureAwait(false);
                    }

                    return linkChanges;
                },
                cancellationToken).ConfigureAwait(false);
            statistics.WatermarkAfter = newWatermark;
            foreach (var change in changes)
            {
                yield return change;
            }

            var due = await PendingPaymentReconciliation.ReadIfDueAsync(ledger, client, mandates, links, options, statistics, window.Payments.Select(o => o.PaymentId), cancellationToken).ConfigureAwait(false);
            if (due is not null)
            {
                var reconciled = await store.StoreAsync(
                    due.Payments,
                    PaymentChangeOrigin.Reconciliation,
                    summarise: false,
                    async writer =>
                    {
                        await writer.SetReconciledAsync(due.At, cancellationToken).ConfigureAwait(false);
                        return Array.Empty<LinkChange>();
                    },
                    cancellationToken).ConfigureAwait(false);
                statistics.PaymentsReconciled = due.Payments.Count;
                log.Verbose($"Sync-GcPayment: read {due.Payments.Count} payment(s) not in a final state again by id (last time {IsoTime.Format(due.Last)}); {reconciled.Count} had moved without an event read.");
                foreach (var change in reconciled)
                {
                    yield return change;
                }
            }
        }

        // Customers linked in Halo since the last run: their history predates the watermark, so events cannot bring it.
        private async IAsyncEnumerable<PaymentChange> BackfillNewlyLinkedAsync(
            IReadOnlyList<KeyValuePair<string, int>> newlyLinked,
            PaymentBackfill backfill,
            PaymentStore store,
            PaymentSyncStatistics statistics,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (newlyLinked.Count == 0)
            {
                yield break;
            }

            if (newlyLinked.Count <= options.PerCustomerBackfillLimit)
            {
                foreach (var customer in newlyLinked)
                {
                    // Stored together with the record that the customer is backfilled, so an interruption never
                    // leaves a customer marked done with part of its history.
                    var payments = await backfill.CustomerAsync(customer.Key, cancellationToken).ConfigureAwait(false);
                    var changes = await store.StoreAsync(
                        payments,
                        PaymentChangeOrigin.Backfill,
                        summarise: false,
                        async writer =>
                        {
                            await writer.SaveCustomerAsync(customer.Key, customer.Value, exists: false, cancellationToken).ConfigureAwait(false);
                            return new[] { new LinkChange(customer.Key, null, customer.Value) };
                        },
                        cancellationToken).ConfigureAwait(false);
                    statistics.CustomersBackfilled++;
                    log.Verbose($"Sync-GcPayment: customer {customer.Key} (Halo user {customer.Value}) linked since the last run: {payments.Count} payment(s) backfilled.");
                    foreach (var change in changes)
                    {
                        yield return change;
                    }
                }

                yield break;
            }

            log.Verbose($"Sync-GcPayment: {newlyLinked.Count} customers linked since the last run (more than {options.PerCustomerBackfillLimit}); reading all payments once instead of customer by customer.");
            var wanted = new HashSet<string>(newlyLinked.Select(c => c.Key), StringComparer.Ordinal);
            var all = BackfillAsync(
                backfill.AllAsync(wanted.Contains, cancellationToken),
                store,
                async writer =>
                {
                    foreach (var customer in newlyLinked)
                    {
                        await writer.SaveCustomerAsync(customer.Key, customer.Value, exists: false, cancellationToken).ConfigureAwait(false);
                    }

                    return newlyLinked.Select(c => new LinkChange(c.Key, null, c.Value)).ToList();
                },
                cancellationToken);
            await foreach (var change in all.ConfigureAwait(false))
            {
                yield return change;
            }

            statistics.CustomersBackfilled += newlyLinked.Count;
        }

        // Each batch a backfill read is stored (and its changes streamed) before the next is read; then, in one more
        // transaction, `done` records what marks the backfill complete (its customers; on a first run the watermark).
        private static async IAsyncEnumerable<PaymentChange> BackfillAsync(
            IAsyncEnumerable<IReadOnlyCollection<ObservedPayment>> batches,
            PaymentStore store,
            Func<LedgerWriter, Task<IReadOnlyList<LinkChange>>> done,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var batch in batches.ConfigureAwait(false))
            {
                foreach (var change in await store.StoreAsync(batch, PaymentChangeOrigin.Backfill, summarise: true, more: null, cancellationToken).ConfigureAwait(false))
                {
                    yield return change;
                }
            }

            await store.StoreAsync(Array.Empty<ObservedPayment>(), PaymentChangeOrigin.Backfill, summarise: true, done, cancellationToken).ConfigureAwait(false);
        }
    }
}
