// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>
    /// Capped exponential backoff with jitter: attempt n waits between half and all of
    /// min(max, initial × 2ⁿ), so many clients that failed together do not retry together.
    /// </summary>
    internal sealed class Backoff
    {
        private readonly TimeSpan _initial;
        private readonly TimeSpan _max;
        private readonly Random _random = new Random();

        public Backoff(TimeSpan initial, TimeSpan max)
        {
            _initial = initial;
            _max = max;
        }

        public TimeSpan ForAttempt(int attempt)
        {
            var capped = Math.Min(_max.Ticks, _initial.Ticks * Math.Pow(2, Math.Min(attempt, 30)));
            return TimeSpan.FromTicks((long)((capped / 2) + (NextDouble() * capped / 2)));
        }

        /// <summary>A random extra of up to <paramref name="max"/>, added to rate-limit waits.</summary>
        public TimeSpan Jitter(TimeSpan max) => TimeSpan.FromTicks((long)(NextDouble() * max.Ticks));

        private double NextDouble()
        {
            lock (_random)
            {
                return _random.NextDouble();
            }
        }
    }
}
