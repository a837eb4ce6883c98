// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class HaloApiErrorTests
{
    [Theory]
    [InlineData(400, "{\"resultCode\":2,\"errorMessage\":\"Invalid site\"}", "application/json", "HaloRequestInvalid", ErrorKind.InvalidArgument, "2: Invalid site")]
    [InlineData(500, "{\"ClassName\":\"System.NullReferenceException\",\"Message\":\"Object reference not set\"}", "application/json", "HaloRequestFailed", ErrorKind.Remote, "System.NullReferenceException: Object reference not set")]
    [InlineData(403, "{\"Message\":\"You do not have permission to view Customers\"}", "application/json", "HaloPermissionDenied", ErrorKind.PermissionDenied, "You do not have permission to view Customers")]
    [InlineData(400, "{\"error\":\"invalid_scope\",\"error_description\":\"Scope not allowed\"}", "application/json", "HaloRequestInvalid", ErrorKind.InvalidArgument, "invalid_scope: Scope not allowed")]
    [InlineData(400, "{\"error\":\"invalid_request\"}", "application/json", "HaloRequestInvalid", ErrorKind.InvalidArgument, "invalid_request")]
    [InlineData(502, "Bad Gateway from the load balancer", "text/plain", "HaloRequestFailed", ErrorKind.Remote, "Bad Gateway from the load balancer")]
    [InlineData(404, "", "text/plain", "HaloNotFound", ErrorKind.NotFound, null)]
    public async Task Every_Halo_error_shape_is_surfaced_with_its_status(int status, string body, string contentType, string errorId, ErrorKind kind, string? said)
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        await FaultAsync(host, new { kind = "status", status, body, contentType, service = "halo", pathContains = "/api/Client" });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetClientsAsync(CancellationToken.None)));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.Status);
        Assert.Equal(said, error.HaloMessage);
        Assert.Equal("GET", error.Method);
        Assert.StartsWith("/api/Client?", error.Path, StringComparison.Ordinal);
        Assert.StartsWith($"Halo answered {status} ", error.Message, StringComparison.Ordinal);
        if (said is not null)
        {
            Assert.Contains(said, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Updating_a_user_that_does_not_exist_is_HaloNotFound()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);

        var error = await Assert.ThrowsAsync<HaloApiException>(() => target.WriteUsersAsync(
            new[] { new HaloUserWrite { Id = 999, CustomFields = { ["Department"] = "Sales" } } }, CancellationToken.None));

        Assert.Equal(ErrorIds.HaloNotFound, error.ErrorId);
        Assert.Equal(404, error.Status);
        Assert.Equal("No user has id 999.", error.HaloMessage);
    }

    [Fact]
    public async Task A_value_Halo_rejects_is_HaloRequestInvalid_with_Halos_explanation()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);

        var error = await Assert.ThrowsAsync<HaloApiException>(() => target.WriteUsersAsync(
            new[] { new HaloUserWrite { Name = "Nobody", SiteId = 999 } }, CancellationToken.None));

        Assert.Equal(ErrorIds.HaloRequestInvalid, error.ErrorId);
        Assert.Equal(400, error.Status);
        Assert.Equal("1: Site 999 does not exist; set site_id to an existing site.", error.HaloMessage);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_HaloResponseInvalid()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        await FaultAsync(host, new { kind = "malformed", service = "halo", pathContains = "/api/Site" });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetSitesAsync(CancellationToken.None)));

        Assert.Equal(ErrorIds.HaloResponseInvalid, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal(200, error.Status);
    }

    [Fact]
    public async Task A_dropped_connection_is_HaloConnectionFailed_without_a_status()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        // Three resets, not one: HttpWebRequest (.NET Framework and Mono) silently resends an idempotent GET once when a
        // kept-alive connection drops, so a single reset never reaches the engine there.
        await FaultAsync(host, new { kind = "reset", service = "halo", pathContains = "/api/Site", count = 3 });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetSitesAsync(CancellationToken.None)));

        Assert.Equal(ErrorIds.HaloConnectionFailed, error.ErrorId);
        Assert.Null(error.Status);
    }

    [Fact]
    public async Task A_stalled_answer_is_HaloTimeout()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host, configure: o =>
        {
            o.Timeout = TimeSpan.FromSeconds(3);
            o.TimeoutSetting = TimeoutSettings.Halo;
        });
        await FaultAsync(host, new { kind = "stall", stallMilliseconds = 30_000, service = "halo", pathContains = "/api/Site" });

        var error = await Assert.ThrowsAsync<HaloApiException>(() => ToListAsync(target.GetSitesAsync(CancellationToken.None)));

        Assert.Equal(ErrorIds.HaloTimeout, error.ErrorId);
        Assert.Equal(ErrorKind.Timeout, error.Kind);
        Assert.EndsWith("raise halo.timeoutSeconds (Enable-GcModule -HaloTimeout).", error.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_timeout()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(target.GetSitesAsync(cancel.Token)));
    }

    [Fact]
    public async Task An_authinfo_pointing_at_plain_http_elsewhere_never_receives_the_secret()
    {
        await using var host = await EmulatorHost.StartAsync();
        await FaultAsync(host, new
        {
            kind = "status", status = 200, service = "halo", pathContains = "/api/authinfo",
            body = "{\"auth_url\":\"http://auth.example.com/auth\"}", contentType = "application/json",
        });
        var handler = new RecordingHandler();
        using var target = new HaloApiTarget(Options(host, handler: handler));

        var error = await Assert.ThrowsAsync<HaloApiException>(() => target.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.HaloResponseInvalid, error.ErrorId);
        Assert.DoesNotContain(handler.Requests, r => r.RequestUri!.Host == "auth.example.com");
    }

    public static IEnumerable<object[]> InvalidOptions() => new[]
    {
        new object[] { "http://halo.example.com", "Url", ErrorIds.InsecureAddress },
        new object[] { "http://10.0.0.5/halo", "Url", ErrorIds.InsecureAddress },
        new object[] { "halo.example.com", "Url", ErrorIds.HaloOptionsInvalid },
        new object[] { "ftp://halo.example.com", "Url", ErrorIds.HaloOptionsInvalid },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Unsafe_or_malformed_urls_are_refused(string url, string property, string errorId)
    {
        var error = Assert.Throws<GcHaloException>(() => new HaloApiTarget(new HaloApiOptions { Url = url, ClientId = "id", ClientSecret = "s" }));

        Assert.Equal((errorId, ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Equal(property, error.Target);
    }

    [Fact]
    public void Missing_credentials_are_refused_before_any_request()
    {
        var noId = Assert.Throws<GcHaloException>(() => new HaloApiTarget(new HaloApiOptions { Url = "https://x.halopsa.com", ClientSecret = "s" }));
        var noSecret = Assert.Throws<GcHaloException>(() => new HaloApiTarget(new HaloApiOptions { Url = "https://x.halopsa.com", ClientId = "id" }));

        Assert.Equal(("HaloOptionsInvalid", "ClientId"), (noId.ErrorId, noId.Target));
        Assert.Equal(("HaloOptionsInvalid", "ClientSecret"), (noSecret.ErrorId, noSecret.Target));
    }

    [Fact]
    public void Https_and_loopback_http_are_accepted_and_a_trailing_api_is_dropped()
    {
        using var hosted = new HaloApiTarget(new HaloApiOptions { Url = "https://acme.halopsa.com/api/", ClientId = "id", ClientSecret = "s", Tenant = "acme" });
        using var local = new HaloApiTarget(new HaloApiOptions { Url = "http://127.0.0.1:5099/halo", ClientId = "id", ClientSecret = "s" });

        Assert.Equal("https://acme.halopsa.com (tenant acme)", hosted.Location);
        Assert.Equal("http://127.0.0.1:5099/halo", local.Location);
        Assert.Equal(HaloTargetKind.Api, local.Kind);
    }
}
