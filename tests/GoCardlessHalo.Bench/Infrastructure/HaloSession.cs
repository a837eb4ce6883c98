// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>One run's Halo target (a new one per run, as each cmdlet call opens its own), counted.</summary>
public sealed class HaloSession : IDisposable
{
    private readonly SkipWaitClock? _clock;

    public HaloSession(IHaloTarget inner, SkipWaitClock? clock)
    {
        Inner = inner;
        Target = new CountingHaloTarget(inner);
        _clock = clock;
    }

    /// <summary>The engine's target itself (the ledger is chosen by its type).</summary>
    public IHaloTarget Inner { get; }

    /// <summary>What the engine is given: the same target, counted.</summary>
    public CountingHaloTarget Target { get; }

    /// <summary>How long the API target's client-side limiter would have waited (zero for SQL).</summary>
    public TimeSpan LimiterWait => _clock?.Skipped ?? TimeSpan.Zero;

    public void Dispose() => Target.Dispose();
}
