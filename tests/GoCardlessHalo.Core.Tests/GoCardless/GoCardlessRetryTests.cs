// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>Retries, rate limits and idempotency keys. Delays are asserted through the clock, never by waiting.</summary>
public sealed class GoCardlessRetryTests : IClassFixture<EmulatorFixture>
{
    private const string EmptyCustomers = """{"customers":[],"meta":{"cursors":{"before":null,"after":null},"limit":500}}""";
    private readonly EmulatorFixture _emulator;

    public GoCardlessRetryTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_429_waits_until_RateLimit_Reset_then_retries()
    {
        var clock = new RecordingClock();
        var reset = clock.UtcNow.AddSeconds(10).ToString("r");
        var stub = new StubHandler(
            (_, _) => StubHandler.Json((HttpStatusCode)429, RateLimitBody, ("RateLimit-Limit", "1000"), ("RateLimit-Remaining", "0"), ("RateLimit-Reset", reset)),
            (_, _) => StubHandler.Json(HttpStatusCode.OK, EmptyCustomers, ("RateLimit-Limit", "1000"), ("RateLimit-Remaining", "999"), ("RateLimit-Reset", reset)));
        using var client = StubClient(stub, clock);

        var customers = await client.ListCustomersAsync().ToListAsync();

        Assert.Empty(customers);
        Assert.Equal(2, stub.Requests.Count);
        var wait = Assert.Single(clock.Delays);
        Assert.InRange(wait, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.75));
        Assert.Equal(999, client.RateLimit!.Remaining);
    }

    [Theory]
    [InlineData(-30, 1)]
    [InlineData(600, 60)]
    public async Task The_wait_after_a_429_is_clamped_between_1_and_60_seconds(int resetInSeconds, int expectedSeconds)
    {
        var clock = new RecordingClock();
        var reset = clock.UtcNow.AddSeconds(resetInSeconds).ToString("r");
        var stub = new StubHandler(
            (_, _) => StubHandler.Json((HttpStatusCode)429, RateLimitBody, ("RateLimit-Limit", "1000"), ("RateLimit-Remaining", "0"), ("RateLimit-Reset", reset)),
            (_, _) => StubHandler.Json(HttpStatusCode.OK, EmptyCustomers));
        using var client = StubClient(stub, clock);

        await client.ListCustomersAsync().ToListAsync();

        Assert.InRange(Assert.Single(clock.Delays), TimeSpan.FromSeconds(expectedSeconds), TimeSpan.FromSeconds(expectedSeconds + 0.75));
    }

    [Fact]
    public async Task Low_remaining_budget_spreads_the_next_requests_over_the_rest_of_the_window()
    {
        var clock = new RecordingClock();
        var reset = clock.UtcNow.AddSeconds(33).ToString("r");
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"creditors":[],"meta":{"cursors":{"before":null,"after":null},"limit":1}}""",
            ("RateLimit-Limit", "1000"), ("RateLimit-Remaining", "10"), ("RateLimit-Reset", reset)));
        using var client = StubClient(stub, clock);

        await client.ValidateTokenAsync();
        Assert.Empty(clock.Delays); // nothing known before the first answer
        await client.ValidateTokenAsync();

        // 33 s left for 10 requests: one every 3 s (33 / 11), plus at most 10 % jitter.
        Assert.InRange(Assert.Single(clock.Delays), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.3));
    }

    [Fact]
    public async Task When_the_emulator_budget_is_spent_the_client_waits_for_the_reset_and_finally_reports_rate_limited()
    {
        await _emulator.PostAdminAsync("gocardless/rate-limit", new { per_minute = 2 });
        var clock = new RecordingClock { UtcNow = DateTimeOffset.UtcNow };
        using var client = _emulator.Client(clock, configure: o => o.MaxRetries = 2);
        await client.ValidateTokenAsync();
        await client.ValidateTokenAsync();

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.ValidateTokenAsync());

        Assert.Equal(ErrorIds.GoCardlessRateLimited, error.ErrorId);
        Assert.Equal(ErrorKind.RateLimited, error.Kind);
        Assert.Equal("rate_limit_exceeded", error.Errors[0].Reason);
        Assert.Equal(0, client.RateLimit!.Remaining);
        Assert.Equal(5, _emulator.Count("GET /gocardless/creditors"));
        // Before the third request (budget known to be spent) and after each of the first two 429s: about a minute each.
        Assert.Equal(3, clock.Delays.Count);
        Assert.All(clock.Delays, d => Assert.InRange(d, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61)));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_backoff_and_the_same_idempotency_key()
    {
        await _emulator.PostAdminAsync("faults", new { kind = "status", status = 503, count = 2, service = "gocardless", method = "POST" });
        var clock = new RecordingClock();
        var recorder = new RecordingHandler();
        using var client = _emulator.Client(clock, recorder);

        var customer = await client.CreateCustomerAsync(new NewCustomer { CompanyName = "Retry Ltd" });

        var keys = recorder.Requests.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
        Assert.True(Guid.TryParse(keys[0], out _));
        Assert.Equal("Retry Ltd", customer.CompanyName);
        Assert.Single(await client.ListCustomersAsync().ToListAsync());
        Assert.Equal(2, clock.Delays.Count);
        Assert.InRange(clock.Delays[0], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.InRange(clock.Delays[1], TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task A_lost_answer_is_retried_and_the_conflict_fetches_the_resource_created_the_first_time()
    {
        var recorder = new RecordingHandler { LoseAnswerOf = { 0 } };
        using var client = _emulator.Client(handler: recorder);

        var customer = await client.CreateCustomerAsync(new NewCustomer { GivenName = "Lost", FamilyName = "Answer" }, "key-lost-answer");

        Assert.Equal("Lost", customer.GivenName);
        Assert.Equal(2, _emulator.Count("POST /gocardless/customers"));
        Assert.Equal(1, _emulator.Count("GET /gocardless/customers/{id}"));
        Assert.All(recorder.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("key-lost-answer", r.Headers["Idempotency-Key"]));
        Assert.Equal(customer.Id, Assert.Single(await client.ListCustomersAsync().ToListAsync()).Id);
    }

    [Fact]
    public async Task An_idempotency_key_used_before_returns_the_existing_resource()
    {
        using var raw = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.Host.BaseUri, "gocardless/customers"))
        {
            Content = JsonContent.Create(new { customers = new { company_name = "First Ltd" } }),
        };
        raw.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-token");
        raw.Headers.Add("GoCardless-Version", "2015-07-06");
        raw.Headers.Add("Idempotency-Key", "shared-key");
        (await _emulator.Admin.SendAsync(raw)).EnsureSuccessStatusCode();
        using var client = _emulator.Client();

        var again = await client.CreateCustomerAsync(new NewCustomer { CompanyName = "Second Ltd" }, "shared-key");

        Assert.Equal("First Ltd", again.CompanyName);
        Assert.Single(await client.ListCustomersAsync().ToListAsync());
    }

    [Fact]
    public async Task Payments_are_created_against_a_mandate_with_a_created_event()
    {
        await _emulator.GenerateAsync(customers: 5, payments: 0);
        using var client = _emulator.Client();
        var mandate = await client.ListMandatesAsync(new MandateFilter { Statuses = new[] { MandateStatus.Active } }).FirstAsync();

        var currency = GoCardlessHalo.Core.Invoices.SchemeCurrencies.CurrencyOf(mandate.Scheme)!;
        var payment = await client.CreatePaymentAsync(new NewPayment { Amount = 1250, Currency = currency, MandateId = mandate.Id, Description = "Test" });
        var events = await client.ListEventsAsync(new EventFilter { Payment = payment.Id }).ToListAsync();

        Assert.Equal(PaymentStatus.PendingSubmission, payment.Status);
        Assert.Equal(mandate.Id, payment.MandateId);
        Assert.Equal("created", Assert.Single(events).Action);
    }

    [Fact]
    public async Task Network_failures_are_retried_and_then_reported_as_connection_failed()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException("Connection refused (127.0.0.1:1)"));
        var clock = new RecordingClock();
        using var client = StubClient(stub, clock, maxRetries: 3);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => client.GetCustomerAsync("CU1"));

        Assert.Equal(ErrorIds.GoCardlessConnectionFailed, error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionFailed, error.Kind);
        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(3, clock.Delays.Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_transparently()
    {
        await _emulator.GenerateAsync(customers: 2, payments: 0);
        await _emulator.PostAdminAsync("faults", new { kind = "reset", count = 1, service = "gocardless" });
        using var client = _emulator.Client();

        Assert.Equal(2, (await client.ListCustomersAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task A_stalled_answer_times_out_per_attempt_and_is_reported_as_timeout()
    {
        await _emulator.PostAdminAsync("faults", new { kind = "stall", count = 2, service = "gocardless", stallMilliseconds = 30_000 });
        using var client = _emulator.Client(configure: o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
            o.TimeoutSetting = TimeoutSettings.GoCardless;
        });

        var error = await Assert.ThrowsAsync<GcHaloException>(() => client.GetCustomerAsync("CU1"));

        Assert.Equal(ErrorIds.GoCardlessTimeout, error.ErrorId);
        Assert.Equal(ErrorKind.Timeout, error.Kind);
        Assert.EndsWith("raise goCardless.timeoutSeconds (Enable-GcModule -GoCardlessTimeout).", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Client_errors_other_than_429_are_never_retried(int status)
    {
        var stub = new StubHandler((_, _) => StubHandler.Json((HttpStatusCode)status, $$$"""{"error":{"type":"invalid_api_usage","code":{{{status}}},"message":"No","errors":[]}}"""));
        var clock = new RecordingClock();
        using var client = StubClient(stub, clock);

        await Assert.ThrowsAsync<GoCardlessApiException>(() => client.CreateCustomerAsync(new NewCustomer { CompanyName = "X" }));

        Assert.Single(stub.Requests);
        Assert.Empty(clock.Delays);
    }

    private const string RateLimitBody =
        """{"error":{"documentation_url":"https://developer.gocardless.com/api-reference#rate_limit_exceeded","message":"Rate limit exceeded","type":"invalid_api_usage","code":429,"errors":[{"reason":"rate_limit_exceeded","message":"Rate limit exceeded"}],"request_id":"bd271b37-a2f5-47c8-b461-040dfe0e9cb1"}}""";

    private static GoCardlessClient StubClient(StubHandler stub, RecordingClock clock, int maxRetries = 4) => new(new GoCardlessClientOptions
    {
        Environment = GoCardlessEnvironment.Sandbox,
        AccessToken = "sandbox_stub-token",
        HttpMessageHandler = stub,
        Clock = clock,
        MaxRetries = maxRetries,
    });
}
