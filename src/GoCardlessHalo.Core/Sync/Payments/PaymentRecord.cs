// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>Where a <see cref="PaymentRecord"/> was read from.</summary>
    public enum PaymentRecordSource
    {
        /// <summary>The payment ledger, as of the last Sync-GcPayment.</summary>
        Ledger,

        /// <summary>GoCardless itself, just now.</summary>
        Live,
    }

    /// <summary>
    /// One payment as Get-GcPayment shows it (the rows of Halo's "GoCardless Payments" tab), whether read from the
    /// ledger or live from GoCardless: the same shape either way, with the payment's dashboard page.
    /// </summary>
    public sealed record PaymentRecord : PaymentDetails
    {
        /// <summary>pending_submission, submitted, confirmed, paid_out, failed, charged_back, cancelled, … (kept as GoCardless sends it).</summary>
        public string Status { get; init; } = string.Empty;

        /// <summary>Amount refunded so far, in minor units.</summary>
        public long AmountRefunded { get; init; }

        /// <summary>Ledger or Live.</summary>
        public PaymentRecordSource Source { get; init; }

        /// <summary>When the sync last wrote this ledger row (UTC); null for live results.</summary>
        public DateTimeOffset? LedgerUpdatedAt { get; init; }

        /// <summary>GoCardless's cause of the payment's last failure (details.cause, e.g. insufficient_funds); null when unknown.</summary>
        public string? FailureCause { get; init; }

        /// <summary>GoCardless's description of that failure (details.description).</summary>
        public string? FailureDescription { get; init; }

        /// <summary>When the status last changed (the event's time); null for history read by a backfill.</summary>
        public DateTimeOffset? StatusChangedAt { get; init; }

        /// <summary>
        /// What the payment's last failure said of a retry (the <c>failed</c> event's <c>details.will_attempt_retry</c>): true while
        /// GoCardless's Success+ will retry it itself; null when no failure event said (ledger migration 6).
        /// </summary>
        public bool? WillAttemptRetry { get; init; }

        /// <summary>The newest event the ledger row was written from (null for a backfilled row).</summary>
        internal string? SourceEventId { get; init; }

        /// <summary>"PM123 12.50 GBP paid_out 2026-03-02".</summary>
        public override string ToString() =>
            PaymentId + " " + FormattedAmount + " " + Status + (ChargeDate is { } date ? " " + IsoTime.Date(date) : string.Empty);

        /// <summary>True when every value the ledger keeps for the payment is the same (so nothing needs writing).</summary>
        internal bool SameStoredValues(PaymentRecord other) =>
            PaymentId == other.PaymentId
            && HaloUserId == other.HaloUserId
            && CustomerId == other.CustomerId
            && MandateId == other.MandateId
            && Status == other.Status
            && Amount == other.Amount
            && AmountRefunded == other.AmountRefunded
            && Currency == other.Currency
            && ChargeDate == other.ChargeDate
            && CreatedAt.UtcTicks == other.CreatedAt.UtcTicks
            && Description == other.Description
            && Reference == other.Reference
            && FailureCause == other.FailureCause
            && FailureDescription == other.FailureDescription
            && StatusChangedAt?.UtcTicks == other.StatusChangedAt?.UtcTicks
            && WillAttemptRetry == other.WillAttemptRetry;
    }
}
