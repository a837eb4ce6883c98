// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class HaloApiRateLimitTests
{
    private const string HaloRateLimitText = "Rate Limit Reached - 300 Requests per rolling 5 minute window";

    private static readonly TimeSpan[] FullBackoff = new[] { 5, 10, 20, 40, 60, 60, 60, 60 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();

    [Fact]
    public async Task The_client_side_limit_waits_for_the_oldest_request_to_leave_the_window()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        var clock = new ManualClock();

        // Open takes three requests (authinfo, token, FieldInfo); the fourth must wait out the 5 minutes.
        using var target = await OpenAsync(host, clock, configure: o => o.RateLimitPer5Minutes = 3);
        Assert.Empty(clock.Delays);
        await ToListAsync(target.GetClientsAsync(CancellationToken.None));

        Assert.Equal(new[] { TimeSpan.FromMinutes(5) }, clock.Delays);
        Assert.Equal(1, Count(host, "GET /halo/api/Client"));
    }

    [Fact]
    public async Task A_429_is_retried_after_5_then_10_then_20_seconds()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        var clock = new ManualClock();
        using var target = await OpenAsync(host, clock);
        await FaultAsync(host, new { kind = "status", status = 429, count = 3, service = "halo", pathContains = "/api/Client", body = HaloRateLimitText });

        var clients = await ToListAsync(target.GetClientsAsync(CancellationToken.None));

        Assert.Single(clients);
        Assert.Equal(FullBackoff.Take(3), clock.Delays);
        Assert.Equal(4, Count(host, "GET /halo/api/Client"));
    }

    [Fact]
    public async Task Backoff_outlasts_Halos_window_so_a_saturated_limit_recovers()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:RateLimitPer5Minutes=4");
        await SeedAsync(host, SmallHalo());
        var clock = new ManualClock();
        using var target = await OpenAsync(host, clock);
        await ToListAsync(target.GetClientsAsync(CancellationToken.None)); // the fourth request fills Halo's window

        // Time passes for Halo as the target waits, so the window empties after 300 s of backoff.
        clock.OnDelay = delay => AdminAsync(host, "halo/clock", new { advanceSeconds = delay.TotalSeconds });
        var sites = await ToListAsync(target.GetSitesAsync(CancellationToken.None));

        Assert.Equal(2, sites.Count);
        Assert.Equal(FullBackoff, clock.Delays);
        Assert.Equal(9, Count(host, "GET /halo/api/Site"));
    }

    [Fact]
    public async Task A_limit_that_never_lifts_fails_after_the_bounded_retries_with_Halos_message()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:RateLimitPer5Minutes=4");
        await SeedAsync(host, SmallHalo());
        var clock = new ManualClock();
        using var target = await OpenAsync(host, clock);
        await ToListAsync(target.GetClientsAsync(CancellationToken.None));

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetSitesAsync(CancellationToken.None)));

        Assert.Equal(ErrorIds.HaloRateLimited, error.ErrorId);
        Assert.Equal(Errors.ErrorKind.RateLimited, error.Kind);
        Assert.Equal(429, error.Status);
        Assert.Equal("Rate Limit Reached - 4 Requests per rolling 5 minute window", error.HaloMessage);
        Assert.Equal(FullBackoff, clock.Delays);
        Assert.Equal(9, Count(host, "GET /halo/api/Site"));
    }

    [Fact]
    public async Task The_number_of_429_retries_is_configurable()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        var clock = new ManualClock();
        using var target = await OpenAsync(host, clock, configure: o => o.MaxRateLimitRetries = 2);
        await FaultAsync(host, new { kind = "status", status = 429, count = 3, service = "halo", pathContains = "/api/Client", body = HaloRateLimitText });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetClientsAsync(CancellationToken.None)));

        Assert.Equal(ErrorIds.HaloRateLimited, error.ErrorId);
        Assert.Equal(FullBackoff.Take(2), clock.Delays);
        Assert.Contains("after 2 retries", error.Message, StringComparison.Ordinal);
    }
}
