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
    /// Halo users, and streams every status change it stores.
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

        /// <summary>Runs one sync, streaming each payment change once it is committed. See the class summary.</summary>
        public async IAsyncEnumerable<PaymentChange> SyncAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            options.Validate();
            var watch = Stopwatch.StartNew();
            LastRun = null;
            await ledger.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var links = await LinkedCustomers.LoadAsync(ledger, halo, options, log, readHalo: false, cancellationToken).ConfigureAwait(false);
            var statistics = new PaymentSyncStatistics { LinkedUsers = links.Links.Count, LinkedCustomers = links.CustomerCount };
            var watermark = await ledger.GetWatermarkAsync(cancellationToken).ConfigureAwait(false);
            var run = new PaymentSyncRun(
                client,
                ledger,
                options,
                log,
                new PaymentAudit(audit),
                links,
                await ledger.LoadMandatesAsync(cancellationToken).ConfigureAwait(false),
                await ledger.LoadCustomersAsync(cancellationToken).ConfigureAwait(false),
                statistics) { MandateChanges = MandateChanges };
            log.Verbose($"Sync-GcPayment: {links.Links.Count} Halo user(s) linked to {links.CustomerCount} GoCardless customer(s) through {options.LinkField}; ledger {ledger.Location}; watermark {IsoTime.Format(watermark)}.");

            var changes = watermark is null ? FirstRunAsync(run, cancellationToken) : IncrementalAsync(run, watermark.Value, cancellationToken);
            await foreach (var change in changes.ConfigureAwait(false))
            {
                yield return change;
            }

            statistics.HaloUsersWritten = await PaymentSummaryWriter.WriteAsync(run, halo, cancellationToken).ConfigureAwait(false);
            statistics.Elapsed = watch.Elapsed;
            LastRun = statistics;
            log.Verbose("Sync-GcPayment: " + statistics);
        }

        private async IAsyncEnumerable<PaymentChange> FirstRunAsync(PaymentSyncRun run, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            run.Statistics.Mode = PaymentSyncMode.FirstRun;

            // Taken before the backfill: whatever happens while it reads has a later event, read by the next run.
            var watermark = await NewestPaymentEventAsync(cancellationToken).ConfigureAwait(false);
            var seen = await ledger.LoadSeenEventIdsAsync(cancellationToken).ConfigureAwait(false);
            var alreadyReflected = (await EventsBeforeAsync(watermark, cancellationToken).ConfigureAwait(false)).Where(e => !seen.Contains(e.Key)).ToList();
            log.Verbose($"Sync-GcPayment: first run; backfilling every payment of the linked customers. Newest payment event: {IsoTime.Format(watermark)}.");
            await foreach (var change in new PaymentBackfill(run).AllAsync(_ => true, cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }

            await run.StoreAsync(
                Array.Empty<PaymentObservation>(),
                PaymentChangeOrigin.Backfill,
                summarise: true,
                async writer =>
                {
                    var linkChanges = await run.ReconcileLinksAsync(writer, recordNew: true, cancellationToken).ConfigureAwait(false);
                    foreach (var e in alreadyReflected)
                    {
                        await writer.AddSeenEventAsync(e.Key, e.Value, cancellationToken).ConfigureAwait(false);
                    }

                    await writer.SetWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
                    // The backfill just read every payment: the first reconciliation is due one period from now.
                    await writer.SetReconciledAsync(options.Clock.UtcNow, cancellationToken).ConfigureAwait(false);
                    return linkChanges;
                },
                cancellationToken).ConfigureAwait(false);
            run.Audit.Watermark(null, watermark);
            run.Statistics.CustomersBackfilled = run.Links.CustomerCount;
            run.Statistics.WatermarkAfter = watermark;
        }

        private async IAsyncEnumerable<PaymentChange> IncrementalAsync(PaymentSyncRun run, DateTimeOffset watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var statistics = run.Statistics;
            statistics.Mode = PaymentSyncMode.Incremental;
            statistics.WatermarkBefore = watermark;
            await foreach (var change in BackfillNewlyLinkedAsync(run, cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }

            var seen = await ledger.LoadSeenEventIdsAsync(cancellationToken).ConfigureAwait(false);
            var window = await EventWindow.ReadAsync(run, watermark - options.OverlapWindow, seen, cancellationToken).ConfigureAwait(false);
            await run.Mandates.RefreshAsync(window.MandateIds, cancellationToken).ConfigureAwait(false);
            await run.Mandates.ResolveAsync(window.Payments.Select(o => o.Payment?.MandateId), cancellationToken).ConfigureAwait(false);
            var newWatermark = window.Newest is { } newest && newest > watermark ? newest : watermark;
            var changes = await run.StoreAsync(
                window.Payments,
                PaymentChangeOrigin.Event,
                summarise: false,
                async writer =>
                {
                    foreach (var seenEvent in window.NewEvents)
                    {
                        await writer.AddSeenEventAsync(seenEvent.Key, seenEvent.Value, cancellationToken).ConfigureAwait(false);
                    }

                    var linkChanges = await run.ReconcileLinksAsync(writer, recordNew: false, cancellationToken).ConfigureAwait(false);
                    if (newWatermark > watermark)
                    {
                        // No later run reads further back than the new watermark minus the overlap.
                        await writer.PruneSeenEventsAsync(newWatermark - options.OverlapWindow, cancellationToken).ConfigureAwait(false);
                        await writer.SetWatermarkAsync(newWatermark, cancellationToken).ConfigureAwait(false);
                    }

                    return linkChanges;
                },
                cancellationToken).ConfigureAwait(false);
            if (newWatermark > watermark)
            {
                run.Audit.Watermark(watermark, newWatermark);
            }

            statistics.WatermarkAfter = newWatermark;
            foreach (var change in changes)
            {
                yield return change;
            }

            foreach (var change in await PendingPaymentReconciliation.RunIfDueAsync(run, window.Payments.Select(o => o.PaymentId), cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }

        // Customers linked in Halo since the last run: their history predates the watermark, so events cannot bring it.
        private async IAsyncEnumerable<PaymentChange> BackfillNewlyLinkedAsync(PaymentSyncRun run, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var newlyLinked = run.Links.Customers.Where(c => !run.BackfilledCustomers.ContainsKey(c.Key)).ToList();
            if (newlyLinked.Count == 0)
            {
                yield break;
            }

            var backfill = new PaymentBackfill(run);
            if (newlyLinked.Count <= options.PerCustomerBackfillLimit)
            {
                foreach (var customer in newlyLinked)
                {
                    foreach (var change in await backfill.CustomerAsync(customer.Key, customer.Value, cancellationToken).ConfigureAwait(false))
                    {
                        yield return change;
                    }
                }

                yield break;
            }

            log.Verbose($"Sync-GcPayment: {newlyLinked.Count} customers linked since the last run (more than {options.PerCustomerBackfillLimit}); reading all payments once instead of customer by customer.");
            var wanted = new HashSet<string>(newlyLinked.Select(c => c.Key), StringComparer.Ordinal);
            await foreach (var change in backfill.AllAsync(wanted.Contains, cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }

            await run.StoreAsync(
                Array.Empty<PaymentObservation>(),
                PaymentChangeOrigin.Backfill,
                summarise: true,
                async writer =>
                {
                    foreach (var customer in newlyLinked)
                    {
                        await writer.SaveCustomerAsync(customer.Key, customer.Value, exists: false, cancellationToken).ConfigureAwait(false);
                    }

                    return newlyLinked.Select(c => new LinkChange(c.Key, null, c.Value)).ToList();
                },
                cancellationToken).ConfigureAwait(false);
            run.Statistics.CustomersBackfilled += newlyLinked.Count;
        }

        private async Task<DateTimeOffset> NewestPaymentEventAsync(CancellationToken cancellationToken)
        {
            var newest = new EventFilter { ResourceType = "payments", PageSize = 1, Include = string.Empty };
            await foreach (var e in client.ListEventsAsync(newest, cancellationToken).ConfigureAwait(false))
            {
                return e.CreatedAt;
            }

            // No payment event yet means no payment yet: the next run reads every event from the beginning.
            return DateTimeOffset.FromUnixTimeSeconds(0);
        }

        // The events of the overlap window before the first watermark (any resource type, usually one request). The
        // backfill, read after them, already holds their outcome; remembering them as seen spares the second run
        // from re-applying them, so it writes nothing when nothing happened.
        private async Task<Dictionary<string, DateTimeOffset>> EventsBeforeAsync(DateTimeOffset watermark, CancellationToken cancellationToken)
        {
            var events = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            if (watermark == DateTimeOffset.FromUnixTimeSeconds(0) || options.OverlapWindow == TimeSpan.Zero)
            {
                return events;
            }

            var window = new EventFilter { CreatedAfter = watermark - options.OverlapWindow, CreatedOnOrBefore = watermark, PageSize = options.PageSize };
            await foreach (var e in client.ListEventsAsync(window, cancellationToken).ConfigureAwait(false))
            {
                events[e.Id] = e.CreatedAt;
            }

            return events;
        }
    }
}
