// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Output
{
    /// <summary>Turns engine payment records and changes into the objects the payment cmdlets write.</summary>
    internal static class PaymentMapper
    {
        public static GcPayment ToOutput(PaymentRecord payment, HaloUser? user = null) => new GcPayment
        {
            FailureCause = payment.FailureCause,
            FailureDescription = payment.FailureDescription,
            StatusChangedAt = payment.StatusChangedAt,
            Client = user?.ClientName,
            Site = user?.SiteName,
            PaymentId = payment.PaymentId,
            HaloUserId = payment.HaloUserId,
            CustomerId = payment.CustomerId,
            MandateId = payment.MandateId,
            Status = payment.Status,
            Amount = CurrencyAmounts.ToMajor(payment.Amount, payment.Currency),
            AmountRefunded = CurrencyAmounts.ToMajor(payment.AmountRefunded, payment.Currency),
            Currency = payment.Currency,
            ChargeDate = payment.ChargeDate,
            CreatedAt = payment.CreatedAt,
            Description = payment.Description,
            Reference = payment.Reference,
            DashboardUrl = payment.DashboardUrl?.AbsoluteUri,
            Source = payment.Source.ToString(),
        };

        public static GcPaymentChange ToOutput(PaymentChange change) => new GcPaymentChange
        {
            PaymentId = change.PaymentId,
            HaloUserId = change.HaloUserId,
            CustomerId = change.CustomerId,
            OldStatus = change.OldStatus,
            NewStatus = change.NewStatus,
            Amount = CurrencyAmounts.ToMajor(change.Amount, change.Currency),
            Currency = change.Currency,
            ChargeDate = change.ChargeDate,
            Actions = change.Actions.ToArray(),
            Cause = change.Cause,
            Origin = change.Origin.ToString(),
            DashboardUrl = change.DashboardUrl?.AbsoluteUri,
        };
    }
}
