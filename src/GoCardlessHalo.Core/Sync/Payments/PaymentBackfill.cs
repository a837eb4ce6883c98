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
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// Read step of a backfill: payment history from the payment lists rather than from events, on the first run
    /// for every linked customer (all mandates, then all payments joined on links.mandate, 500 a page), later for
    /// customers linked since (one payments?customer= list each). It hands back what it read in batches of about
    /// <see cref="PaymentSyncOptions.BackfillRowsPerTransaction"/> rows, each stored by the caller before the next
    /// is read; the caller records the customers as backfilled (and, on a first run, the watermark) only after the
    /// last batch, so an interrupted backfill is simply read again and its upserts change nothing twice.
    /// </summary>
    internal sealed class PaymentBackfill
    {
        private const string Activity = "Sync-GcPayment";
        private readonly GoCardlessClient client;
        private readonly MandateDirectory mandates;
        private readonly PaymentSyncOptions options;
        private readonly PaymentSyncStatistics statistics;
        private readonly IEngineLog log;

        public PaymentBackfill(GoCardlessClient client, MandateDirectory mandates, PaymentSyncOptions options, PaymentSyncStatistics statistics, IEngineLog log)
        {
            this.client = client;
            this.mandates = mandates;
            this.options = options;
            this.statistics = statistics;
            this.log = log;
        }

        /// <summary>
        /// Every mandate (queued in the mandate directory; an empty batch asks for them to be stored), then every
        /// payment of a linked customer that <paramref name="include"/> accepts.
        /// </summary>
        public async IAsyncEnumerable<IReadOnlyCollection<ObservedPayment>> AllAsync(Func<string, bool> include, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var pageSize = options.PageSize;
            var watch = Stopwatch.StartNew();
            await foreach (var page in client.ListMandatesAsync(new MandateFilter { PageSize = pageSize }, cancellationToken).Batches(pageSize, cancellationToken).ConfigureAwait(false))
            {
                foreach (var mandate in page)
                {
                    await mandates.ObserveAsync(mandate, cancellationToken).ConfigureAwait(false);
                }

                statistics.MandatesListed += page.Count;
                if (mandates.PendingCount >= options.BackfillRowsPerTransaction)
                {
                    yield return Array.Empty<ObservedPayment>();
                }

                log.Progress(Activity, "Reading mandates: " + statistics.MandatesListed, statistics.MandatesListed, null);
            }

            yield return Array.Empty<ObservedPayment>();
            log.Verbose($"Sync-GcPayment: read {statistics.MandatesListed} mandates in {watch.ElapsedMilliseconds} ms.");
            watch.Restart();
            long stored = 0;
            var wanted = new List<ObservedPayment>();
            await foreach (var page in client.ListPaymentsAsync(new PaymentFilter { PageSize = pageSize }, cancellationToken).Batches(pageSize, cancellationToken).ConfigureAwait(false))
            {
                statistics.PaymentsListed += page.Count;

                // A mandate created after the mandate list was read is fetched on its own.
                await mandates.ResolveAsync(page.Select(p => p.MandateId), cancellationToken).ConfigureAwait(false);
                wanted.AddRange(page
                    .Where(p => mandates.CustomerOf(p.MandateId) is { } customer && include(customer))
                    .Select(p => new ObservedPayment(p.Id, p)));
                log.Progress(Activity, $"Reading payments: {statistics.PaymentsListed} read, {stored + wanted.Count} of linked customers", statistics.PaymentsListed, null);
                if (wanted.Count >= options.BackfillRowsPerTransaction)
                {
                    stored += wanted.Count;
                    yield return wanted;
                    wanted = new List<ObservedPayment>();
                }
            }

            stored += wanted.Count;
            yield return wanted;
            log.Verbose($"Sync-GcPayment: read {statistics.PaymentsListed} payments, {stored} of linked customers, in {watch.ElapsedMilliseconds} ms.");
        }

        /// <summary>One customer's payments (payments?customer=), their mandates known; the caller stores them with the customer's record.</summary>
        public async Task<IReadOnlyCollection<ObservedPayment>> CustomerAsync(string customerId, CancellationToken cancellationToken)
        {
            var payments = new List<Payment>();
            await foreach (var payment in client.ListPaymentsAsync(new PaymentFilter { Customer = customerId, PageSize = options.PageSize }, cancellationToken).ConfigureAwait(false))
            {
                payments.Add(payment);
            }

            statistics.PaymentsListed += payments.Count;
            await mandates.ResolveAsync(payments.Select(p => p.MandateId), cancellationToken).ConfigureAwait(false);
            return payments.Select(p => new ObservedPayment(p.Id, p)).ToList();
        }
    }
}
