// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.Halo.Api;
using GoCardlessHalo.Emulator;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>The API target reads invoices through /api/Invoice, exactly (decimal) and under each inferred currency variant.</summary>
public sealed class ApiInvoiceReadTests
{
    private static readonly object Seed = new
    {
        clients = new[] { new { id = 1, name = "Acme Ltd" }, new { id = 2, name = "Beta GmbH" } },
        sites = new[] { new { id = 10, name = "Head Office", client_id = 1, isinvoicesite = true }, new { id = 20, name = "Berlin", client_id = 2, isinvoicesite = true } },
        users = new[] { new { id = 100, name = "Ann Payer", site_id = 10 } },
        invoices = new object[]
        {
            new { id = 5, invoicenumber = "INV-5", client_id = 1, sitenumber = 10, uid = 100, currency = "GBP", duedate = "2026-11-15", lines = new[] { new { net_amount = 100.10m, tax_amount = 20.02m } } },
            new { id = 6, invoicenumber = "INV-6", client_id = 2, sitenumber = 20, currency = "USD", lines = new[] { new { net_amount = 0.1m, tax_amount = 0.2m } } },
            new { id = 7, invoicenumber = "INV-7", client_id = 2, sitenumber = 20, currency = "EUR", posted = false, lines = new[] { new { net_amount = 5m, tax_amount = 1m } } },
        },
    };

    [Fact]
    public async Task Posted_invoices_are_listed_with_exact_amounts_and_iso_currencies()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:MaxPageSize=1");
        await HaloApiTestKit.SeedAsync(host, Seed);
        using var target = await HaloApiTestKit.OpenAsync(host);

        var invoices = await HaloApiTestKit.ToListAsync(HaloInvoices.Of(target).GetInvoicesAsync(new HaloInvoiceQuery(), CancellationToken.None));

        Assert.Equal(new[] { 5, 6 }, invoices.Select(i => i.Id));
        Assert.Equal(120.12m, invoices[0].AmountDue);
        Assert.Equal(0.3m, invoices[1].Total);
        Assert.Equal(new[] { "GBP", "USD" }, invoices.Select(i => i.Currency));
        Assert.Equal(100, invoices[0].UserId);
        Assert.Equal("Acme Ltd", invoices[0].ClientName);
        Assert.Equal(new System.DateTime(2026, 11, 15), invoices[0].DueDate);
    }

    [Fact]
    public async Task Without_iso_codes_only_an_unambiguous_symbol_gives_a_currency()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:Invoices:CurrencyCodeName=false");
        await HaloApiTestKit.SeedAsync(host, Seed);
        using var target = await HaloApiTestKit.OpenAsync(host);

        var invoices = await HaloApiTestKit.ToListAsync(HaloInvoices.Of(target).GetInvoicesAsync(new HaloInvoiceQuery { InvoiceIds = new[] { 7, 6, 5 } }, CancellationToken.None));

        Assert.Equal(new[] { 5, 6, 7 }, invoices.Select(i => i.Id));
        Assert.Equal(new[] { "GBP", null, "EUR" }, invoices.Select(i => i.Currency));
        Assert.False(invoices[2].Posted);
    }
}
