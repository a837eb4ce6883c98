// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sync.Payments;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// 6. Issue 9 on the Halo API target: 5,000 invoices (5 each for 1,000 Halo customers, one linked payer each with an
/// active bacs mandate) (a) planned, (b) charged, (c) charged again (nothing), (d) followed into Halo once every payment
/// is paid out. Each step is run as its cmdlet runs it; request counts are asserted, wall times reported.
/// </summary>
public static class CollectionScenario
{
    private const int Invoices = 5_000;
    private const int InvoicesPerCustomer = 5;
    private const int Customers = Invoices / InvoicesPerCustomer;
    private static readonly DateTime Today = new(2026, 12, 1);

    public static async Task RunAsync(BenchContext context)
    {
        var cancel = context.Cancellation;
        var emulator = context.Emulator;
        var connections = BenchConnections.ForApi(emulator.GoCardlessUri, emulator.HaloUri, Path.Combine(context.WorkFolder, "collection-api"), context.Log);
        await SeedAsync(emulator);
        // GoCardless's own pacing (1,000 requests a minute) is reported as a lower bound below, not waited for here.
        await emulator.SetGoCardlessBudgetAsync(1_000_000);

        var (plan, planned) = await MeasureAsync(context, connections, (session, gc) =>
            CollectionPlanning.PlanAsync(session.Inner, gc, null, new HaloInvoiceQuery(), new CollectionOptions { Today = Today }, connections.Settings.Halo.LinkField, null, cancel));
        var a = context.Report.Section($"6. Collection · (a) plan {Invoices:N0} invoices ({Customers:N0} customers, one payer and mandate each)");
        a.Exactly("collectable invoices", plan.Collectable.Count(), Invoices, "every seeded invoice", "invoices");
        a.Exactly("GET /api/Invoice (posted only)", planned.Requests.Get("GET /halo/api/Invoice"), Pages(Invoices, 100), $"⌈{Invoices}/100⌉, Halo's page cap");
        a.AtMost("GoCardless requests (mandates, 500 a page)", planned.Requests.GoCardless, Pages(Customers, 500) + 1, $"⌈{Customers}/500⌉ + 1");
        Times(a, planned);
        Print(a);

        var (results, collected) = await MeasureAsync(context, connections, async (session, gc) =>
        {
            using var ledger = connections.OpenLedger(session);
            var fresh = await CollectionPlanning.PlanAsync(session.Inner, gc, ledger, new HaloInvoiceQuery(), new CollectionOptions { Today = Today }, connections.Settings.Halo.LinkField, null, cancel);
            return await new InvoiceCollector(gc, ledger, audit: connections.NewAuditLog()).CollectAsync(fresh, _ => true, cancel).ToListAsync(cancel);
        });
        var b = context.Report.Section($"6. Collection · (b) New-GcPayment: {Invoices:N0} invoices charged");
        b.Exactly("payments created", results.Count(r => r.Action == CollectionAction.Created), Invoices, "one per invoice", "payments");
        b.Exactly("POST /payments", collected.Requests.Get("POST /gocardless/payments"), Invoices, "one create per invoice");
        b.AtMost("GoCardless requests in all", collected.Requests.GoCardless, Invoices + Pages(Customers, 500) + 1, $"{Invoices} creates + ⌈{Customers}/500⌉ + 1 mandate pages");
        b.Count("Halo requests in all (the plan's reads)", collected.HaloRequests);
        b.Duration("at GoCardless's 1,000 requests a minute, at least", TimeSpan.FromMinutes(Math.Max(0, Pages(collected.Requests.GoCardless, 1000) - 1)));
        Times(b, collected);
        Print(b);

        var (rerun, again) = await MeasureAsync(context, connections, async (session, gc) =>
        {
            using var ledger = connections.OpenLedger(session);
            var fresh = await CollectionPlanning.PlanAsync(session.Inner, gc, ledger, new HaloInvoiceQuery(), new CollectionOptions { Today = Today }, connections.Settings.Halo.LinkField, null, cancel);
            return await new InvoiceCollector(gc, ledger).CollectAsync(fresh, _ => true, cancel).ToListAsync(cancel);
        });
        var c = context.Report.Section("6. Collection · (c) New-GcPayment again: nothing to charge");
        c.Exactly("POST /payments", again.Requests.Get("POST /gocardless/payments"), 0, "every invoice already collected");
        c.Exactly("AlreadyCollected", rerun.Count(r => r.Action == CollectionAction.AlreadyCollected), Invoices, "every invoice", "invoices");
        Times(c, again);
        Print(c);

        foreach (var payment in results.Select(r => r.PaymentId!))
        {
            foreach (var status in new[] { "submitted", "confirmed", "paid_out" })
            {
                await emulator.TransitionPaymentAsync(payment, status);
            }
        }

        var (settled, sync) = await MeasureAsync(context, connections, async (session, gc) =>
        {
            await PaymentRun.RunAsync(connections, session, gc, cancel);
            using var ledger = connections.OpenLedger(session);
            return await new CollectionSettlement(session.Inner, ledger, connections.NewAuditLog()).SettleAsync(cancel).ToListAsync(cancel);
        });
        var d = context.Report.Section($"6. Collection · (d) Sync-GcPayment after all {Invoices:N0} payments were paid out");
        d.Exactly("invoices marked paid in Halo", settled.Count(r => r.Action == SettlementAction.MarkedPaid), Invoices, "each once", "invoices");
        d.Exactly("GET /api/InvoicePayment (read back before recording)", sync.Requests.Get("GET /halo/api/InvoicePayment"), Invoices, "one per invoice");
        d.Exactly("POST /api/InvoicePayment", sync.Requests.Get("POST /halo/api/InvoicePayment"), Invoices, "one per invoice");
        d.Count("GoCardless requests (first payment sync: mandates and payments, 500 a page)", sync.Requests.GoCardless);
        Times(d, sync);
        d.Note("Marking an invoice paid costs two Halo requests (read back by reference, then record), so at hosted Halo's 300 requests per 5 minutes a month of 5,000 paid-out collections takes about 5.6 hours of Halo budget; the SQL target does the same in one transaction per invoice without a budget.");
        Print(d);
    }

