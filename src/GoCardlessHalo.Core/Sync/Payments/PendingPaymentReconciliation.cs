// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>The payments a due reconciliation read again, and when it ran (stored with them) and last ran.</summary>
    internal sealed record DueReconciliation(DateTimeOffset At, DateTimeOffset? Last, IReadOnlyList<ObservedPayment> Payments);

    /// <summary>
    /// Read step, a safety net under the event window: GoCardless may list an event later than the overlap window behind the
    /// watermark (events are listed by created_at, reference gocardless.md "Events"), and such an event would never
    /// be read. Once per <see cref="PaymentSyncOptions.ReconcileEvery"/>, the ledger's payments of linked customers
    /// that are not in a final state are read again by id (only those: one GET each) and any status change is
    /// stored by the caller through the normal path (<see cref="PaymentStore.StoreAsync"/>), in the same transaction as the
    /// time of the reconciliation, so a failed run reconciles again next time. A failed payment whose last failure said
    /// GoCardless will retry it (will_attempt_retry) is not final either: it is read again with its newest failed event,
    /// so a resubmission, or a later failure that ends the retries, listed too late for the window is not lost.
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

        /// <summary>
        /// When a reconciliation is due, the ledger's payments of linked customers not in a final state, read again by
        /// id (their mandates known); null when it is not due. <paramref name="justObserved"/> are payments this run
        /// already read from events.
        /// </summary>
        public static async Task<DueReconciliation?> ReadIfDueAsync(
            PaymentLedger ledger,
            GoCardlessClient client,
            MandateDirectory mandates,
            LinkIndex links,
            PaymentSyncOptions options,
            PaymentSyncStatistics statistics,
            IEnumerable<string> justObserved,
            CancellationToken cancellationToken)
        {
            var every = options.ReconcileEvery;
            var now = options.Clock.UtcNow;
            var last = await ledger.GetReconciledAsync(cancellationToken).ConfigureAwait(false);
            if (every <= TimeSpan.Zero || (last is { } at && now - at < every))
            {
                return null;
            }

            var skip = new HashSet<string>(justObserved, StringComparer.Ordinal);
            var pending = new List<PaymentRecord>();
            await foreach (var record in ledger.QueryAsync(new PaymentQuery { Statuses = NonFinalStatuses.Concat(new[] { "failed" }).ToList() }, null, cancellationToken).ConfigureAwait(false))
            {
                if (links.IsLinked(record.CustomerId) && !skip.Contains(record.PaymentId) && (record.Status != "failed" || record.WillAttemptRetry == true))
                {
                    pending.Add(record);
                }
            }

            var observed = new List<ObservedPayment>();
            foreach (var record in pending)
            {
                var observation = new ObservedPayment(record.PaymentId, await client.GetPaymentAsync(record.PaymentId, cancellationToken).ConfigureAwait(false));
                statistics.PaymentsFetched++;
                if (record.WillAttemptRetry == true && observation.Payment?.Status == "failed"
                    && await PaymentFailures.NewestAsync(client, record.PaymentId, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    observation.Add(failure);
                }

                observed.Add(observation);
            }

            await mandates.ResolveAsync(observed.Select(o => o.Payment?.MandateId), cancellationToken).ConfigureAwait(false);
            return new DueReconciliation(now, last, observed);
        }
    }
}
