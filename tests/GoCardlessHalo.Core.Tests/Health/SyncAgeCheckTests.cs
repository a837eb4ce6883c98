// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Health;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Health;

/// <summary>The age rules of LastImport and LastPaymentSync, on a fixed clock.</summary>
public sealed class SyncAgeCheckTests
{
    private readonly ManualClock _clock = new();
    private readonly SyncTarget _halo = SyncTarget.For(HaloTargetKind.Api, "https://age-" + Guid.NewGuid().ToString("N") + ".example.com");

    [Fact]
    public void A_run_that_started_and_never_finished_fails_with_a_rerun_hint()
    {
        var state = new SyncRunState { LastSuccess = _clock.UtcNow - TimeSpan.FromHours(30), LastAttempt = _clock.UtcNow - TimeSpan.FromHours(30), LastStart = _clock.UtcNow - TimeSpan.FromHours(6) };

        var check = Check(SyncKind.Import, state);

        Assert.Equal((HealthStatus.Failed, "SyncNeverFinished"), (check.Status, check.ErrorId));
        Assert.Contains("never finished", check.Message);
        Assert.Contains("Rerun Import-GcUser", check.Message);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_run_holding_the_lock_is_running_not_failed()
    {
        var state = new SyncRunState { LastStart = _clock.UtcNow - TimeSpan.FromMinutes(2) };
        using var running = await SyncLock.AcquireAsync(_halo, SyncRunHolder.Current("Import-GcUser", "/settings.yml"), TimeSpan.Zero, System.Threading.CancellationToken.None);

        var check = Check(SyncKind.Import, state);

        Assert.Equal((HealthStatus.Warning, "SyncRunning"), (check.Status, check.ErrorId));
    }

    [Fact]
    public void Duplicate_links_found_by_the_last_import_fail_the_check_and_are_listed()
    {
        var state = new SyncRunState { LastSuccess = _clock.UtcNow - TimeSpan.FromHours(1), LastAttempt = _clock.UtcNow - TimeSpan.FromHours(1) };
        state.DuplicateLinks = new() { DuplicateLinks.Describe("CU1", new[] { 34, 12 }, "GoCardlessCustomerId") };

        var check = Check(SyncKind.Import, state);

        Assert.Equal((HealthStatus.Failed, "DuplicateLinks"), (check.Status, check.ErrorId));
        Assert.Contains("Halo users 12 and 34 hold GoCardless id CU1", check.Message);
    }

    [Fact]
    public void Mandate_failures_found_by_the_last_payment_sync_warn_and_are_listed()
    {
        var state = new SyncRunState { LastSuccess = _clock.UtcNow - TimeSpan.FromHours(1), LastAttempt = _clock.UtcNow - TimeSpan.FromHours(1) };
        state.MandateFailures = new() { "MD1 of CU1: active -> cancelled" };

        var check = Check(SyncKind.Payments, state);

        Assert.Equal((HealthStatus.Warning, "MandateFailed"), (check.Status, check.ErrorId));
        Assert.Contains("1 mandate(s) that can no longer collect: MD1 of CU1: active -> cancelled", check.Message);
    }

    [Fact]
    public void A_finished_run_after_the_last_start_is_not_unfinished()
    {
        var state = new SyncRunState { LastStart = _clock.UtcNow - TimeSpan.FromMinutes(10), LastAttempt = _clock.UtcNow - TimeSpan.FromMinutes(9), LastSuccess = _clock.UtcNow - TimeSpan.FromMinutes(9) };

        Assert.Equal(HealthStatus.Passed, Check(SyncKind.Import, state).Status);
    }

    [Theory]
    [InlineData(0.5, HealthStatus.Passed, null)]
    [InlineData(47, HealthStatus.Passed, null)]
    [InlineData(48, HealthStatus.Warning, "SyncStale")]
    [InlineData(167, HealthStatus.Warning, "SyncStale")]
    [InlineData(168, HealthStatus.Failed, "SyncStale")]
    public void The_age_of_the_last_success_sets_the_status(double hoursAgo, HealthStatus expected, string? errorId)
    {
        var check = Check(SyncKind.Import, new SyncRunState { LastSuccess = _clock.UtcNow - TimeSpan.FromHours(hoursAgo) });

        Assert.Equal(HealthCheckNames.LastImport, check.Name);
        Assert.Equal(expected, check.Status);
        Assert.Equal(errorId, check.ErrorId);
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var options = new HealthOptions { Clock = _clock, SyncWarningAge = TimeSpan.FromHours(1), SyncFailureAge = TimeSpan.FromHours(6) };

        var check = new SyncAgeCheck(options, null, "/settings.yml").Check(SyncKind.Payments, new SyncRunState { LastSuccess = _clock.UtcNow - TimeSpan.FromHours(7) });

        Assert.Equal(HealthStatus.Failed, check.Status);
        Assert.Equal("The last successful payment sync was 7 hours ago (2026-01-05 02:00 UTC), longer ago than 6 hours. " +
                     "Check that the scheduled task running Sync-GcPayment still runs, and look at its output.", check.Message);
    }

    [Fact]
    public void Never_run_is_a_warning()
    {
        var check = Check(SyncKind.Payments, new SyncRunState());

        Assert.Equal(HealthStatus.Warning, check.Status);
        Assert.Equal("SyncNeverRun", check.ErrorId);
        Assert.Contains("Run Sync-GcPayment", check.Message);
    }

    [Fact]
    public void A_failed_last_attempt_fails_with_its_error_even_after_a_recent_success()
    {
        var state = new SyncRunState
        {
            LastSuccess = _clock.UtcNow - TimeSpan.FromHours(3),
            LastErrorAt = _clock.UtcNow - TimeSpan.FromMinutes(10),
            LastError = "Halo answered 429.",
        };

        var check = Check(SyncKind.Import, state);

        Assert.Equal(HealthStatus.Failed, check.Status);
        Assert.Equal("SyncFailed", check.ErrorId);
        Assert.StartsWith("The last import, 10 minutes ago (2026-01-05 08:50 UTC), failed: Halo answered 429. The last successful import was 3 hours ago", check.Message);
    }

    [Fact]
    public void An_error_before_the_last_success_is_history()
    {
        var state = new SyncRunState { LastSuccess = _clock.UtcNow - TimeSpan.FromHours(1), LastErrorAt = _clock.UtcNow - TimeSpan.FromDays(1), LastError = "old" };

        Assert.Equal(HealthStatus.Passed, Check(SyncKind.Import, state).Status);
    }

    [Fact]
    public void Never_succeeded_but_tried_fails()
    {
        var state = new SyncRunState { LastErrorAt = _clock.UtcNow - TimeSpan.FromDays(2), LastError = "No access token." };

        var check = Check(SyncKind.Import, state);

        Assert.Equal(HealthStatus.Failed, check.Status);
        Assert.Contains("has never succeeded; its last attempt, 2 days ago", check.Message);
        Assert.Contains("No access token.", check.Message);
    }

    private HealthCheck Check(SyncKind kind, SyncRunState state) => new SyncAgeCheck(new HealthOptions { Clock = _clock }, _halo, "/settings.yml").Check(kind, state);
}
