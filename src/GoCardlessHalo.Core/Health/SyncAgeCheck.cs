// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>
    /// How long ago a kind of sync last succeeded, from the sync state kept beside the settings: Passed while
    /// recent, Warning and then Failed as it ages (<see cref="HealthOptions"/>), Warning when it never ran, and
    /// Failed when its last attempt failed (with that error), because then the integration is not working now.
    /// </summary>
    internal sealed class SyncAgeCheck
    {
        private readonly HealthOptions _options;
        private readonly SyncTarget? _target;
        private readonly string _settingsPath;

        /// <param name="options">Ages and clock.</param>
        /// <param name="target">The Halo the settings name (null when they cannot be used): whether a run holds its lock, and who ran last.</param>
        /// <param name="settingsPath">This configuration, to tell runs of another configuration on the same Halo.</param>
        public SyncAgeCheck(HealthOptions options, SyncTarget? target, string settingsPath)
        {
            _options = options;
            _target = target;
            _settingsPath = settingsPath;
        }

        public HealthCheck Check(SyncKind kind, SyncRunState state)
        {
            var (name, what, command) = kind == SyncKind.Import
                ? (HealthCheckNames.LastImport, "import", "Import-GcUser")
                : (HealthCheckNames.LastPaymentSync, "payment sync", "Sync-GcPayment");
            var now = _options.Clock.UtcNow;
            var failedAt = state.LastErrorAt is { } errorAt && (state.LastSuccess is null || errorAt > state.LastSuccess) ? errorAt : (DateTimeOffset?)null;
            var error = (state.LastError ?? "no message recorded").Trim();
            if (state.Unfinished is { } started)
            {
                var holder = _target is null ? null : SyncLock.CurrentHolder(_target);
                return holder is null
                    ? HealthCheck.Failed(name, $"The last {what} started {Ago(now, started)} and never finished (the process was stopped or killed): some changes may be missing. Rerun {command}; it finds what was already written and never duplicates it.", ErrorIds.SyncNeverFinished)
                    : HealthCheck.Warning(name, $"A sync is running against this Halo now: {holder.Describe()}. Check again when it has finished.", ErrorIds.SyncRunning);
            }

            if (state.LastSuccess is not { } success)
            {
                return failedAt is { } at
                    ? HealthCheck.Failed(name, $"The {what} has never succeeded; its last attempt, {Ago(now, at)}, failed: {error} Fix the cause and run {command} again.", ErrorIds.SyncFailed)
                    : HealthCheck.Warning(name, $"The {what} has never run. Run {command}, or schedule it (examples/Invoke-ScheduledSync.ps1).", ErrorIds.SyncNeverRun);
            }

            var age = now - success;
            var last = $"The last successful {what} was {Ago(now, success)}";
            if (failedAt is { } lastFailure)
            {
                return HealthCheck.Failed(name, $"The last {what}, {Ago(now, lastFailure)}, failed: {error} {last}. Fix the cause and run {command} again.", ErrorIds.SyncFailed);
            }

            if (age >= _options.SyncWarningAge)
            {
                var failed = age >= _options.SyncFailureAge;
                var message = $"{last}, longer ago than {Span(failed ? _options.SyncFailureAge : _options.SyncWarningAge)}. " +
                              $"Check that the scheduled task running {command} still runs, and look at its output.";
                return failed ? HealthCheck.Failed(name, message, ErrorIds.SyncStale) : HealthCheck.Warning(name, message, ErrorIds.SyncStale);
            }

            if (state.DuplicateLinks is { Count: > 0 } duplicates)
            {
                return HealthCheck.Failed(name, $"{last}, and it found GoCardless ids held by more than one Halo user: {string.Join("; ", duplicates)}. Clear the link field on all but one user of each, then run Import-GcUser again.", ErrorIds.DuplicateLinks);
            }

            if (state.MandateFailures is { Count: > 0 } mandates)
            {
                return HealthCheck.Warning(name, $"{last}, and it found {mandates.Count} mandate(s) that can no longer collect: {string.Join("; ", mandates.Take(10))}{(mandates.Count > 10 ? $"; and {mandates.Count - 10} more" : string.Empty)}. Ask each payer for a new mandate; Get-GcMandate lists them.", ErrorIds.MandateFailed);
            }

            var other = _target is null ? null : SyncLock.LastRun(_target);
            if (other?.Configuration is { } elsewhere && !string.Equals(elsewhere, _settingsPath, StringComparison.OrdinalIgnoreCase))
            {
                return HealthCheck.Warning(name, $"{last}, but the last run against this Halo on this machine used another configuration: {other.Describe()}. Only one configuration (and one machine) should sync one Halo; remove the other schedule.", ErrorIds.SyncOtherConfiguration);
            }

            return HealthCheck.Passed(name, last + ".");
        }

        /// <summary>"3 hours ago (2026-01-05 09:00 UTC)".</summary>
        internal static string Ago(DateTimeOffset now, DateTimeOffset then) =>
            Span(now - then) + " ago (" + then.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC)";

        /// <summary>A rough, readable length: "less than a minute", "12 minutes", "5 hours", "3 days".</summary>
        internal static string Span(TimeSpan span)
        {
            if (span < TimeSpan.FromMinutes(1))
            {
                return "less than a minute";
            }

            var (count, unit) = span < TimeSpan.FromHours(1) ? ((int)span.TotalMinutes, "minute")
                : span < TimeSpan.FromDays(2) ? ((int)span.TotalHours, "hour")
                : ((int)span.TotalDays, "day");
            return count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? string.Empty : "s");
        }
    }
}
