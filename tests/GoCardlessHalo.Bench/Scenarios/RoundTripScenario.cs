// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// (g) The full import against a Halo that is a network away. The in-process emulator answers in well under a
/// millisecond, which flatters a script that makes 20,000 requests: a hosted Halo is tens of milliseconds away
/// (a round trip plus Halo's own time per request). Here the emulator holds every Halo answer for
/// <see cref="BenchOptions.RoundTripMilliseconds"/> (its stall fault) and both are measured again: the module's
/// full import over every customer, the per-record baseline over its first <see cref="BenchOptions.BaselineSample"/>
/// customers (at two requests a customer it would take minutes over all of them), scaled to the whole account —
/// the baseline does the same two requests for every customer, so its time grows in step with their number.
/// The round trip at which the module's full import is 10× faster is worked out from the unpaced figures of (a)
/// and (f), both clients sending one request at a time.
/// </summary>
public static class RoundTripScenario
{
    /// <summary>The wall-time target for a full import: the module at least this many times faster.</summary>
    public const int ImportWallRatio = 10;

    public static async Task RunAsync(BenchContext context, BenchConnections connections, IntegrationDataSet data, string target,
        (int Requests, TimeSpan Wall) baselineUnpaced, RunFigures moduleUnpaced)
    {
        var roundTrip = context.Options.RoundTripMilliseconds;
        var sample = Math.Min(context.Options.BaselineSample, context.Options.Customers);

        await TargetSetup.PrepareAsync(connections, data, context.Emulator, context.Cancellation);
        await context.Emulator.AddHaloRoundTripAsync(roundTrip);
        RunFigures module;
        (int Requests, TimeSpan Wall, int Customers) baseline;
        try
        {
            (_, module) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => ImportRun.RunAsync(connections, halo, gc, context.Cancellation), context.Cancellation);
            await context.Emulator.ClearFaultsAsync();
            await TargetSetup.PrepareAsync(connections, data, context.Emulator, context.Cancellation);
            await context.Emulator.AddHaloRoundTripAsync(roundTrip);
            baseline = await BaselineScenario.MeasureAsync(context, connections, sample);
        }
        finally
        {
            await context.Emulator.ClearFaultsAsync();
        }

        var customers = context.Options.Customers;
        var scaled = TimeSpan.FromTicks(baseline.Wall.Ticks * customers / Math.Max(1, baseline.Customers));
        var section = context.Report.Section($"{target} · (g) full import with a {roundTrip} ms network round trip per Halo request");
        section.Count("module full import: Halo requests", module.HaloRequests);
        section.Duration("module full import: wall time (measured)", module.Wall);
        section.Count("baseline sample: customers", baseline.Customers, "customers");
        section.Count("baseline sample: Halo requests", baseline.Requests);
        section.Duration("baseline sample: wall time (measured)", baseline.Wall);
        section.Duration($"baseline over all {customers:N0} customers (sample × {customers:N0} / {baseline.Customers:N0})", scaled);
        section.Text("full import: baseline ÷ module wall time", $"{BaselineScenario.Ratio(scaled, module.Wall)} ({Section.FormatDuration(scaled)} ÷ {Section.FormatDuration(module.Wall)})");
        section.Text($"round trip above which the module is ≥ {ImportWallRatio}× faster", BreakEven(baselineUnpaced, moduleUnpaced));
        section.Note($"The emulator holds each Halo answer {roundTrip} ms (`--round-trip-ms`); the baseline is measured on its first {sample:N0} customers (`--baseline-sample`) and scaled. "
                     + "Break-even from (a) and (f) unpaced: baseline time + requests × r against module time + requests × r.");
        Print(section);
    }

    // (Bw + Br·r) ≥ 10 (Mw + Mr·r)  ⇔  r ≥ (10 Mw − Bw) / (Br − 10 Mr), when the module makes fewer than a tenth of the requests.
    private static string BreakEven((int Requests, TimeSpan Wall) baseline, RunFigures module)
    {
        var spare = baseline.Requests - (ImportWallRatio * (double)module.HaloRequests);
        if (spare <= 0)
        {
            return "none: the module does not make 10× fewer requests";
        }

        var seconds = ((ImportWallRatio * module.Wall.TotalSeconds) - baseline.Wall.TotalSeconds) / spare;
        return seconds <= 0 ? "0 ms (10× faster even in process)" : $"{seconds * 1000:0.#} ms";
    }
}
