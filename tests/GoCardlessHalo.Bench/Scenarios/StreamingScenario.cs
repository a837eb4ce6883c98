// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// 1. Every payment of the account through GoCardlessClient.ListPaymentsAsync: list requests, wall time, and
/// the managed heap every 10,000 payments (after a full collection, so only what is still held counts).
/// </summary>
public static class StreamingScenario
{
    private const int SampleEvery = 10_000;

    public static async Task RunAsync(BenchContext context, GoCardlessTotals totals)
    {
        var connections = BenchConnections.ForGoCardless(context.Emulator.GoCardlessUri, Path.Combine(context.WorkFolder, "streaming"), context.Log);
        await context.Emulator.FreshGoCardlessBudgetAsync();
        context.Emulator.ClearCounts();
        using var client = connections.CreateGoCardlessClient();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new List<long>();
        var streamed = 0;
        var wall = Stopwatch.StartNew();
        await foreach (var _ in client.ListPaymentsAsync(null, context.Cancellation))
        {
            if (++streamed % SampleEvery == 0)
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        wall.Stop();
        var requests = context.Emulator.TakeCounts();
        var section = context.Report.Section($"1. GoCardless streaming: {totals.Payments:N0} payments");
        section.Exactly("payments streamed", streamed, totals.Payments, "the whole account", "payments");
        section.Exactly("list requests (GET /payments)", requests.Get("GET /gocardless/payments"), Pages(totals.Payments, 500), $"⌈{totals.Payments}/500⌉");
        section.Exactly("GoCardless requests in all", requests.GoCardless, Pages(totals.Payments, 500), "list requests only");
        section.Duration("wall time (incl. the heap samples' full GCs)", wall.Elapsed);
        section.Bytes("managed heap before streaming (baseline)", baseline);
        if (samples.Count > 0)
        {
            section.Bytes("peak managed heap above baseline", samples.Max() - baseline);
            section.Text("heap above baseline every 10,000", string.Join(" ", samples.Select(s => Section.FormatBytes(s - baseline))));
        }

        if (samples.Count > 2)
        {
            section.Bytes($"heap growth {2 * SampleEvery:N0} → {samples.Count * SampleEvery:N0} payments", samples[^1] - samples[1]);
        }

        section.Bytes("peak working set (whole process so far)", Process.GetCurrentProcess().PeakWorkingSet64);
        section.Note($"The baseline includes the in-process emulator's data set ({totals.Customers:N0} customers, their mandates, every payment and event); " +
                     "the first sample also holds one-off warm-up (JIT, serializer caches, connection buffers). Flat samples after it mean pages are not kept.");
        section.Note("The peak working set is the whole process's (emulator and data generation included), an upper bound on what streaming needs.");
        Print(section);
    }
}
