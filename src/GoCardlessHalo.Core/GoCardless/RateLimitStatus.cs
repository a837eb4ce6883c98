// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>The request budget as of the last answer: RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset.</summary>
    public sealed class RateLimitStatus
    {
        /// <summary>Creates a status from the three header values.</summary>
        public RateLimitStatus(int limit, int remaining, DateTimeOffset? reset)
        {
            Limit = limit;
            Remaining = remaining;
            Reset = reset;
        }

        /// <summary>Requests allowed per window (GoCardless: 1000 a minute).</summary>
        public int Limit { get; }

        /// <summary>Requests left in the current window.</summary>
        public int Remaining { get; }

        /// <summary>When the window resets (from an HTTP date, so whole seconds).</summary>
        public DateTimeOffset? Reset { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Remaining}/{Limit} until {Reset:u}";
    }
}
