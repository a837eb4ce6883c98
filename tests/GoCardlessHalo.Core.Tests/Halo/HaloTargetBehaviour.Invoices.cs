// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Invoices;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>Invoices (issue 9), the same facts on every target that offers <see cref="IHaloInvoices"/>.</summary>
public abstract partial class HaloTargetBehaviour
{
    private const int Monthly = 501;
    private const int Euro = 502;
    private const int Credit = 503;
    private const int Draft = 504;
    private const int Void = 505;
    private const int Brightsides = 506;

    [Fact]
    public async Task Posted_invoices_are_read_with_customer_amounts_currency_and_dates_drafts_left_out_voided_flagged()
    {
        using var target = await CreateWithInvoicesAsync();

        var invoices = (await HaloInvoices.Of(target).GetInvoicesAsync(new HaloInvoiceQuery(), CancellationToken.None).ToListAsync()).ToDictionary(i => i.Id);

        Assert.Equal(new[] { Monthly, Euro, Credit, Void, Brightsides }, invoices.Keys);
        var monthly = invoices[Monthly];
        Assert.Equal(("INV-501", Acme, "Acme Widgets Ltd", "GBP", 120.12m, 20.12m, 100.00m),
            (monthly.InvoiceNumber, monthly.ClientId, monthly.ClientName, monthly.Currency, monthly.Total, monthly.AmountPaid, monthly.AmountDue));
        Assert.Equal(new DateTime(2026, 12, 14), monthly.DueDate);
        Assert.True(monthly.Posted);
        Assert.Equal("EUR", invoices[Euro].Currency);
        Assert.Equal(-12m, invoices[Credit].Total);
        Assert.True(invoices[Void].Voided);
        Assert.False(invoices[Monthly].Voided);
    }

    [Fact]
    public async Task Invoices_are_read_by_customer_or_by_id()
    {
        using var target = await CreateWithInvoicesAsync();
        var invoices = HaloInvoices.Of(target);

        var brightside = await invoices.GetInvoicesAsync(new HaloInvoiceQuery { ClientId = Brightside }, CancellationToken.None).ToListAsync();
        var two = await invoices.GetInvoicesAsync(new HaloInvoiceQuery { InvoiceIds = new[] { Euro, Monthly } }, CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { Brightsides }, brightside.Select(i => i.Id));
        Assert.Equal(new[] { Monthly, Euro }, two.Select(i => i.Id));
    }

    [Fact]
    public async Task A_recorded_payment_is_read_back_by_its_reference_and_leaves_the_invoice_paid()
    {
        using var target = await CreateWithInvoicesAsync();
        var invoices = HaloInvoices.Of(target);

        var recorded = await invoices.RecordPaymentAsync(Payment(Monthly, 100.00m, "PM000TEST1"), CancellationToken.None);
        var payments = await invoices.GetPaymentsAsync(Monthly, CancellationToken.None);
        var after = await ReadInvoiceAsync(invoices, Monthly);

        Assert.True(recorded.Id > 0);
        var payment = Assert.Single(payments, p => p.Reference == "PM000TEST1");
        Assert.Equal((recorded.Id, Monthly, 100.00m), (payment.Id, payment.InvoiceId, payment.Amount));
        Assert.Equal((0m, 120.12m), (after.AmountDue, after.AmountPaid));
        Assert.Empty(await invoices.GetPaymentsAsync(Euro, CancellationToken.None));
    }

    [Fact]
    public async Task A_removed_payment_leaves_the_invoice_unpaid_again()
    {
        using var target = await CreateWithInvoicesAsync();
        var invoices = HaloInvoices.Of(target);
        var recorded = await invoices.RecordPaymentAsync(Payment(Monthly, 100.00m, "PM000TEST2"), CancellationToken.None);

        await invoices.RemovePaymentAsync(recorded, CancellationToken.None);

        Assert.DoesNotContain(await invoices.GetPaymentsAsync(Monthly, CancellationToken.None), p => p.Reference == "PM000TEST2");
        Assert.Equal(100.00m, (await ReadInvoiceAsync(invoices, Monthly)).AmountDue);
    }

    private static HaloInvoicePayment Payment(int invoice, decimal amount, string reference) =>
        new() { InvoiceId = invoice, Amount = amount, Date = new DateTime(2026, 12, 14), Reference = reference };

    private static async Task<HaloInvoice> ReadInvoiceAsync(IHaloInvoices invoices, int id) =>
        Assert.Single(await invoices.GetInvoicesAsync(new HaloInvoiceQuery { InvoiceIds = new[] { id } }, CancellationToken.None).ToListAsync());

    private Task<IHaloTarget> CreateWithInvoicesAsync()
    {
        var seed = Create();
        seed.Invoices.Add(Invoice(Monthly, "INV-501", Acme, "GBP", 120.12m, paid: 20.12m));
        seed.Invoices.Add(Invoice(Euro, "INV-502", Acme, "EUR", 12m));
        seed.Invoices.Add(Invoice(Credit, "CN-503", Acme, "GBP", -12m));
        var draft = Invoice(Draft, "INV-504", Acme, "GBP", 5m);
        draft.Posted = false;
        seed.Invoices.Add(draft);
        var voided = Invoice(Void, "INV-505", Acme, "GBP", 6m);
        voided.Voided = true;
        seed.Invoices.Add(voided);
        seed.Invoices.Add(Invoice(Brightsides, "INV-506", Brightside, "GBP", 60m));
        return factory.CreateAsync(seed);
    }

    private static HaloInvoice Invoice(int id, string number, int client, string currency, decimal total, decimal paid = 0m) => new()
    {
        Id = id,
        InvoiceNumber = number,
        ClientId = client,
        SiteId = client == Acme ? AcmeHeadOffice : BrightsideMain,
        Posted = true,
        InvoiceDate = new DateTime(2026, 11, 30),
        DueDate = new DateTime(2026, 12, 14),
        Currency = currency,
        Total = total,
        AmountPaid = paid,
    };
}
