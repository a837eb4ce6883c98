// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>What the plan says about one invoice: what would be charged, under which mandate and when, or why not.</summary>
    public sealed class CollectionPlanItem
    {
        /// <summary>The invoice.</summary>
        public HaloInvoice Invoice { get; set; } = new HaloInvoice();

        /// <summary>Why it will not be charged; <see cref="CollectionSkipReason.None"/> when it will.</summary>
        public CollectionSkipReason Skip { get; set; }

        /// <summary>The skip reason in words (names the mandates, amounts or limits involved), or null.</summary>
        public string? Reason { get; set; }

        /// <summary>The mandate that pays it (also set for AlreadyCollected when known).</summary>
        public PayerMandate? Payer { get; set; }

        /// <summary>Amount in minor units (what is due), when known.</summary>
        public long? Amount { get; set; }

        /// <summary>ISO 4217 currency, when known.</summary>
        public string? Currency { get; set; }

        /// <summary>The charge date: the mandate's next possible charge date, or the due date when later.</summary>
        public DateTime? ChargeDate { get; set; }

        /// <summary>The attempt this charge would be (1, or previous + 1 on retry).</summary>
        public int Attempt { get; set; } = 1;

        /// <summary>The existing payment (AlreadyCollected, PreviousAttemptFailed, GoCardlessRetrying, ChangedAfterCollection).</summary>
        public string? ExistingPaymentId { get; set; }

        /// <summary>For a retry (attempt 2 or later): the payment of the previous attempt, read again just before charging.</summary>
        public string? RetriedPaymentId { get; set; }

        /// <summary>True when the invoice will be charged.</summary>
        public bool Collectable => Skip == CollectionSkipReason.None;

        /// <summary>The Idempotency-Key its create sends.</summary>
        public string IdempotencyKey => CollectionKeys.IdempotencyKey(Invoice.Id, Attempt);
    }
}
