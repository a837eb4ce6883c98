// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Timing
{
    /// <summary>
    /// The current time and waiting, behind a seam: token expiry, rate limiting and backoff depend on both,
    /// and tests replace them so that a 60 second backoff takes no time and can be asserted exactly.
    /// </summary>
    public interface IClock
    {
        /// <summary>The current UTC time.</summary>
        DateTimeOffset UtcNow { get; }

        /// <summary>Waits <paramref name="delay"/> (or until cancelled).</summary>
        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
    }

    /// <summary>The real clock.</summary>
    public sealed class SystemClock : IClock
    {
        /// <summary>The one instance.</summary>
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock()
        {
        }

        /// <inheritdoc/>
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        /// <inheritdoc/>
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
    }
}
