// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// /halo/api/Invoice and /halo/api/InvoicePayment (HALO-INVOICES.md §1, §3). List filters as HaloAPI's
/// Get-HaloInvoice sends them: client_id, site_id, user_id, postedonly, notpostedonly, paymentstatuses (ids, comma
/// separated), search; paging as for every Halo list.
/// </summary>
public static class HaloInvoiceEndpoints
{
    public static void MapHaloInvoices(this RouteGroupBuilder api)
    {
        api.MapGet("/Invoice", (HttpRequest r, HaloStore store, HaloSettings settings) => HaloResponses.List(
            r, store, settings, "invoices",
            (s, q) => s.Invoices.Rows.Where(i => Wanted(q, i, settings.Invoices)),
            (s, i) => HaloInvoiceRender.Invoice(s, i, settings.Invoices, settings.Invoices.ListLines || HaloQuery.Flag(r.Query, "includelines"))));
        api.MapGet("/Invoice/{id:int}", (int id, HaloStore store, HaloSettings settings) =>
            HaloResponses.One(store, "invoice", id, s => s.Invoices.Find(id), (s, i) => HaloInvoiceRender.Invoice(s, i, settings.Invoices, withLines: true)));
        api.MapPost("/Invoice", (HttpRequest r, HaloStore store, HaloSettings settings) =>
            HaloResponses.Post(r, store, HaloWrites.Invoice, (s, i) => HaloInvoiceRender.Invoice(s, i, settings.Invoices, withLines: true)));

        api.MapGet("/InvoicePayment", (HttpRequest r, HaloStore store, HaloSettings settings) => HaloResponses.List(
            r, store, settings, "invoicepayments",
            (s, q) => s.InvoicePayments.Rows.Where(p => (HaloQuery.Id(q, "invoice_id") is not { } invoice || p.InvoiceId == invoice)
                                                      && (HaloQuery.Id(q, "client_id") is not { } client || s.Invoices.Find(p.InvoiceId)?.ClientId == client)),
            HaloInvoiceRender.Payment));
        api.MapGet("/InvoicePayment/{id:int}", (int id, HaloStore store) =>
            HaloResponses.One(store, "invoice payment", id, s => s.InvoicePayments.Find(id), HaloInvoiceRender.Payment));
        api.MapPost("/InvoicePayment", (HttpRequest r, HaloStore store, HaloSettings settings) =>
        {
            var recalculates = settings.Invoices.PaymentRecalculates;
            return HaloResponses.Post(r, store, (state, body, seeding) => HaloWrites.InvoicePayment(state, body, seeding, recalculates), HaloInvoiceRender.Payment);
        });
        api.MapDelete("/InvoicePayment/{id:int}", (int id, HaloStore store, HaloSettings settings) => HaloResponses.Delete(store, "invoice payment", id, s =>
        {
            if (s.InvoicePayments.Find(id) is not { } payment)
            {
                return false;
            }

            if (settings.Invoices.PaymentRecalculates && s.Invoices.Find(payment.InvoiceId) is { } invoice)
            {
                HaloWrites.ApplyPayment(invoice, -payment.Amount, payment.Date, null);
            }

            return s.InvoicePayments.Remove(id);
        }));
    }

    private static bool Wanted(IQueryCollection query, HaloInvoiceRecord invoice, HaloInvoiceSwitches switches) =>
        (switches.VoidedInList || !invoice.Voided)
        && (HaloQuery.Id(query, "client_id") is not { } client || invoice.ClientId == client)
        && (HaloQuery.Id(query, "site_id") is not { } site || invoice.SiteId == site)
        && (HaloQuery.Id(query, "user_id") is not { } user || invoice.UserId == user)
        && (!HaloQuery.Flag(query, "postedonly") || invoice.Posted)
        && (!HaloQuery.Flag(query, "notpostedonly") || !invoice.Posted)
        && (PaymentStatuses(query) is not { } statuses || statuses.Contains(HaloPaymentStatus.Of(invoice)))
        && HaloQuery.Matches(query, invoice.InvoiceNumber);

    private static HashSet<int>? PaymentStatuses(IQueryCollection query)
    {
        var raw = query["paymentstatuses"].ToString();
        return raw.Length == 0
            ? null
            : raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                 .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1)
                 .ToHashSet();
    }
}
