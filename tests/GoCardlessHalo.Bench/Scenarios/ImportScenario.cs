// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Core.Sync.Import;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>(a) A full import of every GoCardless customer into a Halo without links; (b) the same import again, nothing changed.</summary>
public static class ImportScenario
{
    public static async Task RunAsync(BenchContext context, BenchConnections connections, string target)
    {
        var customers = context.Options.Customers;
        var goCardlessBound = Pages(customers, 500) + 3;
        var goCardlessRule = $"⌈{customers}/500⌉ + 3";

        var (first, run) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => ImportRun.RunAsync(connections, halo, gc, context.Cancellation), context.Cancellation);
        var full = context.Report.Section($"{target} · (a) full import of {customers:N0} customers");
        RunReport.GoCardless(full, run, goCardlessBound, goCardlessRule);
        RunReport.Halo(full, run, (s, name, writes) =>
            s.AtMost(name, writes, Pages(first.Changed, ImportRun.BatchSize), $"⌈{first.Changed} changed users / batch {ImportRun.BatchSize}⌉"));
        full.Exactly("customers handled", first.Customers, customers, "each customer once", "customers");
        full.Exactly("customers failed", first.Actions[ImportAction.Failed], 0, "none", "customers");
        full.Text("by Action", first.DescribeActions());
        full.Text("by MatchedBy", first.DescribeMatches());
        RunReport.Times(full, run);
        Print(full);
        Remember(context, "(a) full import", run);

        var (second, rerun) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => ImportRun.RunAsync(connections, halo, gc, context.Cancellation), context.Cancellation);
        var again = context.Report.Section($"{target} · (b) import rerun, nothing changed");
        RunReport.GoCardless(again, rerun, goCardlessBound, goCardlessRule);
        RunReport.Halo(again, rerun, (s, name, writes) => s.Exactly(name, writes, 0, "nothing changed in GoCardless"));
        again.Exactly("users changed", second.Changed, 0, "nothing changed in GoCardless", "users");
        again.Text("by Action", second.DescribeActions());
        RunReport.Times(again, rerun);
        Print(again);
        Remember(context, "(b) import rerun", rerun);
    }

    /// <summary>Keeps a Halo API run for the hosted-limit summary.</summary>
    public static void Remember(BenchContext context, string run, RunFigures figures)
    {
        if (figures.IsApi)
        {
            context.ApiRuns.Add((run, figures));
        }
    }
}
