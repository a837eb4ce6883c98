// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// The invoice behaviours no public source settles (src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md), one switch
/// each, so tests can run the module under every plausible variant. All are inferred; the defaults are our best guess.
/// Set at start (Emulator:Halo:Invoices:*) or while running (POST /__admin/halo/settings {"invoices":{…}}).
/// </summary>
public sealed class HaloInvoiceSwitches
{
    /// <summary>
    /// True: currency_code_name carries the ISO code (GBP). False: it carries a display name ("Pounds Sterling")
    /// and only the symbol in <c>currency</c> hints at the currency (§2, [I]).
    /// </summary>
    public bool CurrencyCodeName { get; set; } = true;

    /// <summary>True: list rows carry <c>lines</c>. False: only GET /Invoice/{id} does (§1, [I]).</summary>
    public bool ListLines { get; set; }

    /// <summary>
    /// True: POST /InvoicePayment updates the invoice's amountpaid/amountdue/paymentstatus/datepaid. False: the
    /// payment is stored and the header is left as it was (§3, [I]).
    /// </summary>
    public bool PaymentRecalculates { get; set; } = true;

    /// <summary>True: voided invoices appear in lists (flagged voided). False: lists leave them out (§2, [I]).</summary>
    public bool VoidedInList { get; set; } = true;

    /// <summary>
    /// True: GET /Tickets honours <c>search</c> (a substring of the summary). False: Halo ignores it and lists every ticket
    /// the other filters let through (what <c>search</c> matches is undocumented: HALO-TICKETS.md §1, [I]).
    /// </summary>
    public bool TicketSearch { get; set; } = true;

    public HaloInvoiceSwitches Copy() => (HaloInvoiceSwitches)MemberwiseClone();
}

/// <summary>The "invoices" part of POST /__admin/halo/settings; absent switches stay as they are.</summary>
public sealed record HaloInvoiceSwitchesRequest(bool? CurrencyCodeName, bool? ListLines, bool? PaymentRecalculates, bool? VoidedInList)
{
    public void ApplyTo(HaloInvoiceSwitches switches)
    {
        switches.CurrencyCodeName = CurrencyCodeName ?? switches.CurrencyCodeName;
        switches.ListLines = ListLines ?? switches.ListLines;
        switches.PaymentRecalculates = PaymentRecalculates ?? switches.PaymentRecalculates;
        switches.VoidedInList = VoidedInList ?? switches.VoidedInList;
        switches.TicketSearch = TicketSearch ?? switches.TicketSearch;
    }

    /// <summary>Whether GET /Tickets honours <c>search</c> (tickets are issue 9's too, so their switch lives here).</summary>
    public bool? TicketSearch { get; init; }
}
