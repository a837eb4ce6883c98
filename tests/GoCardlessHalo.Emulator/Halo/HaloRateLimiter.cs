// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Hosted Halo's limit: N requests per rolling 5 minutes (reference §3). Every /halo request counts, the
/// token request included; refused requests do not, so a client that backs off gets through once the
/// window has moved on.
/// </summary>
public sealed class HaloRateLimiter : IEmulatorState
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Queue<DateTimeOffset> _accepted = new();
    private readonly HaloClock _clock;

    public HaloRateLimiter(HaloClock clock)
    {
        _clock = clock;
    }

    /// <summary>True when the request may proceed; <paramref name="limit"/> 0 means unlimited.</summary>
    public bool TryAcquire(int limit)
    {
        if (limit <= 0)
        {
            return true;
        }

        lock (_accepted)
        {
            var now = _clock.UtcNow;
            while (_accepted.Count > 0 && _accepted.Peek() <= now - Window)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= limit)
            {
                return false;
            }

            _accepted.Enqueue(now);
            return true;
        }
    }

    public void Reset()
    {
        lock (_accepted)
        {
            _accepted.Clear();
        }
    }
}
