// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// A payment's newest <c>failed</c> event, read from GoCardless: what it says of GoCardless's own retry
    /// (details.will_attempt_retry, Success+, https://developer.gocardless.com/introduction/success-plus/) is what a read
    /// of the payment alone cannot tell. One list request (a payment fails a handful of times at most).
    /// </summary>
    internal static class PaymentFailures
    {
        /// <summary>The newest failed event of <paramref name="paymentId"/> (by created_at, then id), or null when it never failed.</summary>
        public static async Task<Event?> NewestAsync(GoCardlessClient client, string paymentId, CancellationToken cancellationToken)
        {
            Event? newest = null;
            await foreach (var failure in client.ListEventsAsync(new EventFilter { Payment = paymentId, Action = "failed", Include = string.Empty }, cancellationToken).ConfigureAwait(false))
            {
                newest = newest is null || failure.CreatedAt > newest.CreatedAt || (failure.CreatedAt == newest.CreatedAt && string.CompareOrdinal(failure.Id, newest.Id) > 0) ? failure : newest;
            }

            return newest;
        }
    }
}
