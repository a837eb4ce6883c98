// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.Config;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Api;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// One emulated world for the invoice tests: a Halo (API target) with two customers, a linked payer each and four
/// invoices; GoCardless with CU1's active bacs mandate and CU2's cancelled one; the ledger in a SQLite file. Plans,
/// charges, syncs payments and settles collections as the cmdlets do.
/// </summary>
public sealed class CollectionWorld : IDisposable
{
    public const string LinkField = "GoCardlessCustomerId";
    public static readonly DateTime Today = new(2026, 12, 1);

    private readonly TempDirectory _temp = new();

    public CollectionWorld(EmulatorFixture emulator)
    {
        Emulator = emulator;
    }

    public EmulatorFixture Emulator { get; }

    public async Task SeedAsync()
    {
        await Emulator.ResetAsync();
        await HaloApiTestKit.SeedAsync(Emulator.Host, new
        {
            fields = new[] { new { id = 1, name = LinkField, type = 0, usage = 4 } },
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
        await Emulator.PostAdminAsync("gocardless/seed", new
        {
            customers = new[] { new { id = "CU1", created_at = "2026-01-01T00:00:00Z", company_name = "Acme Ltd" }, new { id = "CU2", created_at = "2026-01-01T00:00:00Z", company_name = "Gone Ltd" } },
            mandates = new object[]
            {
                new { id = "MD1", created_at = "2026-01-02T00:00:00Z", scheme = "bacs", status = "active", next_possible_charge_date = "2026-12-04", links = new { customer = "CU1" } },
                new { id = "MD2", created_at = "2026-01-02T00:00:00Z", scheme = "bacs", status = "cancelled", links = new { customer = "CU2" } },
            },
        });
    }

    public async Task<HaloApiTarget> OpenHaloAsync() => await HaloApiTestKit.OpenAsync(Emulator.Host);

    public PaymentLedger OpenLedger() => PaymentLedger.OpenModuleOwned(_temp.File("ledger.db"));

    public async Task<CollectionPlan> PlanAsync(bool retry = false)
    {
        using var halo = await OpenHaloAsync();
        using var client = Emulator.Client();
        using var ledger = OpenLedger();
        return await CollectionPlanning.PlanAsync(halo, client, ledger, new HaloInvoiceQuery(), new CollectionOptions { Today = Today, Retry = retry }, LinkField, null, CancellationToken.None);
    }

    public async Task<List<CollectionResult>> CollectAsync(CollectionPlan plan, bool retryIfPossible = false)
    {
        using var client = Emulator.Client();
        using var ledger = OpenLedger();
        var results = new List<CollectionResult>();
        await foreach (var result in new InvoiceCollector(client, ledger) { RetryIfPossible = retryIfPossible }.CollectAsync(plan, _ => true, CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>New-GcPayment -CancelChanged on <paramref name="plan"/>; <paramref name="approve"/> false is -WhatIf.</summary>
    public async Task<List<CollectionResult>> CancelChangedAsync(CollectionPlan plan, bool approve = true, AuditLog? audit = null)
    {
        using var client = Emulator.Client();
        using var ledger = OpenLedger();
        return await new CollectionCanceller(client, ledger, audit: audit).CancelChangedAsync(plan, _ => approve, CancellationToken.None).ToListAsync();
    }

    /// <summary>What a writing New-GcPayment does first: completes interrupted charges, reconciling the audit journal.</summary>
    public async Task<List<CollectionResult>> ResolveInterruptedAsync(AuditLog audit)
    {
        using var client = Emulator.Client();
        using var ledger = OpenLedger();
        return await new InvoiceCollector(client, ledger, audit: audit).ResolveInterruptedAsync(CancellationToken.None).ToListAsync();
    }

    /// <summary>The audit log beside the ledger as run <paramref name="runId"/> writes it.</summary>
    public AuditLog AuditOf(string runId) => new(ConfigLocation.Resolve(_temp.Path, new FakePlatform()), runId);

    /// <summary>An agent edits an invoice in Halo (POST /api/Invoice with its id and the fields changed).</summary>
    public async Task EditInvoiceAsync(object fields)
    {
        using var http = await HaloApiTestKit.HaloHttpAsync(Emulator.Host);
        using var response = await http.PostAsJsonAsync("api/Invoice", new[] { fields });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The emulated Halo's invoice variant switches (emulator README, "Halo invoices").</summary>
    public Task InvoiceSwitchesAsync(object invoices) => HaloApiTestKit.AdminAsync(Emulator.Host, "halo/settings", new { invoices });

    /// <summary>Plans and charges (asking for GoCardless's retries when <paramref name="retryIfPossible"/>); the payment created for invoice 1 (INV-1, 120.00 GBP).</summary>
    public async Task<string> CollectInvoiceOneAsync(bool retryIfPossible = false)
    {
        var results = await CollectAsync(await PlanAsync(), retryIfPossible);
        return results.Single(r => r.Action == CollectionAction.Created && r.InvoiceId == 1).PaymentId!;
    }

    /// <summary>The payments Halo records against an invoice.</summary>
    public async Task<IReadOnlyList<HaloInvoicePayment>> HaloPaymentsAsync(int invoiceId)
    {
        using var halo = await OpenHaloAsync();
        return await HaloInvoices.Of(halo).GetPaymentsAsync(invoiceId, CancellationToken.None);
    }

    /// <summary>An invoice as Halo shows it now, read by id.</summary>
    public async Task<HaloInvoice> InvoiceAsync(int invoiceId)
    {
        using var halo = await OpenHaloAsync();
        return Assert.Single(await HaloInvoices.Of(halo).GetInvoicesAsync(new HaloInvoiceQuery { InvoiceIds = new[] { invoiceId } }, CancellationToken.None).ToListAsync());
    }

    /// <summary>A payment's status in the emulated GoCardless.</summary>
    public async Task<string> GoCardlessStatusAsync(string paymentId)
    {
        using var client = Emulator.Client();
        return (await client.GetPaymentAsync(paymentId)).Status;
    }

    /// <summary>Moves a payment through the emulated GoCardless's lifecycle, one status at a time.</summary>
    public async Task MoveAsync(string paymentId, params string[] statuses)
    {
        foreach (var status in statuses)
        {
            await Emulator.PostAdminAsync($"gocardless/payments/{paymentId}/transition", new { status });
        }
    }

    /// <summary>Fails a payment as the bank does; <paramref name="willAttemptRetry"/> plays GoCardless's Success+ saying it will retry it.</summary>
    public Task FailAsync(string paymentId, bool willAttemptRetry) =>
        Emulator.PostAdminAsync($"gocardless/payments/{paymentId}/transition", new { status = "failed", will_attempt_retry = willAttemptRetry });

    /// <summary>Moves the ledger's watermark an hour ahead: events written from now on fall behind the window, as events listed late would.</summary>
    public async Task HideNewEventsAsync()
    {
        using var ledger = OpenLedger();
        using var writer = await ledger.BeginWriteAsync(SystemClock.Instance, CancellationToken.None);
        await writer.SetWatermarkAsync(DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        writer.Commit();
    }

    /// <summary>Sync-GcPayment: the ledger brought up to date, then the collections settled into Halo.</summary>
    /// <param name="reconcileEvery">Zero: no reconciliation of pending payments; null: the default (due once a day).</param>
    /// <param name="audit">The run's audit log; when set, the settlement lines a killed run left are reconciled first, as the cmdlet does.</param>
    /// <param name="settledRecorded">Runs after each settled status is recorded, before its line (throwing stands for a kill).</param>
    public async Task<List<SettlementResult>> SyncAsync(bool markPaidOnConfirmed = false, TimeSpan? reconcileEvery = null, int? failureTicketTypeId = null, AuditLog? audit = null, Func<UnsettledCollection, Task>? settledRecorded = null)
    {
        using var halo = await OpenHaloAsync();
        using var client = Emulator.Client();
        using var ledger = OpenLedger();
        var options = new PaymentSyncOptions { LinkField = LinkField };
        if (reconcileEvery is { } every)
        {
            options.ReconcileEvery = every;
        }

        var settlement = new CollectionSettlement(halo, ledger, audit)
        {
            MarkPaidOnConfirmed = markPaidOnConfirmed,
            FailureTickets = failureTicketTypeId is { } type ? new CollectionFailureTickets(halo, type) : null,
            SettledRecorded = settledRecorded,
        };
        await settlement.ReconcileInterruptedAuditAsync(CancellationToken.None);
        await foreach (var _ in new PaymentSynchronizer(client, halo, ledger, options, audit: audit).SyncAsync(CancellationToken.None))
        {
        }

        var results = new List<SettlementResult>();
        await foreach (var result in settlement.SettleAsync(CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    public void Dispose() => _temp.Dispose();
}
