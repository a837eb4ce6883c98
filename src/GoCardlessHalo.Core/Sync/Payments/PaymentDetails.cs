// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// What every payment object of the module says about a payment: which one, whose, how much, when, and where it
    /// is in the dashboard. <see cref="PaymentRecord"/> (Get-GcPayment) and <see cref="PaymentChange"/>
    /// (Sync-GcPayment) add what they are about.
    /// </summary>
    public abstract record PaymentDetails
    {
        /// <summary>PM…</summary>
        public string PaymentId { get; init; } = string.Empty;

        /// <summary>The Halo user linked to the payment's customer, when known.</summary>
        public int? HaloUserId { get; init; }

        /// <summary>CU…, the customer of the payment's mandate.</summary>
        public string CustomerId { get; init; } = string.Empty;

        /// <summary>MD…</summary>
        public string MandateId { get; init; } = string.Empty;

        /// <summary>Amount in minor units (pence, cents).</summary>
        public long Amount { get; init; }

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

        /// <summary>The amount for display, e.g. "12.50 GBP".</summary>
        public string FormattedAmount => CurrencyAmounts.Format(Amount, Currency);

        /// <summary>A payment as GoCardless shows it, attributed to <paramref name="customerId"/> and <paramref name="haloUserId"/>.</summary>
        internal static PaymentRecord FromGoCardless(Payment payment, string customerId, int? haloUserId, PaymentRecordSource source) => new PaymentRecord
        {
            PaymentId = payment.Id,
            HaloUserId = haloUserId,
            CustomerId = customerId,
            MandateId = payment.MandateId ?? string.Empty,
            Status = payment.Status,
            Amount = payment.Amount,
            AmountRefunded = payment.AmountRefunded,
            Currency = payment.Currency ?? string.Empty,
            ChargeDate = payment.ChargeDate?.Date,
            CreatedAt = payment.CreatedAt.ToUniversalTime(),
            Description = payment.Description,
            Reference = payment.Reference,
            Source = source,
        };
    }
}
