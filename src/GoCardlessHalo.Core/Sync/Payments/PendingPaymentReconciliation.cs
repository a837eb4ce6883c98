// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// A safety net under the event window: GoCardless may list an event later than the overlap window behind the
    /// watermark (events are listed by created_at, reference gocardless.md "Events"), and such an event would never
    /// be read. Once per <see cref="PaymentSyncOptions.ReconcileEvery"/>, the ledger's payments of linked customers
    /// that are not in a final state are read again by id (only those: one GET each) and any status change is
    /// stored through the normal path (<see cref="PaymentSyncRun.StoreAsync"/>), in the same transaction as the
    /// time of the reconciliation, so a failed run reconciles again next time.
    /// </summary>
    internal static class PendingPaymentReconciliation
    {
        /// <summary>
        /// Statuses a payment still leaves on its own (GoCardless payment lifecycle, reference gocardless.md
        /// "Payments"): pending_customer_approval, pending_submission, submitted, confirmed. paid_out, failed,
        /// cancelled, customer_approval_denied and charged_back end the ordinary lifecycle; their rare later moves
        /// (a late failure, a chargeback) come as events that are read in any case.
        /// </summary>
        public static readonly IReadOnlyList<string> NonFinalStatuses = new[] { "pending_customer_approval", "pending_submission", "submitted", "confirmed" };

        /// <summary>Reconciles when due; <paramref name="justObserved"/> are payments this run already read from events.</summary>
        public static async Task<IReadOnlyList<PaymentChange>> RunIfDueAsync(PaymentSyncRun run, IEnumerable<string> justObserved, CancellationToken cancellationToken)
        {
            var every = run.Options.ReconcileEvery;
            var now = run.Options.Clock.UtcNow;
            var last = await run.Ledger.GetReconciledAsync(cancellationToken).ConfigureAwait(false);
            if (every <= TimeSpan.Zero || (last is { } at && now - at < every))
            {
                return Array.Empty<PaymentChange>();
            }

            var skip = new HashSet<string>(justObserved, StringComparer.Ordinal);
            var pending = new List<string>();
            await foreach (var record in run.Ledger.QueryAsync(new PaymentQuery { Statuses = NonFinalStatuses }, null, cancellationToken).ConfigureAwait(false))
            {
                if (run.Links.IsLinked(record.CustomerId) && !skip.Contains(record.PaymentId))
                {
                    pending.Add(record.PaymentId);
                }
            }

            var observations = new List<PaymentObservation>();
            foreach (var paymentId in pending)
            {
                observations.Add(new PaymentObservation(paymentId, await run.Client.GetPaymentAsync(paymentId, cancellationToken).ConfigureAwait(false)));
                run.Statistics.PaymentsFetched++;
            }

            await run.Mandates.ResolveAsync(observations.Select(o => o.Payment?.MandateId), cancellationToken).ConfigureAwait(false);
            var changes = await run.StoreAsync(
                observations,
                PaymentChangeOrigin.Reconciliation,
                summarise: false,
                async writer =>
                {
                    await writer.SetReconciledAsync(now, cancellationToken).ConfigureAwait(false);
                    return Array.Empty<LinkChange>();
                },
                cancellationToken).ConfigureAwait(false);
            run.Statistics.PaymentsReconciled = observations.Count;
            run.Log.Verbose($"Sync-GcPayment: read {observations.Count} payment(s) not in a final state again by id (last time {IsoTime.Format(last)}); {changes.Count} had moved without an event read.");
            return changes;
        }
    }
}
