// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>
/// Streams 100,000 generated payments: exactly 200 list requests, and managed memory that stays flat (it
/// does not grow with the number of pages read). Prints the figures for the issue's closing note.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class GoCardlessStreamingTests : IClassFixture<EmulatorFixture>
{
    private const int Payments = 100_000;
    private readonly EmulatorFixture _emulator;
    private readonly ITestOutputHelper _output;

    public GoCardlessStreamingTests(EmulatorFixture emulator, ITestOutputHelper output)
    {
        _emulator = emulator;
        _output = output;
        _emulator.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Streaming_100000_payments_takes_200_requests_and_flat_memory()
    {
        var generate = Stopwatch.StartNew();
        await _emulator.GenerateAsync(customers: 10_000, payments: Payments, seed: 42);
        generate.Stop();
        _emulator.ClearRequestCounts();
        var recorder = new RecordingHandler();
        using var client = _emulator.Client(handler: recorder);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new System.Collections.Generic.List<long>();
        var count = 0;
        var previous = DateTimeOffset.MaxValue;
        var ordered = true;
        var wall = Stopwatch.StartNew();

        await foreach (var payment in client.ListPaymentsAsync())
        {
            ordered &= payment.CreatedAt <= previous;
            previous = payment.CreatedAt;
            if (++count % 10_000 == 0)
            {
                // Whatever the client holds on to survives a full collection; sampled every 20 pages.
                samples.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        wall.Stop();
        var requests = _emulator.Count("GET /gocardless/payments");
        _output.WriteLine($"generate 10,000 customers + 100,000 payments: {generate.ElapsedMilliseconds} ms");
        _output.WriteLine($"payments streamed: {count:N0}; list requests: {requests}; wall time: {wall.ElapsedMilliseconds} ms (streaming, incl. GC sampling)");
        // The first samples include one-off warm-up (JIT, serializer caches, connection and pool buffers); after
        // that, a client holding on to pages would grow by about 4.6 MB (the bytes of 20 pages) per sample.
        var growthAfterWarmUp = samples[^1] - samples[1];
        _output.WriteLine($"answer bytes received: {recorder.BytesReceived:N0}; managed heap after each 10,000 payments, minus the baseline: {string.Join(", ", samples.Select(m => (m - baseline).ToString("N0")))}");
        _output.WriteLine($"peak managed growth over the pre-stream baseline: {samples.Max() - baseline:N0} bytes; growth from 20,000 to 100,000 payments: {growthAfterWarmUp:N0} bytes");
        _output.WriteLine($"baseline managed heap (emulator data set included): {baseline:N0} bytes; process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64:N0} bytes");

        Assert.Equal(Payments, count);
        Assert.True(ordered, "payments arrive newest first");
        Assert.Equal(200, requests);
        // About 46 MB went over the wire: the client never held more than a small fraction of it, and the heap did
        // not grow with the 160 pages read after warm-up (holding them would add about 37 MB).
        Assert.Equal(10, samples.Count);
        Assert.InRange(samples.Max() - baseline, long.MinValue, recorder.BytesReceived / 4);
        Assert.InRange(growthAfterWarmUp, long.MinValue, recorder.BytesReceived / 10);
    }
}
