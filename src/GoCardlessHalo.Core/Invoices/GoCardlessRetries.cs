// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The live re-check before -Retry charges an invoice again. GoCardless's Success+ retries a failed payment created with
    /// <c>retry_if_possible</c> itself when the failure's <c>payment:failed</c> event says <c>will_attempt_retry: true</c>,
    /// and then sends <c>payment:resubmission_requested</c> and takes the payment through the normal flow on a new charge
    /// date; only a failure without it is "safe for you to retry" (https://developer.gocardless.com/introduction/success-plus/).
    /// The ledger knows what the last Sync-GcPayment saw; GoCardless may have moved on since, so the previous attempt's
    /// payment is read again (one request; one more, listing its failed events, only for a payment that asked for retries).
    /// </summary>
    internal static class GoCardlessRetries
    {
        /// <summary>Null when charging the invoice again cannot meet a retry by GoCardless; otherwise why it would.</summary>
        public static async Task<string?> WhyNotChargeAgainAsync(GoCardlessClient client, string paymentId, CancellationToken cancellationToken)
        {
            var payment = await client.GetPaymentAsync(paymentId, cancellationToken).ConfigureAwait(false);
            if (!PriorCollection.IsNotCollected(payment.Status))
            {
                return $"GoCardless has resubmitted payment {paymentId} (it is {payment.Status} now): the invoice is not charged again. Sync-GcPayment settles it.";
            }

            if (payment.Status != "failed" || payment.RetryIfPossible != true)
            {
                return null;
            }

            var newest = await PaymentFailures.NewestAsync(client, paymentId, cancellationToken).ConfigureAwait(false);
            return newest?.Details.WillAttemptRetry == true
                ? $"Payment {paymentId} failed and GoCardless will retry it (its failure {newest.Id} says will_attempt_retry): the invoice is not charged again unless that retry fails for good."
                : null;
        }
    }
}
