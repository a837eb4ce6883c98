// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// At most N requests in any rolling window, as Halo counts them (hosted Halo: 300 per 5 minutes per tenant).
    /// Waiting here before Halo says 429 keeps long runs steady instead of stalling in backoff. The requests granted
    /// are kept in memory, or — with a <see cref="RequestLedgerFile"/> — in a small file that every run of the
    /// module on the machine shares for the same Halo, so two runs at once stay under one budget together.
    /// </summary>
    internal sealed class SlidingWindowRateLimiter
    {
        private readonly List<DateTimeOffset> _inMemory = new List<DateTimeOffset>();
        private readonly RequestLedgerFile? _shared;
        private readonly TimeSpan _window;
        private readonly IClock _clock;

        public SlidingWindowRateLimiter(int limit, TimeSpan window, IClock clock, RequestLedgerFile? shared = null)
        {
            Limit = limit;
            _window = window;
            _clock = clock;
            _shared = shared;
        }

        /// <summary>Requests allowed per window.</summary>
        public int Limit { get; }

        /// <summary>Waits until a request may be sent and claims it; returns how long it waited.</summary>
        public async Task<TimeSpan> AcquireAsync(CancellationToken cancellationToken, Action<TimeSpan>? beforeWait = null)
        {
            var waited = TimeSpan.Zero;
            while (true)
            {
                var wait = await UpdateAsync(granted => Claim(granted), cancellationToken).ConfigureAwait(false);
                if (wait <= TimeSpan.Zero)
                {
                    return waited;
                }

                beforeWait?.Invoke(wait);
                await _clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                waited += wait;
            }
        }

        /// <summary>About how long <paramref name="requests"/> more requests would wait, given what was granted recently.</summary>
        public Task<TimeSpan> EstimateWaitAsync(int requests, CancellationToken cancellationToken) =>
            UpdateAsync(granted => Estimate(granted, requests), cancellationToken);

        // Forget what left the window; grant now if there is room, else say how long until the oldest leaves it.
        private TimeSpan Claim(List<DateTimeOffset> granted)
        {
            var now = Prune(granted);
            if (granted.Count < Limit)
            {
                granted.Add(now);
                return TimeSpan.Zero;
            }

            return granted[granted.Count - Limit] + _window - now;
        }

        private TimeSpan Estimate(List<DateTimeOffset> granted, int requests)
        {
            var now = Prune(granted);
            var excess = granted.Count + requests - Limit;
            if (excess <= 0)
            {
                return TimeSpan.Zero;
            }

            // The first `excess` requests granted must leave the window; beyond those granted, whole windows.
            return excess <= granted.Count
                ? granted[excess - 1] + _window - now
                : (granted.Count == 0 ? TimeSpan.Zero : granted[granted.Count - 1] + _window - now)
                  + TimeSpan.FromTicks(_window.Ticks * ((excess - granted.Count + Limit - 1) / Limit));
        }

        private DateTimeOffset Prune(List<DateTimeOffset> granted)
        {
            var now = _clock.UtcNow;
            granted.RemoveAll(t => t <= now - _window || t > now + _window);
            granted.Sort();
            return now;
        }

        private Task<TimeSpan> UpdateAsync(Func<List<DateTimeOffset>, TimeSpan> change, CancellationToken cancellationToken)
        {
            if (_shared is not null)
            {
                return _shared.UpdateAsync(change, cancellationToken);
            }

            lock (_inMemory)
            {
                return Task.FromResult(change(_inMemory));
            }
        }
    }
}
