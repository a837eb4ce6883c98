// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>Halo (API target, emulated) → plan → charge (emulated GoCardless), with the bad inputs of issue 9's acceptance.</summary>
public sealed class CollectionEndToEndTests : CollectionWorldTests
{
    public CollectionEndToEndTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task A_month_of_invoices_is_planned_charged_once_and_a_rerun_charges_nothing()
    {
        var plan = await World.PlanAsync();
        var first = await World.CollectAsync(plan);
        var rerun = await World.CollectAsync(await World.PlanAsync());
        using var client = Emulator.Client();
        var payments = await client.ListPaymentsAsync(new PaymentFilter()).ToListAsync();

        var charged = Assert.Single(first, r => r.Action == CollectionAction.Created);
        Assert.Equal(1, charged.InvoiceId);
        Assert.Equal(12000, charged.Amount);
        Assert.Equal(new DateTime(2026, 12, 10), charged.ChargeDate); // due date later than next_possible_charge_date
        Assert.Equal(CollectionSkipReason.CurrencyNotCollectable, plan.Items.Single(i => i.Invoice.Id == 2).Skip);
        Assert.Equal(CollectionSkipReason.NothingDue, plan.Items.Single(i => i.Invoice.Id == 3).Skip);
        Assert.Equal(CollectionSkipReason.NoMandate, plan.Items.Single(i => i.Invoice.Id == 4).Skip);
        Assert.Equal(CollectionAction.AlreadyCollected, rerun.Single(r => r.InvoiceId == 1).Action);
        Assert.Equal(charged.PaymentId, Assert.Single(payments).Id);
    }

    [Fact]
    public async Task A_mandate_that_links_only_a_bank_account_is_never_matched_to_a_payer_and_charges_nothing()
    {
        // Mandates older than links.customer name only the bank account; PayerDirectory leaves them out rather than guess.
        await Emulator.PostAdminAsync("gocardless/seed", new
        {
            customers = new[] { new { id = "CU1", created_at = "2026-01-01T00:00:00Z", company_name = "Acme Ltd" } },
            customer_bank_accounts = new[] { new { id = "BA1", created_at = "2026-01-01T00:00:00Z", account_holder_name = "Acme Ltd", currency = "GBP", links = new { customer = "CU1" } } },
            mandates = new[] { new { id = "MD1", created_at = "2026-01-02T00:00:00Z", scheme = "bacs", status = "active", next_possible_charge_date = "2026-12-04", links = new { customer_bank_account = "BA1" } } },
        });

        var plan = await World.PlanAsync();
        var results = await World.CollectAsync(plan);
        using var client = Emulator.Client();

        var invoice = plan.Items.Single(i => i.Invoice.Id == 1);
        Assert.Equal(CollectionSkipReason.NoMandate, invoice.Skip);
        Assert.Null(invoice.Payer);
        Assert.DoesNotContain(results, r => r.Action == CollectionAction.Created);
        Assert.Empty(await client.ListPaymentsAsync(new PaymentFilter()).ToListAsync());
    }

    [Fact]
    public async Task An_unreachable_halo_stops_the_plan_with_an_error_id_and_charges_nothing()
    {
        await HaloApiTestKit.FaultAsync(Emulator.Host, new { kind = "status", status = 503, count = 50, service = "halo", pathContains = "/api/Invoice" });

        var error = await Assert.ThrowsAnyAsync<GcHaloException>(() => World.PlanAsync());
        using var client = Emulator.Client();

        Assert.False(string.IsNullOrEmpty(error.ErrorId));
        Assert.Empty(await client.ListPaymentsAsync(new PaymentFilter()).ToListAsync());
    }
}
