// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>How the sync learnt of a change.</summary>
    public enum PaymentChangeOrigin
    {
        /// <summary>Read from a payment list: the first sync, or a customer linked since the last one.</summary>
        Backfill,

        /// <summary>Read from GoCardless's events since the last sync.</summary>
        Event,
    }

    /// <summary>
    /// One status change written to the payment ledger by Sync-GcPayment: a payment seen for the first time
    /// (<see cref="OldStatus"/> null) or one whose status moved. Only emitted after the transaction that stored it
    /// has committed.
    /// </summary>
    public sealed class PaymentChange
    {
        /// <summary>PM…</summary>
        public string PaymentId { get; init; } = string.Empty;

        /// <summary>The Halo user linked to the payment's customer.</summary>
        public int? HaloUserId { get; init; }

        /// <summary>CU…</summary>
        public string CustomerId { get; init; } = string.Empty;

        /// <summary>MD…</summary>
        public string MandateId { get; init; } = string.Empty;

        /// <summary>The status the ledger had; null when the payment is new to the ledger.</summary>
        public string? OldStatus { get; init; }

        /// <summary>The payment's current status.</summary>
        public string NewStatus { get; init; } = string.Empty;

        /// <summary>Amount in minor units.</summary>
        public long Amount { get; init; }

        /// <summary>ISO 4217 code.</summary>
        public string Currency { get; init; } = string.Empty;

        /// <summary>The day the money is (or was) collected.</summary>
        public DateTime? ChargeDate { get; init; }

        /// <summary>When the payment was created (UTC).</summary>
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Description, if any.</summary>
        public string? Description { get; init; }

        /// <summary>Bank-statement reference, if any.</summary>
        public string? Reference { get; init; }

        /// <summary>The payment's dashboard page.</summary>
        public Uri? DashboardUrl { get; init; }

        /// <summary>Backfill or Event.</summary>
        public PaymentChangeOrigin Origin { get; init; }

        /// <summary>
        /// The event actions behind the change, oldest first (e.g. failed, late_failure_settled,
        /// resubmission_requested). A payment that failed and was retried between two syncs shows its failure
        /// here even though its new status is pending_submission. Empty for a backfill.
        /// </summary>
        public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();

        /// <summary>details.cause of the newest event behind the change, e.g. insufficient_funds.</summary>
        public string? Cause { get; init; }

        /// <summary>The amount for display, e.g. "12.50 GBP".</summary>
        public string FormattedAmount => CurrencyAmounts.Format(Amount, Currency);

        /// <summary>"PM123 paid_out -> failed".</summary>
        public override string ToString() => PaymentId + " " + (OldStatus ?? "(new)") + " -> " + NewStatus;
    }
}
