// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Generated invoices for the generated customers (deterministic for a seed): monthly invoices dated back from
/// 2026-11-01, each billed to a user of the customer, with the mix a collection run must handle. Of every twenty
/// invoices: one credit note (negative), one voided, one not posted, two partly paid, two already paid in full;
/// every customer bills in one currency, one in seven in EUR and one in eleven in USD, the rest in GBP.
/// </summary>
public static class HaloInvoiceGenerator
{
    private static readonly DateTime LatestInvoiceDate = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Services = { "Managed service", "Microsoft 365 licences", "Backup", "Support hours", "Hardware" };

    public static void AddInvoices(HaloState state, Random random, int perClient)
    {
        if (perClient <= 0)
        {
            return;
        }

        var number = 1000;
        foreach (var client in state.Clients.Rows.ToList())
        {
            var users = state.Users.Rows.Where(u => state.SiteOf(u)?.ClientId == client.Id).ToList();
            var currency = client.Id % 7 == 0 ? "EUR" : client.Id % 11 == 0 ? "USD" : "GBP";
            for (var i = 0; i < perClient; i++)
            {
                var kind = number % 20;
                var user = users.Count == 0 ? null : users[random.Next(users.Count)];
                var date = LatestInvoiceDate.AddMonths(-i);
                var invoice = new HaloInvoiceRecord
                {
                    InvoiceNumber = "INV-" + (++number).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ClientId = client.Id,
                    SiteId = user?.SiteId ?? state.MainSiteOf(client.Id)?.Id ?? 0,
                    UserId = user?.Id ?? 0,
                    InvoiceDate = date,
                    DueDate = date.AddDays(14),
                    PaymentTermsDays = 14,
                    Currency = currency,
                    Posted = kind != 3,
                    Voided = kind == 2,
                    Lines = Lines(random, credit: kind == 1),
                };
                invoice.AmountPaid = kind is 4 or 5 ? decimal.Round(invoice.Total / 2, 2) : kind is 6 or 7 ? invoice.Total : 0m;
                invoice.DatePaid = kind is 6 or 7 ? date.AddDays(10) : null;
                state.Invoices.Put(invoice);
            }
        }
    }

    private static List<HaloInvoiceLine> Lines(Random random, bool credit)
    {
        var count = 1 + random.Next(3);
        return Enumerable.Range(1, count).Select(id =>
        {
            var net = decimal.Round((decimal)(20 + random.Next(48_000)) / 100m, 2) * (credit ? -1 : 1);
            return new HaloInvoiceLine { Id = id, Description = Services[random.Next(Services.Length)], Net = net, Tax = decimal.Round(net * 0.2m, 2) };
        }).ToList();
    }
}
