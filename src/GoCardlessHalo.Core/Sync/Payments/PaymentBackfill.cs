// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// Reads payment history from the payment lists rather than from events: on the first run for every linked
    /// customer (all mandates, then all payments joined on links.mandate, 500 a page), later for customers linked
    /// since (one payments?customer= list each). Rows are committed every few pages as they are read; the caller records the
    /// customers as backfilled (and, on a first run, the watermark) only after the last page, so an interrupted
    /// backfill is simply read again and its upserts change nothing twice.
    /// </summary>
    internal sealed class PaymentBackfill
    {
        private const string Activity = "Sync-GcPayment";
        private readonly PaymentSyncRun run;

        public PaymentBackfill(PaymentSyncRun run)
        {
            this.run = run;
        }

        /// <summary>Every mandate, then every payment; stores the payments of linked customers that <paramref name="include"/> accepts.</summary>
        public async IAsyncEnumerable<PaymentChange> AllAsync(Func<string, bool> include, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var pageSize = run.Options.PageSize;
            var statistics = run.Statistics;
            var watch = Stopwatch.StartNew();
            await foreach (var page in run.Client.ListMandatesAsync(new MandateFilter { PageSize = pageSize }, cancellationToken).Batches(pageSize, cancellationToken).ConfigureAwait(false))
            {
                foreach (var mandate in page)
                {
                    await run.Mandates.ObserveAsync(mandate, cancellationToken).ConfigureAwait(false);
                }

                statistics.MandatesListed += page.Count;
                if (run.Mandates.PendingCount >= run.Options.BackfillRowsPerTransaction)
                {
                    await StoreAsync(Array.Empty<PaymentObservation>(), cancellationToken).ConfigureAwait(false);
                }

                run.Log.Progress(Activity, "Reading mandates: " + statistics.MandatesListed, statistics.MandatesListed, null);
            }

            await StoreAsync(Array.Empty<PaymentObservation>(), cancellationToken).ConfigureAwait(false);
            run.Log.Verbose($"Sync-GcPayment: read {statistics.MandatesListed} mandates in {watch.ElapsedMilliseconds} ms.");
            watch.Restart();
            long stored = 0;
            var wanted = new List<PaymentObservation>();
            await foreach (var page in run.Client.ListPaymentsAsync(new PaymentFilter { PageSize = pageSize }, cancellationToken).Batches(pageSize, cancellationToken).ConfigureAwait(false))
            {
                statistics.PaymentsListed += page.Count;

                // A mandate created after the mandate list was read is fetched on its own.
                await run.Mandates.ResolveAsync(page.Select(p => p.MandateId), cancellationToken).ConfigureAwait(false);
                wanted.AddRange(page
                    .Where(p => run.Mandates.CustomerOf(p.MandateId) is { } customer && include(customer))
                    .Select(p => new PaymentObservation(p.Id, p)));
                run.Log.Progress(Activity, $"Reading payments: {statistics.PaymentsListed} read, {stored + wanted.Count} of linked customers", statistics.PaymentsListed, null);
                if (wanted.Count >= run.Options.BackfillRowsPerTransaction)
                {
                    stored += wanted.Count;
                    foreach (var change in await StoreAsync(wanted, cancellationToken).ConfigureAwait(false))
                    {
                        yield return change;
                    }

                    wanted = new List<PaymentObservation>();
                }
            }

            stored += wanted.Count;
            foreach (var change in await StoreAsync(wanted, cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }

            run.Log.Verbose($"Sync-GcPayment: read {statistics.PaymentsListed} payments, {stored} of linked customers, in {watch.ElapsedMilliseconds} ms.");
        }

        private Task<IReadOnlyList<PaymentChange>> StoreAsync(IReadOnlyCollection<PaymentObservation> observations, CancellationToken cancellationToken) =>
            run.StoreAsync(observations, PaymentChangeOrigin.Backfill, summarise: true, more: null, cancellationToken);

        /// <summary>
        /// One customer's payments (payments?customer=), stored together with the record that the customer is
        /// backfilled, so an interruption never leaves a customer marked done with part of its history.
        /// </summary>
        public async Task<IReadOnlyList<PaymentChange>> CustomerAsync(string customerId, int haloUserId, CancellationToken cancellationToken)
        {
            var payments = new List<Payment>();
            await foreach (var payment in run.Client.ListPaymentsAsync(new PaymentFilter { Customer = customerId, PageSize = run.Options.PageSize }, cancellationToken).ConfigureAwait(false))
            {
                payments.Add(payment);
            }

            run.Statistics.PaymentsListed += payments.Count;
            await run.Mandates.ResolveAsync(payments.Select(p => p.MandateId), cancellationToken).ConfigureAwait(false);
            var changes = await run.StoreAsync(
                payments.Select(p => new PaymentObservation(p.Id, p)).ToList(),
                PaymentChangeOrigin.Backfill,
                summarise: false,
                async writer =>
                {
                    await writer.SaveCustomerAsync(customerId, haloUserId, exists: false, cancellationToken).ConfigureAwait(false);
                    return new[] { new LinkChange(customerId, null, haloUserId) };
                },
                cancellationToken).ConfigureAwait(false);
            run.Statistics.CustomersBackfilled++;
            run.Log.Verbose($"Sync-GcPayment: customer {customerId} (Halo user {haloUserId}) linked since the last run: {payments.Count} payment(s) backfilled.");
            return changes;
        }
    }
}
