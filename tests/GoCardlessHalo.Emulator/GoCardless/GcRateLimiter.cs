// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>The outcome of counting one request against the budget, for the RateLimit-* headers.</summary>
public readonly record struct RateLimitDecision(int Limit, int Remaining, DateTimeOffset Reset, bool Allowed);

/// <summary>
/// GoCardless's per-minute request budget as a fixed window that opens with the first request and resets
/// a minute later. Every request to /gocardless counts, including rejected ones.
/// </summary>
public sealed class GcRateLimiter : IEmulatorState
{
    private readonly object _gate = new();
    private readonly int _configuredLimit;
    private readonly Func<DateTimeOffset> _now;
    private int _limit;
    private int _used;
    private DateTimeOffset _windowEnd;

    public GcRateLimiter(EmulatorOptions options)
        : this(options.GoCardless.RateLimitPerMinute, () => DateTimeOffset.UtcNow)
    {
    }

    public GcRateLimiter(int perMinute, Func<DateTimeOffset> now)
    {
        _configuredLimit = perMinute;
        _limit = perMinute;
        _now = now;
    }

    public RateLimitDecision Take()
    {
        lock (_gate)
        {
            var now = _now();
            if (now >= _windowEnd)
            {
                // HTTP dates have whole seconds; round the window end up so the header never lies early.
                var end = now.AddMinutes(1);
                _windowEnd = new DateTimeOffset(end.Ticks - (end.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
                _used = 0;
            }

            _used++;
            return new RateLimitDecision(_limit, Math.Max(0, _limit - _used), _windowEnd, _used <= _limit);
        }
    }

    /// <summary>Changes the budget at run time (POST /__admin/gocardless/rate-limit) and opens a fresh window.</summary>
    public void SetLimit(int perMinute)
    {
        lock (_gate)
        {
            _limit = perMinute;
            _used = 0;
            _windowEnd = DateTimeOffset.MinValue;
        }
    }

    public void Reset() => SetLimit(_configuredLimit);
}
