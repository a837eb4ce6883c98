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
    public sealed record PaymentRecord
    {
        /// <summary>PM…</summary>
        public string PaymentId { get; init; } = string.Empty;

        /// <summary>The Halo user linked to the payment's customer, when known.</summary>
        public int? HaloUserId { get; init; }

        /// <summary>CU…, the customer of the payment's mandate.</summary>
        public string CustomerId { get; init; } = string.Empty;

        /// <summary>MD…</summary>
        public string MandateId { get; init; } = string.Empty;

        /// <summary>pending_submission, submitted, confirmed, paid_out, failed, charged_back, cancelled, … (kept as GoCardless sends it).</summary>
        public string Status { get; init; } = string.Empty;

        /// <summary>Amount in minor units (pence, cents).</summary>
        public long Amount { get; init; }

        /// <summary>Amount refunded so far, in minor units.</summary>
        public long AmountRefunded { get; init; }

        /// <summary>ISO 4217 code, e.g. GBP.</summary>
        public string Currency { get; init; } = string.Empty;

        /// <summary>The day the money is (or was) collected; null when GoCardless gave none.</summary>
        public DateTime? ChargeDate { get; init; }

        /// <summary>When the payment was created (UTC).</summary>
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Human-readable description, if any.</summary>
        public string? Description { get; init; }

        /// <summary>Bank-statement reference, if any.</summary>
        public string? Reference { get; init; }

        /// <summary>The payment's page in the GoCardless dashboard (live, sandbox or the emulator's).</summary>
        public Uri? DashboardUrl { get; init; }

        /// <summary>Ledger or Live.</summary>
        public PaymentRecordSource Source { get; init; }

        /// <summary>When the sync last wrote this ledger row (UTC); null for live results.</summary>
        public DateTimeOffset? LedgerUpdatedAt { get; init; }

        /// <summary>The amount for display, e.g. "12.50 GBP".</summary>
        public string FormattedAmount => CurrencyAmounts.Format(Amount, Currency);

        /// <summary>The newest event the ledger row was written from (null for a backfilled row).</summary>
        internal string? SourceEventId { get; init; }

        /// <summary>"PM123 12.50 GBP paid_out 2026-03-02".</summary>
        public override string ToString() =>
            PaymentId + " " + FormattedAmount + " " + Status + (ChargeDate is { } date ? " " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

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
            && Reference == other.Reference;
    }
}
