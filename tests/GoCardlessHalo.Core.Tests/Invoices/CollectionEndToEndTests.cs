// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>Halo (API target, emulated) → plan → charge (emulated GoCardless), with the bad inputs of issue 9's acceptance.</summary>
public sealed class CollectionEndToEndTests : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly TempDirectory _temp = new();

    public CollectionEndToEndTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await HaloApiTestKit.SeedAsync(_emulator.Host, new
        {
            fields = new[] { new { id = 1, name = "GoCardlessCustomerId", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Acme Ltd" }, new { id = 2, name = "Gone Ltd" } },
            sites = new[] { new { id = 10, name = "Head Office", client_id = 1, isinvoicesite = true }, new { id = 20, name = "Head Office", client_id = 2, isinvoicesite = true } },
            users = new object[]
            {
                new { id = 100, name = "Ann Payer", site_id = 10, customfields = new[] { new { id = 1, value = "cu1" } } },
                new { id = 200, name = "Gus Gone", site_id = 20, customfields = new[] { new { id = 1, value = "CU2" } } },
            },
            invoices = new object[]
            {
                new { id = 1, invoicenumber = "INV-1", client_id = 1, sitenumber = 10, uid = 100, currency = "GBP", duedate = "2026-12-10", lines = new[] { new { net_amount = 100m, tax_amount = 20m } } },
                new { id = 2, invoicenumber = "INV-2", client_id = 1, sitenumber = 10, uid = 100, currency = "EUR", lines = new[] { new { net_amount = 10m, tax_amount = 2m } } },
                new { id = 3, invoicenumber = "CN-3", client_id = 1, sitenumber = 10, uid = 100, currency = "GBP", lines = new[] { new { net_amount = -10m, tax_amount = -2m } } },
                new { id = 4, invoicenumber = "INV-4", client_id = 2, sitenumber = 20, uid = 200, currency = "GBP", lines = new[] { new { net_amount = 50m, tax_amount = 10m } } },
            },
        });
        await _emulator.PostAdminAsync("gocardless/seed", new
        {
            customers = new[] { new { id = "CU1", created_at = "2026-01-01T00:00:00Z", company_name = "Acme Ltd" }, new { id = "CU2", created_at = "2026-01-01T00:00:00Z", company_name = "Gone Ltd" } },
            mandates = new object[]
            {
                new { id = "MD1", created_at = "2026-01-02T00:00:00Z", scheme = "bacs", status = "active", next_possible_charge_date = "2026-12-04", links = new { customer = "CU1" } },
                new { id = "MD2", created_at = "2026-01-02T00:00:00Z", scheme = "bacs", status = "cancelled", links = new { customer = "CU2" } },
            },
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_month_of_invoices_is_planned_charged_once_and_a_rerun_charges_nothing()
    {
        var plan = await PlanAsync();
        var first = await CollectAsync(plan);
        var rerun = await CollectAsync(await PlanAsync());
        using var client = _emulator.Client();
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
    public async Task An_unreachable_halo_stops_the_plan_with_an_error_id_and_charges_nothing()
    {
        await HaloApiTestKit.FaultAsync(_emulator.Host, new { kind = "status", status = 503, count = 50, service = "halo", pathContains = "/api/Invoice" });

        var error = await Assert.ThrowsAnyAsync<GcHaloException>(PlanAsync);
        using var client = _emulator.Client();

        Assert.False(string.IsNullOrEmpty(error.ErrorId));
        Assert.Empty(await client.ListPaymentsAsync(new PaymentFilter()).ToListAsync());
    }

    private async Task<CollectionPlan> PlanAsync()
    {
        using var halo = await HaloApiTestKit.OpenAsync(_emulator.Host);
        using var client = _emulator.Client();
        using var ledger = PaymentLedger.OpenModuleOwned(_temp.File("ledger.db"));
        return await CollectionPlanning.PlanAsync(halo, client, ledger, new HaloInvoiceQuery(), new CollectionOptions { Today = new DateTime(2026, 12, 1) }, "GoCardlessCustomerId", null, CancellationToken.None);
    }

    private async Task<System.Collections.Generic.List<CollectionResult>> CollectAsync(CollectionPlan plan)
    {
        using var client = _emulator.Client();
        using var ledger = PaymentLedger.OpenModuleOwned(_temp.File("ledger.db"));
        var collector = new InvoiceCollector(client, ledger);
        var results = new System.Collections.Generic.List<CollectionResult>();
        await foreach (var result in collector.CollectAsync(plan, _ => true, CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }
}
