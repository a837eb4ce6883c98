// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Output
{
    /// <summary>The engine's collection plan items and results as the cmdlets' output objects (amounts in major units).</summary>
    internal static class CollectionMapper
    {
        public static GcCollectionPlanItem ToOutput(CollectionPlanItem item) => new GcCollectionPlanItem
        {
            InvoiceId = item.Invoice.Id,
            InvoiceNumber = item.Invoice.InvoiceNumber,
            ClientId = item.Invoice.ClientId,
            ClientName = item.Invoice.ClientName,
            Collectable = item.Collectable,
            Amount = Major(item.Amount, item.Currency),
            Currency = item.Currency,
            ChargeDate = item.ChargeDate,
            HaloUserId = item.Payer?.UserId,
            HaloUserName = item.Payer?.UserName,
            CustomerId = item.Payer?.CustomerId,
            MandateId = item.Payer?.MandateId,
            Scheme = item.Payer?.Scheme,
            SkipReason = item.Skip.ToString(),
            Reason = item.Reason,
            ExistingPaymentId = item.ExistingPaymentId,
            Attempt = item.Attempt,
        };

        public static GcCollectionResult ToOutput(CollectionResult result) => new GcCollectionResult
        {
            InvoiceId = result.InvoiceId,
            InvoiceNumber = result.InvoiceNumber,
            ClientName = result.ClientName,
            Action = result.Action.ToString(),
            PaymentId = result.PaymentId,
            Amount = Major(result.Amount, result.Currency),
            Currency = result.Currency,
            ChargeDate = result.ChargeDate,
            CustomerId = result.CustomerId,
            MandateId = result.MandateId,
            SkipReason = result.Action == CollectionAction.Skipped ? result.Skip.ToString() : null,
            Reason = result.Reason,
        };

        public static GcInvoiceSettlement ToOutput(SettlementResult result) => new GcInvoiceSettlement
        {
            InvoiceId = result.Collection.InvoiceId,
            InvoiceNumber = result.Collection.InvoiceNumber,
            PaymentId = result.Collection.PaymentId,
            PaymentStatus = result.Collection.Status,
            Action = result.Action.ToString(),
            Amount = CurrencyAmounts.ToMajor(result.Collection.Amount, result.Collection.Currency),
            Currency = result.Collection.Currency,
            CustomerId = result.Collection.CustomerId,
            Reason = result.Reason,
            HaloTicketId = result.TicketId,
        };

        private static decimal? Major(long? minor, string? currency) => minor is { } amount ? CurrencyAmounts.ToMajor(amount, currency) : (decimal?)null;
    }
}
