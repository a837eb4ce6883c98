// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>
    /// Remembers the RateLimit-* headers of the last answer and decides how long to hold back: nothing while
    /// the budget is healthy, an even spread of the remaining requests over the rest of the window once fewer
    /// than 5 % are left, and the whole rest of the window when none are.
    /// </summary>
    internal sealed class RateLimitTracker
    {
        private static readonly TimeSpan MinResetWait = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxResetWait = TimeSpan.FromSeconds(60);
        private readonly object _gate = new object();
        private RateLimitStatus? _last;

        public RateLimitStatus? Last
        {
            get
            {
                lock (_gate)
                {
                    return _last;
                }
            }
        }

        public void Observe(HttpResponseMessage response)
        {
            var limit = Header(response, "RateLimit-Limit");
            var remaining = Header(response, "RateLimit-Remaining");
            if (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                || !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
            {
                return;
            }

            DateTimeOffset? reset = DateTimeOffset.TryParse(Header(response, "RateLimit-Reset"), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
            lock (_gate)
            {
                _last = new RateLimitStatus(l, r, reset);
            }
        }

        /// <summary>Forgets the budget after waiting out a window, so the wait is not repeated before the next answer.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _last = null;
            }
        }

        /// <summary>How long to wait before the next request so the budget is not exhausted.</summary>
        public TimeSpan ProactiveDelay(DateTimeOffset now)
        {
            var last = Last;
            if (last?.Reset is not { } reset || reset <= now)
            {
                return TimeSpan.Zero;
            }

            if (last.Remaining <= 0)
            {
                return Clamp(reset - now);
            }

            var lowWater = Math.Max(1, last.Limit / 20);
            if (last.Remaining >= lowWater)
            {
                return TimeSpan.Zero;
            }

            var spread = TimeSpan.FromTicks((reset - now).Ticks / (last.Remaining + 1));
            return spread > MaxResetWait ? MaxResetWait : spread;
        }

        /// <summary>After a 429: until RateLimit-Reset, clamped to 1–60 s; null when the answer carried no reset time.</summary>
        public TimeSpan? UntilReset(DateTimeOffset now) => Last?.Reset is { } reset ? Clamp(reset - now) : (TimeSpan?)null;

        private static TimeSpan Clamp(TimeSpan wait) => wait < MinResetWait ? MinResetWait : wait > MaxResetWait ? MaxResetWait : wait;

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
