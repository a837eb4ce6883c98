// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>A collection whose payment moved on in GoCardless since Halo last heard of it.</summary>
    public sealed class UnsettledCollection
    {
        /// <summary>The Halo invoice.</summary>
        public int InvoiceId { get; set; }

        /// <summary>Its collection attempt.</summary>
        public int Attempt { get; set; }

        /// <summary>The invoice number.</summary>
        public string InvoiceNumber { get; set; } = string.Empty;

        /// <summary>The GoCardless payment (PM…): the reference of the payment recorded in Halo.</summary>
        public string PaymentId { get; set; } = string.Empty;

        /// <summary>Amount collected, minor units.</summary>
        public long Amount { get; set; }

        /// <summary>ISO 4217.</summary>
        public string Currency { get; set; } = string.Empty;

        /// <summary>The GoCardless customer charged.</summary>
        public string CustomerId { get; set; } = string.Empty;

        /// <summary>The status Halo reflects now (null: never settled).</summary>
        public string? SettledStatus { get; set; }

        /// <summary>The payment's status in the ledger now.</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>The payment's last failure said GoCardless will retry it itself (Success+, details.will_attempt_retry).</summary>
        public bool WillAttemptRetry { get; set; }

        /// <summary>What charges the invoice again after its payment did not collect: GoCardless's own retry, or only -Retry.</summary>
        public string NextStep => Status == "failed" && WillAttemptRetry
            ? "GoCardless will retry the payment itself (will_attempt_retry); New-GcPayment -Retry does not charge the invoice unless that retry fails for good."
            : "Charge it again only with New-GcPayment -InvoiceId " + InvoiceId.ToString(CultureInfo.InvariantCulture) + " -Retry.";

        /// <summary>The payment's charge date (the date of the payment recorded in Halo).</summary>
        public DateTime ChargeDate { get; set; }

        /// <summary>The Halo user whose mandate was charged (gch_collection.halo_user_id), when known.</summary>
        public int? HaloUserId { get; set; }

        /// <summary>GoCardless's cause of the status change (details.cause, e.g. insufficient_funds), when the ledger has it.</summary>
        public string? FailureCause { get; set; }

        /// <summary>GoCardless's description of the status change, when the ledger has it.</summary>
        public string? FailureDescription { get; set; }

        /// <summary>When the payment's status changed (the event's time; null for history read by a backfill).</summary>
        public DateTimeOffset? StatusChangedAt { get; set; }
    }
}
