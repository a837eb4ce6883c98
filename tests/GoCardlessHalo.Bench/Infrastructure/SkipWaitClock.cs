// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>
/// Real time, except that waiting takes none: a wait moves this clock forward instead. The Halo API target keeps
/// its default client-side limit (hosted Halo's 300 requests per 5 minutes) on this clock, so the benchmark runs in
/// minutes yet learns exactly how long the engine itself would have waited at that limit.
/// </summary>
public sealed class SkipWaitClock : IClock
{
    private long _skippedTicks;

    /// <summary>The waiting skipped so far.</summary>
    public TimeSpan Skipped => TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + Skipped;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            Interlocked.Add(ref _skippedTicks, delay.Ticks);
        }

        return Task.CompletedTask;
    }
}
