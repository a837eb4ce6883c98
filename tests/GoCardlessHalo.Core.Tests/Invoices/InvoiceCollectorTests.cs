// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.Config;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// Charging invoices against the emulated GoCardless with the ledger in a SQLite file: a kill at every point of a
/// charge, then a rerun, charges every invoice exactly once (the GoCardless payments are counted).
/// </summary>
public sealed class InvoiceCollectorTests : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private static readonly DateTime Today = new(2026, 12, 1);
    private readonly EmulatorFixture _emulator;
    private readonly TempDirectory _temp = new();

    public InvoiceCollectorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await _emulator.PostAdminAsync("gocardless/seed", new
        {
            customers = new[]
            {
                new { id = "CU1", created_at = "2026-01-01T00:00:00Z", company_name = "Acme Ltd" },
                new { id = "CU2", created_at = "2026-01-01T00:00:00Z", company_name = "Beta GmbH" },
            },
            mandates = new[]
            {
                new { id = "MD1", created_at = "2026-01-02T00:00:00Z", scheme = "bacs", status = "active", next_possible_charge_date = "2026-12-04", links = new { customer = "CU1" } },
                new { id = "MD2", created_at = "2026-01-02T00:00:00Z", scheme = "sepa_core", status = "active", next_possible_charge_date = "2026-12-04", links = new { customer = "CU2" } },
            },
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(nameof(CollectionCheckpoint.IntentRecorded))]
    [InlineData(nameof(CollectionCheckpoint.PaymentCreated))]
    [InlineData(nameof(CollectionCheckpoint.PaymentRecorded))]
    public async Task A_kill_at_any_point_then_a_rerun_charges_every_invoice_exactly_once(string point)
    {
        var killAt = (CollectionCheckpoint)Enum.Parse(typeof(CollectionCheckpoint), point);
        var invoices = Invoices(3);

        var first = await RunAsync(invoices, kill: (killAt, 2));
        var second = await RunAsync(invoices);
        var third = await RunAsync(invoices);
        var payments = await PaymentsByInvoiceAsync();

        Assert.Null(first.Results.SingleOrDefault(r => r.InvoiceId == 3)); // the run died before invoice 3
        Assert.Equal(new[] { 1, 2, 3 }, payments.Keys.OrderBy(k => k));
        Assert.All(payments.Values, list => Assert.Single(list));
        Assert.Equal(killAt == CollectionCheckpoint.PaymentRecorded ? new[] { 3 } : new[] { 2, 3 }, Created(second).Concat(Recovered(second)).OrderBy(i => i));
        Assert.Equal(killAt == CollectionCheckpoint.PaymentRecorded ? Array.Empty<int>() : new[] { 2 }, Recovered(second));
        Assert.All(third.Results, r => Assert.Equal(CollectionAction.AlreadyCollected, r.Action));
        Assert.Equal(payments[2].Single().Id, third.Results.Single(r => r.InvoiceId == 2).PaymentId);
    }

    [Theory]
    [InlineData(nameof(CollectionCheckpoint.IntentRecorded))]
    [InlineData(nameof(CollectionCheckpoint.PaymentCreated))]
    [InlineData(nameof(CollectionCheckpoint.PaymentRecorded))]
    public async Task A_kill_at_any_point_then_a_rerun_logs_every_charge_exactly_once(string point)
    {
        var killAt = (CollectionCheckpoint)Enum.Parse(typeof(CollectionCheckpoint), point);
        var invoices = Invoices(3);

        await RunAsync(invoices, kill: (killAt, 2), runId: "killed");
        await RunAsync(invoices, runId: "rerun");

        var lines = new AuditLogReader(Audit("reader").Path).Read(new AuditQuery()).Where(e => e.Action == "invoice.collected").ToList();
        var payments = await PaymentsByInvoiceAsync();
        Assert.Equal(new[] { 1, 2, 3 }.Select(i => ("halo-invoice:" + i, (string?)payments[i].Single().Id)), lines.Select(e => (e.Target, e.After!["payment"])).OrderBy(l => l.Target));
        var second = lines.Single(e => e.Target == "halo-invoice:2");
        Assert.Equal(
            killAt == CollectionCheckpoint.PaymentRecorded ? ("killed", "rerun") : ("rerun", (string?)null),
            (second.RunId, second.ReconciledBy));
        Assert.Empty(System.IO.File.ReadAllText(Audit("reader").PendingPath));
    }

    [Fact]
    public async Task The_payment_carries_the_invoice_number_and_id_and_the_planned_amount_and_date()
    {
        var run = await RunAsync(new[] { Invoice(7, 120.12m) });
        using var client = _emulator.Client();
        var payment = await client.GetPaymentAsync(run.Results.Single().PaymentId!);

        Assert.Equal(12012, payment.Amount);
        Assert.Equal("GBP", payment.Currency);
        Assert.Equal(new DateTime(2026, 12, 4), payment.ChargeDate);
        Assert.Equal("7", payment.Metadata[CollectionKeys.InvoiceIdKey]);
        Assert.Equal("INV-7", payment.Metadata[CollectionKeys.InvoiceNumberKey]);
        Assert.Contains("INV-7", payment.Description);
    }

    [Fact]
    public async Task A_run_over_its_total_charges_nothing()
    {
        var options = new CollectionOptions { Today = Today, MaximumRunTotal = 100m };

        var error = await Assert.ThrowsAsync<GcHaloException>(() => RunAsync(Invoices(3), options: options));

        Assert.Equal("CollectionRunTotalExceeded", error.ErrorId);
        Assert.Empty(await PaymentsByInvoiceAsync());
    }

    [Fact]
    public async Task A_refusal_by_gocardless_charges_nothing_and_leaves_the_invoice_to_plan_again()
    {
        // Halo says the payer's mandate is bacs, GoCardless knows MD2 is SEPA: GoCardless refuses the GBP payment.
        var wrong = new PayerMandate { ClientId = 1, UserId = 5, UserName = "Ann", CustomerId = "CU2", MandateCustomerId = "CU2", MandateId = "MD2", Scheme = "bacs", Status = "active", NextPossibleChargeDate = new DateTime(2026, 12, 4) };

        var refused = await RunAsync(new[] { Invoice(9, 10m) }, payers: new[] { wrong });
        var priors = await Collector(PaymentLedger.OpenModuleOwned(_temp.File("ledger.db"))).LoadPriorsAsync(CancellationToken.None);

        Assert.Equal(CollectionAction.Failed, refused.Results.Single().Action);
        Assert.Contains("currency", refused.Results.Single().Reason);
        Assert.Empty(priors);
        Assert.Empty(await PaymentsByInvoiceAsync());
    }

    private static IEnumerable<int> Created(Run run) => run.Results.Where(r => r.Action == CollectionAction.Created).Select(r => r.InvoiceId);

    private static int[] Recovered(Run run) => run.Recovered.Select(r => r.InvoiceId).ToArray();

    private async Task<Run> RunAsync(
        IReadOnlyList<HaloInvoice> invoices, (CollectionCheckpoint At, int Invoice)? kill = null, CollectionOptions? options = null, IReadOnlyList<PayerMandate>? payers = null, string? runId = null)
    {
        using var ledger = PaymentLedger.OpenModuleOwned(_temp.File("ledger.db"));
        var collector = runId is null ? Collector(ledger) : new InvoiceCollector(_emulator.Client(), ledger, audit: Audit(runId));
        if (kill is { } k)
        {
            collector.Checkpoint = (point, invoice) => point == k.At && invoice == k.Invoice ? throw new KilledException() : Task.CompletedTask;
        }

        var run = new Run();
        try
        {
            await foreach (var recovered in collector.ResolveInterruptedAsync(CancellationToken.None))
            {
                run.Recovered.Add(recovered);
            }

            var plan = CollectionPlanner.Plan(invoices, payers ?? Payers, await collector.LoadPriorsAsync(CancellationToken.None), options ?? new CollectionOptions { Today = Today });
            await foreach (var result in collector.CollectAsync(plan, _ => true, CancellationToken.None))
            {
                run.Results.Add(result);
            }
        }
        catch (KilledException)
        {
            // The process died here: nothing after this point ran.
        }

        return run;
    }

    private InvoiceCollector Collector(PaymentLedger ledger) => new(_emulator.Client(), ledger);

    private AuditLog Audit(string runId) => new(ConfigLocation.Resolve(_temp.Path, new FakePlatform()), runId);

    private async Task<Dictionary<int, List<Payment>>> PaymentsByInvoiceAsync()
    {
        using var client = _emulator.Client();
        var payments = await client.ListPaymentsAsync(new PaymentFilter()).ToListAsync();
        return payments.GroupBy(p => int.Parse(p.Metadata[CollectionKeys.InvoiceIdKey])).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static IReadOnlyList<PayerMandate> Payers => new[]
    {
        new PayerMandate { ClientId = 1, UserId = 5, UserName = "Ann", CustomerId = "CU1", MandateCustomerId = "CU1", MandateId = "MD1", Scheme = "bacs", Status = "active", NextPossibleChargeDate = new DateTime(2026, 12, 4) },
    };

    private static HaloInvoice[] Invoices(int count) => Enumerable.Range(1, count).Select(i => Invoice(i, 40m + i)).ToArray();

    private static HaloInvoice Invoice(int id, decimal amount) => new()
    {
        Id = id, InvoiceNumber = "INV-" + id, ClientId = 1, ClientName = "Acme Ltd", UserId = 5, Posted = true, Currency = "GBP",
        InvoiceDate = new DateTime(2026, 11, 1), DueDate = new DateTime(2026, 11, 15), Total = amount, AmountDue = amount,
    };

    private sealed class Run
    {
        public List<CollectionResult> Recovered { get; } = new();

        public List<CollectionResult> Results { get; } = new();
    }

    private sealed class KilledException : Exception
    {
    }
}
