// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>Thresholds of the health checks.</summary>
    public sealed class HealthOptions
    {
        /// <summary>A sync whose last success is at least this old is a Warning (default 2 days).</summary>
        public TimeSpan SyncWarningAge { get; set; } = TimeSpan.FromDays(2);

        /// <summary>A sync whose last success is at least this old is Failed (default 7 days).</summary>
        public TimeSpan SyncFailureAge { get; set; } = TimeSpan.FromDays(7);

        /// <summary>"Now", for the age of the last sync (tests substitute a fixed clock).</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>Throws when the thresholds make no sense.</summary>
        /// <exception cref="ArgumentException">An age is not positive, or the failure age is below the warning age.</exception>
        public void Validate()
        {
            if (SyncWarningAge <= TimeSpan.Zero || SyncFailureAge < SyncWarningAge)
            {
                throw new ArgumentException(
                    $"The sync age thresholds do not fit: the warning age ({SyncWarningAge}) must be positive and the failure age ({SyncFailureAge}) at least as long.");
            }

            if (Clock is null)
            {
                throw new ArgumentException("Clock cannot be null; use SystemClock.Instance.");
            }
        }
    }
}
