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

        /// <summary>A payment not in a final state, read again by id (PaymentSyncOptions.ReconcileEvery).</summary>
        Reconciliation,
    }

    /// <summary>
    /// One status change written to the payment ledger by Sync-GcPayment: a payment seen for the first time
    /// (<see cref="OldStatus"/> null) or one whose status moved. Only emitted after the transaction that stored it
    /// has committed.
    /// </summary>
    public sealed record PaymentChange : PaymentDetails
    {
        /// <summary>An empty change, to fill with an object initialiser.</summary>
        public PaymentChange()
        {
        }

        /// <summary>A change of the stored payment <paramref name="payment"/> (its details, status as new status).</summary>
        internal PaymentChange(PaymentRecord payment)
            : base(payment)
        {
            NewStatus = payment.Status;
        }

        /// <summary>The status the ledger had; null when the payment is new to the ledger.</summary>
        public string? OldStatus { get; init; }

        /// <summary>The payment's current status.</summary>
        public string NewStatus { get; init; } = string.Empty;

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

        /// <summary>"PM123 paid_out -> failed".</summary>
        public override string ToString() => PaymentId + " " + (OldStatus ?? "(new)") + " -> " + NewStatus;
    }
}
