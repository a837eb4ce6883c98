// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// A Halo invoice (INVOICEHEADER / api/Invoice; src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md §2). The total is
/// the lines' net + tax; amount due is the total less what payments recorded against it. A credit note is an
/// invoice whose lines sum to a negative total.
/// </summary>
public sealed class HaloInvoiceRecord : IHaloRecord
{
    public int Id { get; set; }

    public string InvoiceNumber { get; set; } = string.Empty;

    public int ClientId { get; set; }

    public int SiteId { get; set; }

    public int UserId { get; set; }

    public bool Posted { get; set; } = true;

    public bool Voided { get; set; }

    public DateTime InvoiceDate { get; set; }

    public DateTime? DueDate { get; set; }

    public int PaymentTermsDays { get; set; }

    /// <summary>ISO 4217 code (Halo's currency record name); the API's <c>currency</c> shows its symbol.</summary>
    public string Currency { get; set; } = "GBP";

    public List<HaloInvoiceLine> Lines { get; set; } = new();

    /// <summary>What the invoice header says was paid (Halo may or may not recalculate it from payments: a switch).</summary>
    public decimal AmountPaid { get; set; }

    public DateTime? DatePaid { get; set; }

    public string? PaymentRef { get; set; }

    public decimal Total => Lines.Sum(l => l.Net + l.Tax);

    public decimal AmountDue => Total - AmountPaid;
}

/// <summary>An invoice line (INVOICEDETAIL): net and tax amounts in major units.</summary>
public sealed class HaloInvoiceLine
{
    public int Id { get; set; }

    public string Description { get; set; } = string.Empty;

    public decimal Net { get; set; }

    public decimal Tax { get; set; }
}

/// <summary>A payment recorded against an invoice (InvoicePayment / api/InvoicePayment).</summary>
public sealed class HaloInvoicePaymentRecord : IHaloRecord
{
    public int Id { get; set; }

    public int InvoiceId { get; set; }

    public decimal Amount { get; set; }

    public DateTime Date { get; set; }

    public string? Reference { get; set; }

    public string? ThirdPartyId { get; set; }
}

/// <summary>
/// Payment status ids. No source lists them (HALO-INVOICES.md §2, [I]); these are the emulator's defaults and the
/// module decides by amount due, never by the id alone.
/// </summary>
public static class HaloPaymentStatus
{
    public const int Unpaid = 0;
    public const int PartlyPaid = 1;
    public const int Paid = 2;

    public static int Of(HaloInvoiceRecord invoice) =>
        invoice.AmountPaid == 0 ? Unpaid : invoice.AmountDue <= 0 ? Paid : PartlyPaid;
}
