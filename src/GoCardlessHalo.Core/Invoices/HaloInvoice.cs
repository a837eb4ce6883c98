// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// A Halo invoice as collection needs it (INVOICEHEADER / api/Invoice; HALO-INVOICES.md §2). Amounts are exact
    /// decimals in major units, read from JSON or SQL without passing through floating point.
    /// </summary>
    public sealed class HaloInvoice
    {
        /// <summary>Halo's invoice id (ihid / id): the key everything else hangs on.</summary>
        public int Id { get; set; }

        /// <summary>The number the customer sees (invoicenumber).</summary>
        public string InvoiceNumber { get; set; } = string.Empty;

        /// <summary>The Halo customer billed (client_id / IHaarea).</summary>
        public int ClientId { get; set; }

        /// <summary>That customer's name.</summary>
        public string ClientName { get; set; } = string.Empty;

        /// <summary>The site billed (sitenumber).</summary>
        public int SiteId { get; set; }

        /// <summary>The user the invoice is addressed to (uid), 0 when none.</summary>
        public int UserId { get; set; }

        /// <summary>Posted (sent to accounts); only posted invoices are collected.</summary>
        public bool Posted { get; set; }

        /// <summary>Voided in Halo.</summary>
        public bool Voided { get; set; }

        /// <summary>Invoice date.</summary>
        public DateTime InvoiceDate { get; set; }

        /// <summary>Due date, when Halo has one.</summary>
        public DateTime? DueDate { get; set; }

        /// <summary>ISO 4217 code, or null when Halo gave nothing the module can trust (HALO-INVOICES.md §2, currency).</summary>
        public string? Currency { get; set; }

        /// <summary>Invoice total (negative for a credit note).</summary>
        public decimal Total { get; set; }

        /// <summary>What is still due (total less payments recorded in Halo).</summary>
        public decimal AmountDue { get; set; }

        /// <summary>What Halo records as paid.</summary>
        public decimal AmountPaid { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{InvoiceNumber} ({Id})";
    }
}
