// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>What one measured run cost: requests on both sides, wall time, and the API limiter's (skipped) wait.</summary>
public sealed record RunFigures(HaloTargetKind Kind, RequestCounts Requests, int TargetReads, int TargetWrites, int UsersWritten, TimeSpan Wall, TimeSpan LimiterWait)
{
    public bool IsApi => Kind == HaloTargetKind.Api;

    /// <summary>API: HTTP GETs other than authentication. SQL: the engine's read calls on the target.</summary>
    public int HaloReads => IsApi ? Requests.HaloReads : TargetReads;

    /// <summary>API: HTTP POSTs other than the token request. SQL: the engine's write calls (one transaction each).</summary>
    public int HaloWrites => IsApi ? Requests.HaloWrites : TargetWrites;

    /// <summary>Every Halo request the hosted limit counts, authentication included (API only).</summary>
    public int HaloRequests => Requests.HaloReads + Requests.HaloWrites + Requests.HaloAuth;
}

/// <summary>
/// Runs one piece of work as a cmdlet would: a fresh GoCardless client and a fresh, opened Halo target; the clock
/// covers opening them and the work. Request counts start from zero and each run gets a fresh GoCardless minute.
/// </summary>
public static class RunMeasurement
{
    public static async Task<(T Result, RunFigures Figures)> MeasureAsync<T>(
        BenchEmulator emulator, BenchConnections connections, Func<HaloSession, GoCardlessClient, Task<T>> work, CancellationToken cancellationToken)
    {
        await emulator.FreshGoCardlessBudgetAsync();
        emulator.ClearCounts();
        var wall = Stopwatch.StartNew();
        using var session = connections.CreateHaloSession();
        using var goCardless = connections.CreateGoCardlessClient();
        await session.Target.OpenAsync(cancellationToken);
        var result = await work(session, goCardless);
        wall.Stop();
        var figures = new RunFigures(
            connections.Kind, emulator.TakeCounts(), session.Target.Reads, session.Target.Writes, session.Target.UsersWritten, wall.Elapsed, session.LimiterWait);
        return (result, figures);
    }
}
