// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The Halo invoice a payment collected, as Get-GcPayment shows it.</summary>
    public sealed class CollectedInvoice
    {
        /// <summary>The Halo invoice id.</summary>
        public int InvoiceId { get; set; }

        /// <summary>Its number.</summary>
        public string InvoiceNumber { get; set; } = string.Empty;
    }

    /// <summary>Which payments collected which Halo invoices, from the module's ledger (gch_collection).</summary>
    public static class CollectedInvoices
    {
        /// <summary>Payment id (PM…) → the invoice it collects, for every payment New-GcPayment created.</summary>
        public static async Task<IReadOnlyDictionary<string, CollectedInvoice>> ReadAsync(PaymentLedger ledger, CancellationToken cancellationToken) =>
            (await new CollectionLedger(ledger).LoadAsync(cancellationToken).ConfigureAwait(false))
                .Where(row => row.PaymentId is not null)
                .GroupBy(row => row.PaymentId!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => new CollectedInvoice { InvoiceId = g.First().InvoiceId, InvoiceNumber = g.First().InvoiceNumber }, StringComparer.OrdinalIgnoreCase);
    }
}
