// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// A payment's current state as GoCardless showed it, with the new events behind it (none for a backfill).
    /// The state is what gets stored: GoCardless's linked payment is the payment as it is now, so the newest state
    /// wins however many events led there.
    /// </summary>
    internal sealed class ObservedPayment
    {
        private readonly List<Event> events = new List<Event>();

        public ObservedPayment(string paymentId, Payment? payment)
        {
            PaymentId = paymentId;
            Payment = payment;
        }

        public string PaymentId { get; }

        /// <summary>Null until known (an event listed without its payment is fetched before storing).</summary>
        public Payment? Payment { get; set; }

        /// <summary>The event actions, oldest first.</summary>
        public IReadOnlyList<string> Actions => Ordered().Select(e => e.Action).ToList();

        /// <summary>
        /// details.cause of the newest event that moved the payment (insufficient_funds, authorisation_disputed, …).
        /// Settlement bookkeeping that follows a late failure or chargeback (late_failure_settled,
        /// chargeback_settled, surcharge_fee_debited) only says the money was settled, so it gives the cause only
        /// when nothing else does.
        /// </summary>
        public string? Cause => Deciding?.Details.Cause;

        /// <summary>details.description of the event <see cref="Cause"/> comes from.</summary>
        public string? CauseDescription => Deciding?.Details.Description;

        /// <summary>
        /// What the newest <c>failed</c> event says of GoCardless's own retry (details.will_attempt_retry; a failure that says
        /// nothing counts as no retry); null when no failure is among the events. Success+
        /// (https://developer.gocardless.com/introduction/success-plus/): true means GoCardless will retry the payment
        /// itself, otherwise "it is safe for you to retry".
        /// </summary>
        public bool? WillAttemptRetry => Ordered().LastOrDefault(e => e.Action == "failed") is { } failure ? failure.Details.WillAttemptRetry ?? false : null;

        /// <summary>When the newest event behind the change happened; null for a backfill (no events).</summary>
        public DateTimeOffset? ChangedAt => Ordered().LastOrDefault()?.CreatedAt;

        /// <summary>The newest event's id, recorded on the ledger row.</summary>
        public string? NewestEventId => Ordered().LastOrDefault()?.Id;

        public void Add(Event e) => events.Add(e);

        private static bool IsSettlement(string action) =>
            action.EndsWith("_settled", StringComparison.Ordinal) || action == "surcharge_fee_debited";

        private Event? Deciding => Ordered().LastOrDefault(e => !IsSettlement(e.Action)) ?? Ordered().LastOrDefault();

        private IEnumerable<Event> Ordered() => events.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal);
    }
}
