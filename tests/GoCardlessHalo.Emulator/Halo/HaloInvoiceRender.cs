// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Invoices and invoice payments in Halo's API shapes (PD-dto InvoiceHeader / InvoiceDetail, HALO-INVOICES.md §2).</summary>
public static class HaloInvoiceRender
{
    private static readonly Dictionary<string, (int Id, string Symbol, string Name)> Currencies = new()
    {
        ["GBP"] = (1, "£", "Pounds Sterling"),
        ["EUR"] = (2, "€", "Euro"),
        ["USD"] = (3, "$", "US Dollar"),
        ["AUD"] = (4, "$", "Australian Dollar"),
        ["NZD"] = (5, "$", "New Zealand Dollar"),
        ["CAD"] = (6, "$", "Canadian Dollar"),
        ["SEK"] = (7, "kr", "Swedish Krona"),
        ["DKK"] = (8, "kr", "Danish Krone"),
    };

    public static JsonObject Invoice(HaloState state, HaloInvoiceRecord invoice, HaloInvoiceSwitches switches, bool withLines)
    {
        var client = state.Clients.Find(invoice.ClientId);
        var site = state.Sites.Find(invoice.SiteId);
        var currency = Currencies.TryGetValue(invoice.Currency, out var known) ? known : (99, invoice.Currency, invoice.Currency);
        var json = new JsonObject
        {
            ["id"] = invoice.Id,
            ["invoicenumber"] = invoice.InvoiceNumber,
            ["client_id"] = invoice.ClientId,
            ["client_name"] = client?.Name ?? string.Empty,
            ["sitenumber"] = invoice.SiteId,
            ["site_name"] = site?.Name ?? string.Empty,
            ["uid"] = invoice.UserId,
            ["posted"] = invoice.Posted,
            ["voided"] = invoice.Voided,
            ["invoice_date"] = invoice.InvoiceDate.ToString("yyyy-MM-dd'T'HH:mm:ss"),
            ["duedate"] = invoice.DueDate?.ToString("yyyy-MM-dd'T'HH:mm:ss"),
            ["paymentterms"] = invoice.PaymentTermsDays,
            ["currency"] = currency.Item2,
            ["currency_code"] = currency.Item1,
            ["currency_code_name"] = switches.CurrencyCodeName ? invoice.Currency : currency.Item3,
            ["total"] = invoice.Total,
            ["amountpaid"] = invoice.AmountPaid,
            ["amountdue"] = invoice.AmountDue,
            ["paymentstatus"] = HaloPaymentStatus.Of(invoice),
            ["datepaid"] = invoice.DatePaid?.ToString("yyyy-MM-dd'T'HH:mm:ss"),
            ["payment_ref"] = invoice.PaymentRef,
        };
        if (withLines)
        {
            json["lines"] = new JsonArray(invoice.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = l.Id,
                ["ihid"] = invoice.Id,
                ["item_shortdescription"] = l.Description,
                ["net_amount"] = l.Net,
                ["tax_amount"] = l.Tax,
            }).ToArray());
        }

        return json;
    }

    public static JsonObject Payment(HaloState state, HaloInvoicePaymentRecord payment) => new()
    {
        ["id"] = payment.Id,
        ["invoice_id"] = payment.InvoiceId,
        ["invoicenumber"] = state.Invoices.Find(payment.InvoiceId)?.InvoiceNumber ?? string.Empty,
        ["amount"] = payment.Amount,
        ["date"] = payment.Date.ToString("yyyy-MM-dd'T'HH:mm:ss"),
        ["reference"] = payment.Reference,
        ["thirdparty_id"] = payment.ThirdPartyId,
    };
}
