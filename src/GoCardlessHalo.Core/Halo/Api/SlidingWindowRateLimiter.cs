// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// At most N requests in any rolling window, as Halo counts them. Waiting here before Halo says 429 keeps
    /// long runs steady instead of stalling in backoff.
    /// </summary>
    internal sealed class SlidingWindowRateLimiter
    {
        private readonly Queue<DateTimeOffset> _granted = new Queue<DateTimeOffset>();
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly IClock _clock;

        public SlidingWindowRateLimiter(int limit, TimeSpan window, IClock clock)
        {
            _limit = limit;
            _window = window;
            _clock = clock;
        }

        /// <summary>Waits until a request may be sent and claims it; returns how long it waited.</summary>
        public async Task<TimeSpan> AcquireAsync(CancellationToken cancellationToken)
        {
            var waited = TimeSpan.Zero;
            while (true)
            {
                TimeSpan wait;
                lock (_granted)
                {
                    var now = _clock.UtcNow;
                    while (_granted.Count > 0 && _granted.Peek() <= now - _window)
                    {
                        _granted.Dequeue();
                    }

                    if (_granted.Count < _limit)
                    {
                        _granted.Enqueue(now);
                        return waited;
                    }

                    wait = _granted.Peek() + _window - now;
                }

                await _clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                waited += wait;
            }
        }
    }
}
