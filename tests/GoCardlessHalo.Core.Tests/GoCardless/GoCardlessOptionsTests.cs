// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>Options checks, secrets kept out of every text, dashboard links and log lines.</summary>
public sealed class GoCardlessOptionsTests
{
    private const string Secret = "live_S3CRET-token-value-4711";

    [Theory]
    [InlineData("http://gocardless.example.com/")]
    [InlineData("http://10.0.0.5:5099/gocardless")]
    [InlineData("ftp://127.0.0.1/")]
    public void Plain_http_to_a_non_loopback_host_is_refused(string uri)
    {
        var error = Assert.Throws<GcHaloException>(() => new GoCardlessClient(new GoCardlessClientOptions { BaseUri = new Uri(uri), AccessToken = Secret }));

        Assert.Equal(ErrorIds.InsecureAddress, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099/gocardless", "http://127.0.0.1:5099/gocardless/")]
    [InlineData("http://localhost:5099/gc/", "http://localhost:5099/gc/")]
    [InlineData("http://[::1]:5099/gocardless", "http://[::1]:5099/gocardless/")]
    [InlineData("https://proxy.example.com/gocardless", "https://proxy.example.com/gocardless/")]
    public void Loopback_http_and_any_https_are_accepted_with_their_path_prefix(string uri, string effective)
    {
        using var client = new GoCardlessClient(new GoCardlessClientOptions { BaseUri = new Uri(uri), AccessToken = Secret });

        Assert.Equal(effective, client.BaseUri.ToString());
    }

    [Fact]
    public void A_missing_token_is_a_clear_error()
    {
        var error = Assert.Throws<GcHaloException>(() => new GoCardlessClient(new GoCardlessClientOptions { Environment = GoCardlessEnvironment.Sandbox }));

        Assert.Equal(ErrorIds.AccessTokenRequired, error.ErrorId);
        Assert.Contains("Sandbox", error.Message);
    }

    [Fact]
    public async Task The_token_appears_in_no_message_exception_text_log_line_or_ToString()
    {
        var log = new ListLog();
        var stub = new StubHandler(
            (_, _) => StubHandler.Json(HttpStatusCode.Unauthorized,
                """{"error":{"message":"Unauthorized","type":"invalid_api_usage","code":401,"errors":[{"reason":"unauthorized","message":"Unauthorized"}],"request_id":"r1"}}"""),
            (_, _) => throw new HttpRequestException("Connection refused"));
        var options = new GoCardlessClientOptions { AccessToken = Secret, HttpMessageHandler = stub, Clock = new RecordingClock(), MaxRetries = 1 };
        using var client = new GoCardlessClient(options, log);

        var unauthorized = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.ValidateTokenAsync());
        var unreachable = await Assert.ThrowsAsync<GcHaloException>(() => client.GetCustomerAsync("CU1"));

        Assert.Equal("Bearer " + Secret, stub.Requests.First().Headers["Authorization"]);
        var texts = new[] { unauthorized.ToString(), unauthorized.Message, unreachable.ToString(), options.ToString(), client.ToString() }
            .Concat(log.Lines).ToList();
        Assert.NotEmpty(log.Lines);
        Assert.All(texts, text => Assert.DoesNotContain("S3CRET", text));
    }

    [Fact]
    public async Task Each_answer_is_logged_with_method_path_status_request_id_and_time()
    {
        var log = new ListLog();
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK,
            """{"customers":{"id":"CU9","created_at":"2025-01-01T00:00:00.000Z"}}""", ("x-request-id", "req-77")));
        using var client = new GoCardlessClient(new GoCardlessClientOptions { AccessToken = Secret, HttpMessageHandler = stub }, log);

        await client.GetCustomerAsync("CU9");

        Assert.Matches(@"^VERBOSE GoCardless GET /customers/CU9 -> 200 OK in \d+ ms \(request id req-77\)\.$", Assert.Single(log.Lines));
    }

    [Fact]
    public void Dashboard_links_follow_the_environment_or_the_configured_base()
    {
        Assert.Equal("https://manage.gocardless.com/payments/PM123",
            DashboardLinks.For(new GoCardlessClientOptions { Environment = GoCardlessEnvironment.Live }).Payment("PM123").ToString());
        Assert.Equal("https://manage-sandbox.gocardless.com/mandates/MD1",
            DashboardLinks.For(new GoCardlessClientOptions { Environment = GoCardlessEnvironment.Sandbox }).Mandate("MD1").ToString());
        Assert.Equal("https://manage-sandbox.gocardless.com/customers/CU1",
            DashboardLinks.For(new GoCardlessClientOptions { BaseUri = new Uri("https://api-sandbox.gocardless.com") }).Customer("CU1").ToString());
        Assert.Equal("http://127.0.0.1:5099/manage-gocardless/payments/PM9",
            DashboardLinks.For(new GoCardlessClientOptions { BaseUri = new Uri("http://127.0.0.1:5099/gocardless") }).Payment("PM9").ToString());
        Assert.Equal("https://dash.example.com/gc/payments/PM%2F1",
            DashboardLinks.For(new GoCardlessClientOptions { DashboardBaseUri = new Uri("https://dash.example.com/gc") }).Payment("PM/1").ToString());
    }

    [Fact]
    public async Task The_emulator_dashboard_link_opens_a_real_page()
    {
        await using var host = await GoCardlessHalo.Emulator.EmulatorHost.StartAsync();
        using var admin = new HttpClient { BaseAddress = host.BaseUri };
        (await admin.PostAsync("__admin/gocardless/generate", new StringContent("""{"customers":2,"payments":3,"seed":5}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        using var client = new GoCardlessClient(new GoCardlessClientOptions { BaseUri = host.GoCardlessUri, AccessToken = "emulator-token" });
        var payment = await client.ListPaymentsAsync().FirstAsync();

        var page = await admin.GetStringAsync(client.Dashboard.Payment(payment.Id));

        Assert.Contains(payment.Id, page);
        Assert.Contains("<html>", page);
    }
}
