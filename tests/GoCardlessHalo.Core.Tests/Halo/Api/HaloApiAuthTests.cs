// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class HaloApiAuthTests
{
    [Fact]
    public async Task Open_discovers_the_token_url_through_authinfo_and_sends_the_tenant()
    {
        await using var host = await EmulatorHost.StartAsync();
        var handler = new RecordingHandler();
        var log = new RecordingLog();
        using var target = new HaloApiTarget(Options(host, handler: handler), log);

        await target.OpenAsync(CancellationToken.None);

        Assert.Equal(1, Count(host, "GET /halo/api/authinfo"));
        Assert.Equal(1, Count(host, "POST /halo/auth/token"));
        var tokenRequest = Assert.Single(handler.Requests, r => r.RequestUri!.AbsolutePath.EndsWith("/auth/token", StringComparison.Ordinal));
        Assert.Equal("?tenant=emulator", tokenRequest.RequestUri!.Query);
        Assert.Contains(log.Messages, m => m.Contains("from /api/authinfo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_falls_back_to_auth_token_when_authinfo_fails()
    {
        await using var host = await EmulatorHost.StartAsync();
        await FaultAsync(host, new { kind = "status", status = 404, service = "halo", pathContains = "/api/authinfo", count = 1 });
        var log = new RecordingLog();
        using var target = new HaloApiTarget(Options(host), log);

        await target.OpenAsync(CancellationToken.None);

        Assert.Equal(1, Count(host, "POST /halo/auth/token"));
        Assert.Contains(log.Messages, m => m.Contains("/api/authinfo failed (404)", StringComparison.Ordinal) && m.Contains("/halo/auth/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_the_oauth_error_and_advice()
    {
        await using var host = await EmulatorHost.StartAsync();
        var options = Options(host);
        options.ClientSecret = "not-the-secret-4711";
        using var target = new HaloApiTarget(options);

        var error = await Assert.ThrowsAsync<HaloApiException>(() => target.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.HaloAuthenticationFailed, error.ErrorId);
        Assert.Equal(Errors.ErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal(401, error.Status);
        Assert.StartsWith("invalid_client: ", error.HaloMessage);
        Assert.Contains("client id can change when the application is saved", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-4711", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_tenant_is_reported_as_an_authentication_failure()
    {
        await using var host = await EmulatorHost.StartAsync();
        var options = Options(host);
        options.Tenant = "someone-else";
        using var target = new HaloApiTarget(options);

        var error = await Assert.ThrowsAsync<HaloApiException>(() => target.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.HaloAuthenticationFailed, error.ErrorId);
        Assert.Equal(400, error.Status);
        Assert.Contains("Unknown tenant 'someone-else'", error.HaloMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_reused_and_renewed_before_expires_in_runs_out()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:TokenLifetimeSeconds=60");
        await SeedAsync(host, SmallHalo());
        var clock = new ManualClock();
        var log = new RecordingLog();
        using var target = await OpenAsync(host, clock, log);

        await ToListAsync(target.GetClientsAsync(CancellationToken.None));
        Assert.Equal(1, Count(host, "POST /halo/auth/token"));

        // 61 s later on both clocks: the emulator would refuse the old token, the target renews it first.
        clock.Advance(TimeSpan.FromSeconds(61));
        await AdminAsync(host, "halo/clock", new { advanceSeconds = 61 });
        var clients = await ToListAsync(target.GetClientsAsync(CancellationToken.None));

        Assert.Single(clients);
        Assert.Equal(2, Count(host, "POST /halo/auth/token"));
        Assert.DoesNotContain(log.Messages, m => m.Contains("refused the token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_token_is_renewed_once_and_the_request_retried()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        var log = new RecordingLog();
        using var target = await OpenAsync(host, log: log);

        await AdminAsync(host, "halo/tokens/expire");
        var clients = await ToListAsync(target.GetClientsAsync(CancellationToken.None));

        Assert.Single(clients);
        Assert.Equal(2, Count(host, "POST /halo/auth/token"));
        Assert.Equal(2, Count(host, "GET /halo/api/Client"));
        Assert.Contains(log.Messages, m => m.Contains("refused the token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_401_after_renewal_fails_without_looping()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        await FaultAsync(host, new
        {
            kind = "status", status = 401, count = 5, service = "halo", method = "GET", pathContains = "/api/Client",
            body = "{\"Message\":\"Authorization has been denied for this request.\"}", contentType = "application/json",
        });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetClientsAsync(CancellationToken.None)));

        Assert.Equal(ErrorIds.HaloAuthenticationFailed, error.ErrorId);
        Assert.Equal(401, error.Status);
        Assert.Equal("Authorization has been denied for this request.", error.HaloMessage);
        Assert.Equal(2, Count(host, "GET /halo/api/Client"));
        Assert.Equal(2, Count(host, "POST /halo/auth/token"));
    }

    [Fact]
    public async Task Every_request_carries_the_descriptive_user_agent()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        var handler = new RecordingHandler();
        using var target = new HaloApiTarget(Options(host, handler: handler));
        await target.OpenAsync(CancellationToken.None);
        await ToListAsync(target.GetSitesAsync(CancellationToken.None));

        Assert.True(handler.Requests.Count >= 4);
        Assert.All(handler.Requests, r => Assert.StartsWith("GoCardlessHalo/", r.Headers.UserAgent.ToString(), StringComparison.Ordinal));
    }
}