    private static Task<(T Result, RunFigures Figures)> MeasureAsync<T>(BenchContext context, BenchConnections connections, Func<HaloSession, Core.GoCardless.GoCardlessClient, Task<T>> work) =>
        RunMeasurement.MeasureAsync(context.Emulator, connections, async (session, gc) =>
        {
            // RunMeasurement opens a fresh GoCardless minute at the real limit; this scenario measures requests, not that pacing.
            await context.Emulator.SetGoCardlessBudgetAsync(1_000_000);
            return await work(session, gc);
        }, context.Cancellation);

    private static void Times(Section section, RunFigures run)
    {
        section.Count("Halo requests in all", run.HaloRequests);
        RunReport.Times(section, run);
    }

    private static async Task SeedAsync(BenchEmulator emulator)
    {
        var ids = Enumerable.Range(1, Customers).ToList();
        await emulator.SeedGoCardlessAsync(new
        {
            customers = ids.Select(i => new { id = $"CU9{i:D7}", company_name = $"Collect {i} Ltd", created_at = "2026-01-01T00:00:00Z" }),
            mandates = ids.Select(i => new { id = $"MD9{i:D7}", scheme = "bacs", status = "active", next_possible_charge_date = "2026-12-04", links = new { customer = $"CU9{i:D7}" }, created_at = "2026-01-02T00:00:00Z" }),
        });
        await emulator.SeedHaloAsync(new
        {
            fields = new[] { new { id = 1, name = "GoCardlessCustomerId", type = 0, usage = 4 } },
            clients = ids.Select(i => new { id = i, name = $"Collect {i} Ltd" }),
            sites = ids.Select(i => new { id = 10_000 + i, name = "Head Office", client_id = i, isinvoicesite = true }),
            users = ids.Select(i => new { id = 20_000 + i, name = $"Payer {i}", site_id = 10_000 + i, customfields = new[] { new { id = 1, value = $"CU9{i:D7}" } } }),
            invoices = ids.SelectMany(i => Enumerable.Range(1, InvoicesPerCustomer).Select(n => new
            {
                invoicenumber = $"INV-{i:D5}-{n}",
                client_id = i,
                sitenumber = 10_000 + i,
                uid = 20_000 + i,
                posted = true,
                currency = "GBP",
                duedate = "2026-12-10",
                lines = new[] { new { net_amount = 100m + n, tax_amount = 20m } },
            })),
        });
    }
}
