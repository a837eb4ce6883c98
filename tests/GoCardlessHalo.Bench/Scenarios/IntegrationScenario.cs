// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// 3. The integration, end to end, on one Halo target: a fresh GoCardless account (the same seed each time), the
/// Halo data set built from its company names, the module enabled, then import, import rerun, first payment sync,
/// incremental payment sync and payment rerun.
/// </summary>
public static class IntegrationScenario
{
    public static async Task RunAsync(BenchContext context, HaloTargetKind kind, bool describeDataSet)
    {
        var options = context.Options;
        var targetName = kind == HaloTargetKind.Sqlite ? "SQLite" : "Halo API";
        var label = "3. " + targetName;
        var totals = await GenerateAsync(context);
        var folder = Path.Combine(context.WorkFolder, kind.ToString().ToLowerInvariant());
        var connections = kind == HaloTargetKind.Sqlite
            ? BenchConnections.ForSqlite(context.Emulator.GoCardlessUri, folder, context.Log)
            : BenchConnections.ForApi(context.Emulator.GoCardlessUri, context.Emulator.HaloUri, folder, context.Log);
        var customers = await ReadCustomersAsync(connections);
        var data = IntegrationDataSet.Build(customers, options.HaloCustomers, options.MatchingShare, options.ExistingContacts, options.Seed);
        var setup = Stopwatch.StartNew();
        await TargetSetup.PrepareAsync(connections, data, context.Emulator, context.Cancellation);
        setup.Stop();
        if (describeDataSet)
        {
            var section = context.Report.Section("3. Integration data set");
            section.Count("GoCardless customers", totals.Customers, "customers");
            section.Count("GoCardless mandates", totals.Mandates, "mandates");
            section.Count("GoCardless payments", totals.Payments, "payments");
            section.Count("Halo customers (+ Unassigned Customers)", data.Clients.Count - 1, "customers");
            section.Count("… of which named after a GoCardless company", data.MatchingClients, "customers");
            section.Count("GoCardless customers whose company matches one", data.CustomersWithMatchingCompany, "customers");
            section.Count("Halo sites", data.Sites.Count, "sites");
            section.Count("unlinked Halo contacts sharing a customer's email", data.Users.Count, "users");
            section.Note($"Field mappings: account_ref → GcAccountRef (import), payment.last_status → GcLastPaymentStatus and mandate.status → GcMandateStatus (payment sync). Default Site: {BenchConnections.DefaultSite}. Import batch size {ImportRun.BatchSize}, match mode Exact.");
            Print(section);
        }

        context.Report.Notes.Add($"{targetName} set-up (create/seed Halo, link and mapped fields, migrations, checks): {Reporting.Section.FormatDuration(setup.Elapsed)}, not part of any figure.");
        await ImportScenario.RunAsync(context, connections, label);
        await PaymentScenario.RunAsync(context, connections, label, totals);
        if (kind == HaloTargetKind.Api)
        {
            await BaselineScenario.RunAsync(context, connections, data, label);
        }
    }

    /// <summary>Replaces the GoCardless account with the generated one; returns its size.</summary>
    public static async Task<GoCardlessTotals> GenerateAsync(BenchContext context)
    {
        var summary = await context.Emulator.GenerateGoCardlessAsync(context.Options.Customers, context.Options.Payments, context.Options.Seed);
        return new GoCardlessTotals(Int(summary, "customers"), Int(summary, "mandates"), Int(summary, "payments"));
    }

    private static int Int(JsonElement summary, string name) => summary.GetProperty(name).GetInt32();

    // Set-up only: the company names the Halo customers are named after (these requests are not counted).
    private static async Task<List<Customer>> ReadCustomersAsync(BenchConnections connections)
    {
        using var client = connections.CreateGoCardlessClient();
        var customers = new List<Customer>();
        await foreach (var customer in client.ListCustomersAsync())
        {
            customers.Add(customer);
        }

        return customers;
    }
}
