// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo
{
    /// <summary>
    /// A GoCardless payment as Get-GcPayment returns it (one row of Halo's "GoCardless Payments" tab).
    /// PaymentId and DashboardUrl bind by property name to Open-GcPayment.
    /// </summary>
    public sealed class GcPayment
    {
        public string PaymentId { get; set; } = string.Empty;

        public int? HaloUserId { get; set; }

        public string CustomerId { get; set; } = string.Empty;

        public string MandateId { get; set; } = string.Empty;

        /// <summary>pending_submission, submitted, confirmed, paid_out, failed, cancelled, charged_back, … (new values are kept as GoCardless sends them).</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>The amount in the currency's major unit (e.g. 12.50).</summary>
        public decimal Amount { get; set; }

        public decimal AmountRefunded { get; set; }

        public string Currency { get; set; } = string.Empty;

        public DateTime? ChargeDate { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public string? Description { get; set; }

        public string? Reference { get; set; }

        /// <summary>The payment's page in the GoCardless dashboard (live, sandbox, or the configured dashboard base).</summary>
        public string? DashboardUrl { get; set; }

        /// <summary>Ledger (kept by Sync-GcPayment) or Live (read from GoCardless just now).</summary>
        /// <summary>GoCardless's cause of the payment's last failure (e.g. insufficient_funds); empty for history read by the first sync.</summary>
        public string? FailureCause { get; set; }

        /// <summary>GoCardless's description of that failure.</summary>
        public string? FailureDescription { get; set; }

        /// <summary>When the status last changed (GoCardless's event time); empty for history read by the first sync.</summary>
        public DateTimeOffset? StatusChangedAt { get; set; }

        /// <summary>The Halo customer of the linked user (as Halo has it now).</summary>
        public string? Client { get; set; }

        /// <summary>The Halo site of the linked user.</summary>
        public string? Site { get; set; }

        public string Source { get; set; } = string.Empty;

        /// <summary>The Halo invoice this payment collects (a payment New-GcPayment created), else null.</summary>
        public int? InvoiceId { get; set; }

        /// <summary>That invoice's number.</summary>
        public string? InvoiceNumber { get; set; }
    }

    /// <summary>One payment status change found by Sync-GcPayment.</summary>
    public sealed class GcPaymentChange
    {
        public string PaymentId { get; set; } = string.Empty;

        public int? HaloUserId { get; set; }

        public string CustomerId { get; set; } = string.Empty;

        /// <summary>The status before this sync; empty for a payment seen for the first time.</summary>
        public string? OldStatus { get; set; }

        public string NewStatus { get; set; } = string.Empty;

        /// <summary>The amount in the currency's major unit (e.g. 12.50).</summary>
        public decimal Amount { get; set; }

        public string Currency { get; set; } = string.Empty;

        public DateTime? ChargeDate { get; set; }

        /// <summary>The GoCardless event actions behind the change, oldest first (e.g. failed, resubmission_requested).</summary>
        public string[] Actions { get; set; } = Array.Empty<string>();

        /// <summary>Why, as GoCardless says (details.cause of the latest event), e.g. insufficient_funds.</summary>
        public string? Cause { get; set; }

        /// <summary>Backfill (first sync of the customer) or Event (incremental sync).</summary>
        public string Origin { get; set; } = string.Empty;

        public string? DashboardUrl { get; set; }
    }
}
