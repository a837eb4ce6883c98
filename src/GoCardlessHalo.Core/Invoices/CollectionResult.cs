// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>What New-GcPayment did for one invoice.</summary>
    public enum CollectionAction
    {
        /// <summary>A payment was created now.</summary>
        Created,

        /// <summary>A payment already collects it (this or an earlier run; an interrupted run's payment included).</summary>
        AlreadyCollected,

        /// <summary>Not charged, for the reason given.</summary>
        Skipped,

        /// <summary>GoCardless refused, or its answer did not arrive (the next run completes it with the same key).</summary>
        Failed,

        /// <summary>New-GcPayment -CancelChanged: the payment of an invoice changed in Halo was cancelled in GoCardless.</summary>
        Cancelled,
    }

    /// <summary>One invoice's outcome.</summary>
    public sealed class CollectionResult
    {
        /// <summary>The Halo invoice id.</summary>
        public int InvoiceId { get; set; }

        /// <summary>Its number.</summary>
        public string InvoiceNumber { get; set; } = string.Empty;

        /// <summary>The Halo customer.</summary>
        public string ClientName { get; set; } = string.Empty;

        /// <summary>What happened.</summary>
        public CollectionAction Action { get; set; }

        /// <summary>The payment (PM…), when one exists.</summary>
        public string? PaymentId { get; set; }

        /// <summary>The GoCardless customer whose mandate pays it, when known.</summary>
        public string? CustomerId { get; set; }

        /// <summary>The mandate charged, when known.</summary>
        public string? MandateId { get; set; }

        /// <summary>Amount, minor units, when known.</summary>
        public long? Amount { get; set; }

        /// <summary>ISO 4217, when known.</summary>
        public string? Currency { get; set; }

        /// <summary>The charge date, when known.</summary>
        public DateTime? ChargeDate { get; set; }

        /// <summary>The skip reason, when skipped.</summary>
        public CollectionSkipReason Skip { get; set; }

        /// <summary>Why (skipped, failed), or what was recovered.</summary>
        public string? Reason { get; set; }

        /// <summary>For Failed: CollectionRefused (nothing charged), CollectionOutcomeUnknown (the next run completes it), CollectionCancelRefused (too late to cancel), or the GoCardless error of a cancel whose answer did not arrive.</summary>
        public string? ErrorId { get; set; }
    }
}
