// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>One row of gch_collection: a collection attempt, with what was sent so it can be sent again unchanged.</summary>
    internal sealed class CollectionRow
    {
        public int InvoiceId { get; set; }

        public int Attempt { get; set; }

        public string InvoiceNumber { get; set; } = string.Empty;

        public string IdempotencyKey { get; set; } = string.Empty;

        public string MandateId { get; set; } = string.Empty;

        public string CustomerId { get; set; } = string.Empty;

        public int? HaloUserId { get; set; }

        public long Amount { get; set; }

        public long InvoiceTotal { get; set; }

        public string Currency { get; set; } = string.Empty;

        public DateTime ChargeDate { get; set; }

        /// <summary>Null while GoCardless's answer is not recorded (a crash in between leaves it so).</summary>
        public string? PaymentId { get; set; }

        public string? PaymentStatus { get; set; }

        /// <summary>Whether the create asked GoCardless to retry a failure itself (sent again unchanged when the attempt is re-sent).</summary>
        public bool RetryIfPossible { get; set; }

        /// <summary>The payment's last failure said GoCardless will retry it (gch_payment.will_attempt_retry).</summary>
        public bool WillAttemptRetry { get; set; }

        public PriorCollection ToPrior() => new PriorCollection
        {
            InvoiceId = InvoiceId, Attempt = Attempt, PaymentId = PaymentId, Amount = Amount, InvoiceTotal = InvoiceTotal,
            Currency = Currency, PaymentStatus = PaymentStatus, WillAttemptRetry = WillAttemptRetry,
        };
    }
}
