// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>What an import did, customer by customer, summed.</summary>
public sealed class ImportOutcome
{
    public Dictionary<ImportAction, int> Actions { get; } = Enum.GetValues<ImportAction>().ToDictionary(a => a, _ => 0);

    public Dictionary<string, int> MatchedBy { get; } = new(StringComparer.Ordinal);

    public int Customers => Actions.Values.Sum();

    /// <summary>Users written to Halo: created, updated or linked.</summary>
    public int Changed => Actions[ImportAction.Created] + Actions[ImportAction.Updated] + Actions[ImportAction.Linked];

    public void Add(ImportResult result)
    {
        Actions[result.Action]++;
        var rule = result.Plan.MatchedBy?.ToString() ?? "none";
        MatchedBy[rule] = MatchedBy.TryGetValue(rule, out var n) ? n + 1 : 1;
    }

    public void AddAll(IEnumerable<ImportResult> results)
    {
        foreach (var result in results)
        {
            Add(result);
        }
    }

    public string DescribeActions() => string.Join(", ", Actions.Where(a => a.Value > 0).Select(a => $"{a.Key} {a.Value:N0}"));

    public string DescribeMatches() => string.Join(", ", MatchedBy.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value:N0}"));
}

/// <summary>
/// Import-GcUser without PowerShell: the same engine calls in the same order as ImportGcUserCommand with no
/// input (all customers). Halo is read once; customers stream from GoCardless and are planned one by one through
/// the same <see cref="ImportQueue"/> the cmdlet uses.
/// </summary>
public static class ImportRun
{
    /// <summary>Import-GcUser's default -BatchSize.</summary>
    public const int BatchSize = 50;

    public static async Task<ImportOutcome> RunAsync(BenchConnections connections, HaloSession session, GoCardlessClient goCardless, CancellationToken cancellationToken)
    {
        var options = ImportOptions.FromSettings(connections.Settings, MatchMode.Exact);
        var importer = new UserImporter(session.Target, options, connections.Log, connections.NewAuditLog());
        await importer.PrepareAsync(cancellationToken);
        var queue = new ImportQueue(importer, BatchSize);
        var outcome = new ImportOutcome();
        await foreach (var customer in goCardless.ListCustomersAsync(null, cancellationToken))
        {
            var (plan, written) = await queue.PlanAsync(customer, cancellationToken);
            outcome.AddAll(written);
            outcome.AddAll(plan.WritesToHalo ? await queue.AddAsync(plan, cancellationToken) : new[] { UserImporter.WithoutWrite(plan) });
        }

        outcome.AddAll(await queue.FlushAsync(cancellationToken));
        var ledger = connections.OpenLedgerToRead();
        if (ledger is not null)
        {
            using (ledger)
            {
                await importer.RefreshLinkMapAsync(ledger, cancellationToken);
            }
        }

        return outcome;
    }
}
