// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>
    /// The time source and waiting primitive behind retries and rate-limit pauses. Tests substitute one that
    /// records the requested delays and returns at once, so backoff behaviour is asserted without sleeping.
    /// </summary>
    public interface IRetryClock
    {
        /// <summary>The current time, compared with RateLimit-Reset.</summary>
        DateTimeOffset UtcNow { get; }

        /// <summary>Waits <paramref name="delay"/>; ends early with <see cref="OperationCanceledException"/> when cancelled.</summary>
        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
    }

    /// <summary>The real clock: <see cref="DateTimeOffset.UtcNow"/> and <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public sealed class SystemRetryClock : IRetryClock
    {
        /// <summary>The shared instance.</summary>
        public static readonly SystemRetryClock Instance = new SystemRetryClock();

        private SystemRetryClock()
        {
        }

        /// <inheritdoc />
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        /// <inheritdoc />
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
    }
}
