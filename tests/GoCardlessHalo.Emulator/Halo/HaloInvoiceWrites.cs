// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Invoices (seeded, or posted to /Invoice) and payments recorded against them (POST /InvoicePayment).</summary>
public static partial class HaloWrites
{
    public static Func<HaloInvoiceRecord> Invoice(HaloState state, JsonObject body, bool seeding)
    {
        var invoice = Target(state.Invoices, body, seeding, "invoice", Copy);
        invoice.InvoiceNumber = Optional(body, "invoicenumber", invoice.InvoiceNumber) ?? string.Empty;
        invoice.ClientId = HaloInput.Int(body, "client_id", invoice.ClientId);
        invoice.SiteId = HaloInput.Int(body, "sitenumber", invoice.SiteId);
        invoice.UserId = HaloInput.Int(body, "uid", invoice.UserId);
        invoice.Posted = HaloInput.Bool(body, "posted", invoice.Posted);
        invoice.Voided = HaloInput.Bool(body, "voided", invoice.Voided);
        invoice.InvoiceDate = Date(body, "invoice_date") ?? (invoice.InvoiceDate == default ? DateTime.UtcNow.Date : invoice.InvoiceDate);
        invoice.DueDate = Date(body, "duedate") ?? invoice.DueDate;
        invoice.PaymentTermsDays = HaloInput.Int(body, "paymentterms", invoice.PaymentTermsDays);
        invoice.Currency = (Optional(body, "currency", invoice.Currency) ?? "GBP").Trim().ToUpperInvariant();
        invoice.AmountPaid = Money(body, "amountpaid") ?? invoice.AmountPaid;
        invoice.DatePaid = Date(body, "datepaid") ?? invoice.DatePaid;
        invoice.PaymentRef = Optional(body, "payment_ref", invoice.PaymentRef);
        if (HaloInput.Has(body, "lines"))
        {
            Require(body["lines"] is JsonArray, "'lines' must be an array of {item_shortdescription, net_amount, tax_amount}.");
            invoice.Lines = body["lines"]!.AsArray().Select((line, index) =>
            {
                Require(line is JsonObject, "Each 'lines' element must be an object.");
                var o = line!.AsObject();
                return new HaloInvoiceLine
                {
                    Id = index + 1,
                    Description = HaloInput.String(o, "item_shortdescription") ?? string.Empty,
                    Net = Money(o, "net_amount") ?? 0m,
                    Tax = Money(o, "tax_amount") ?? 0m,
                };
            }).ToList();
        }

        Require(invoice.InvoiceNumber.Length > 0, "An invoice needs an invoicenumber.");
        Require(state.Clients.Contains(invoice.ClientId), $"Customer {invoice.ClientId} does not exist; set client_id to an existing customer.");
        Require(invoice.Currency.Length == 3, $"Currency '{invoice.Currency}' is not a 3-letter ISO code.");
        return () => state.Invoices.Put(invoice);
    }

    /// <summary>
    /// A payment against an invoice. Refused: an unknown or voided invoice, a zero amount, more than is due
    /// (Halo's UI refuses overpayment; that the API does too is inferred).
    /// </summary>
    public static Func<HaloInvoicePaymentRecord> InvoicePayment(HaloState state, JsonObject body, bool seeding, bool recalculates)
    {
        Require(HaloInput.Int(body, "id") == 0 || seeding, "A recorded payment cannot be changed; delete it and record another.");
        var invoiceId = HaloInput.Int(body, "invoice_id");
        var invoice = state.Invoices.Find(invoiceId) ?? throw HaloRequestException.Missing($"No invoice has id {invoiceId}.");
        var amount = Money(body, "amount") ?? 0m;
        Require(!invoice.Voided, $"Invoice {invoice.InvoiceNumber} is void; a payment cannot be recorded against it.");
        Require(amount != 0m, "A payment needs a non-zero amount.");
        Require(amount <= invoice.AmountDue, $"{amount.ToString(CultureInfo.InvariantCulture)} is more than the {invoice.AmountDue.ToString(CultureInfo.InvariantCulture)} due on invoice {invoice.InvoiceNumber}.");
        var payment = new HaloInvoicePaymentRecord
        {
            InvoiceId = invoiceId,
            Amount = amount,
            Date = Date(body, "date") ?? DateTime.UtcNow.Date,
            Reference = HaloInput.String(body, "reference"),
            ThirdPartyId = HaloInput.String(body, "thirdparty_id"),
        };
        return () =>
        {
            if (recalculates)
            {
                ApplyPayment(invoice, payment.Amount, payment.Date, payment.Reference);
            }

            return state.InvoicePayments.Put(payment);
        };
    }

    /// <summary>What Halo does to the header when a payment is recorded (+) or deleted (−), when it recalculates.</summary>
    public static void ApplyPayment(HaloInvoiceRecord invoice, decimal amount, DateTime date, string? reference)
    {
        invoice.AmountPaid += amount;
        invoice.DatePaid = invoice.AmountDue <= 0 ? date : null;
        invoice.PaymentRef = amount > 0 ? reference : invoice.PaymentRef;
    }

    private static HaloInvoiceRecord Copy(HaloInvoiceRecord i) => new()
    {
        Id = i.Id, InvoiceNumber = i.InvoiceNumber, ClientId = i.ClientId, SiteId = i.SiteId, UserId = i.UserId, Posted = i.Posted,
        Voided = i.Voided, InvoiceDate = i.InvoiceDate, DueDate = i.DueDate, PaymentTermsDays = i.PaymentTermsDays, Currency = i.Currency,
        Lines = i.Lines.Select(l => new HaloInvoiceLine { Id = l.Id, Description = l.Description, Net = l.Net, Tax = l.Tax }).ToList(),
        AmountPaid = i.AmountPaid, DatePaid = i.DatePaid, PaymentRef = i.PaymentRef,
    };

    /// <summary>A money amount: a JSON number or numeric string, kept exact as decimal.</summary>
    private static decimal? Money(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        var text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };
        return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw HaloRequestException.Invalid($"'{name}' must be a number.");
    }

    private static DateTime? Date(JsonObject body, string name)
    {
        var text = HaloInput.String(body, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw HaloRequestException.Invalid($"'{name}' must be a date (yyyy-MM-dd or ISO 8601).");
    }
}
