// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// (f) The per-record baseline (<see cref="BaselineRun"/>) on the same emulator and the same Halo data set as the
/// module's Halo API runs: a full import into a Halo without links, then a rerun, each compared with the module's
/// (a) and (b). Request ratios are checked (the target: at least 50× fewer for a full import); wall times
/// are reported, measured and as hosted Halo would pace them (300 requests per 5 minutes).
/// </summary>
public static class BaselineScenario
{
    /// <summary>The target for a full import: the module makes at least this many times fewer Halo requests.</summary>
    public const int ImportRequestRatio = 50;

    private static readonly TimeSpan HostedWindow = TimeSpan.FromMinutes(5);
    private const int HostedLimit = 300;

    public static async Task RunAsync(BenchContext context, BenchConnections connections, IntegrationDataSet data, string target)
    {
        var module = context.ApiRuns.ToDictionary(r => r.Run, r => r.Figures);
        if (!module.TryGetValue("(a) full import", out var moduleImport) || !module.TryGetValue("(b) import rerun", out var moduleRerun))
        {
            return;
        }

        // The same Halo the module started from: no user linked yet.
        await TargetSetup.PrepareAsync(connections, data, context.Emulator, context.Cancellation);
        var (importRequests, importWall, importCustomers) = await MeasureAsync(context, connections);
        var (rerunRequests, rerunWall, _) = await MeasureAsync(context, connections);

        var section = context.Report.Section($"{target} · (f) per-record baseline: one search by email and one single-user POST per customer");
        section.Count("baseline full import: Halo requests", importRequests);
        section.Count("baseline rerun: Halo requests", rerunRequests);
        section.Duration("baseline full import: wall time (measured, unpaced)", importWall);
        section.Duration("baseline rerun: wall time (measured, unpaced)", rerunWall);
        Compare(section, "full import", importRequests, importWall, moduleImport, ImportRequestRatio);
        Compare(section, "rerun", rerunRequests, rerunWall, moduleRerun, null);
        section.Note($"{importCustomers:N0} customers. Paced time = what hosted Halo's {HostedLimit} requests per 5 minutes allows at best: the module's measured wall time plus its limiter's (skipped) waits; for the baseline, ⌈requests/{HostedLimit}⌉ − 1 windows of 5 minutes, or its measured time if longer.");
        Print(section);
        await RoundTripScenario.RunAsync(context, connections, data, target, (importRequests, importWall), moduleImport);
    }

    /// <summary>One baseline run over all customers (or the first <paramref name="limit"/>): Halo requests, wall time, customers.</summary>
    public static async Task<(int Requests, TimeSpan Wall, int Customers)> MeasureAsync(BenchContext context, BenchConnections connections, int limit = int.MaxValue)
    {
        await context.Emulator.FreshGoCardlessBudgetAsync();
        context.Emulator.ClearCounts();
        var wall = Stopwatch.StartNew();
        using var goCardless = connections.CreateGoCardlessClient();
        var customers = await BaselineRun.RunAsync(
            context.Emulator.HaloUri, BenchConnections.HaloClientId, BenchConnections.HaloClientSecret, BenchConnections.DefaultSite, connections.Settings.Halo.LinkField, goCardless, context.Cancellation, limit);
        wall.Stop();
        var counts = context.Emulator.TakeCounts();
        return (counts.HaloReads + counts.HaloWrites + counts.HaloAuth, wall.Elapsed, customers);
    }

    private static void Compare(Section section, string run, int baselineRequests, TimeSpan baselineWall, RunFigures module, int? requiredRatio)
    {
        var requestRatio = module.HaloRequests == 0 ? double.PositiveInfinity : (double)baselineRequests / module.HaloRequests;
        var name = $"{run}: baseline ÷ module Halo requests ({baselineRequests:N0} ÷ {module.HaloRequests:N0})";
        if (requiredRatio is { } required)
        {
            section.AtLeast(name, (long)Math.Floor(requestRatio), required, "the issue's target", "×");
        }
        else
        {
            section.Text(name, double.IsInfinity(requestRatio) ? "∞ (the module made none)" : $"{requestRatio:0.#}×");
        }

        var modulePaced = module.Wall + module.LimiterWait;
        var baselinePaced = Paced(baselineRequests, baselineWall);
        section.Text($"{run}: baseline ÷ module wall time, measured", $"{Ratio(baselineWall, module.Wall)} ({Section.FormatDuration(baselineWall)} ÷ {Section.FormatDuration(module.Wall)})");
        section.Text($"{run}: baseline ÷ module wall time, paced for hosted Halo", $"{Ratio(baselinePaced, modulePaced)} ({Section.FormatDuration(baselinePaced)} ÷ {Section.FormatDuration(modulePaced)})");
    }

    private static TimeSpan Paced(int requests, TimeSpan measured)
    {
        var windows = Math.Max(0, Pages(requests, HostedLimit) - 1);
        var paced = TimeSpan.FromTicks(HostedWindow.Ticks * windows);
        return paced > measured ? paced : measured;
    }

    /// <summary>"12.3×": how many times <paramref name="a"/> is <paramref name="b"/>.</summary>
    internal static string Ratio(TimeSpan a, TimeSpan b) => b <= TimeSpan.Zero ? "∞" : $"{a.TotalMilliseconds / b.TotalMilliseconds:0.#}×";
}
