// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The one shape of an audit line about a collection attempt (charged, refused, cancelled, …).</summary>
    internal static class CollectionAudit
    {
        public const string InvoicePrefix = "halo-invoice:";

        public static void Write(AuditLog? audit, string action, CollectionRow row, string? paymentId, string? reason) =>
            audit?.WriteAll(new[] { Line(action, row, paymentId, reason) });

        /// <summary>The line of one attempt, as written and as journaled before its ledger write.</summary>
        public static AuditChange Line(string action, CollectionRow row, string? paymentId, string? reason) =>
            new AuditChange(action, InvoicePrefix + row.InvoiceId.ToString(CultureInfo.InvariantCulture), row.CustomerId, null, new Dictionary<string, string?>
            {
                ["invoice"] = row.InvoiceNumber,
                ["payment"] = paymentId,
                ["amount"] = CurrencyAmounts.Format(row.Amount, row.Currency),
                ["chargeDate"] = row.ChargeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["mandate"] = row.MandateId,
                ["idempotencyKey"] = row.IdempotencyKey,
                ["reason"] = reason,
            });
    }
}
