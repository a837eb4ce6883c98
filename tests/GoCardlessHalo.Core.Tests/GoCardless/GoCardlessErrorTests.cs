// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>Every error shape becomes a typed exception with the right ErrorId, kind and details.</summary>
public sealed class GoCardlessErrorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public GoCardlessErrorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Not_found_envelope_maps_every_field_and_is_not_retried()
    {
        using var client = _emulator.Client();

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.GetCustomerAsync("CU000000NOPE00"));

        Assert.Equal(ErrorIds.GoCardlessNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.HttpStatus);
        Assert.Equal(404, error.Code);
        Assert.Equal("invalid_api_usage", error.Type);
        Assert.Equal("resource_not_found", Assert.Single(error.Errors).Reason);
        Assert.Matches("^[0-9a-f-]{36}$", error.RequestId);
        Assert.Equal("https://developer.gocardless.com/api-reference#resource_not_found", error.DocumentationUrl);
        Assert.Contains("GET /customers/CU000000NOPE00", error.Message);
        Assert.Contains(error.RequestId!, error.Message);
        Assert.Equal(1, _emulator.Count("GET /gocardless/customers/{id}"));
    }

    [Fact]
    public async Task Wrong_token_is_authentication_failed_and_token_check_says_token_invalid()
    {
        using var client = _emulator.Client(configure: o => o.AccessToken = "wrong-token");

        var onList = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.ListCustomersAsync().ToListAsync().AsTask());
        var onCheck = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.ValidateTokenAsync());

        Assert.Equal(ErrorIds.GoCardlessAuthenticationFailed, onList.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationFailed, onList.Kind);
        Assert.Equal("unauthorized", onList.Errors[0].Reason);
        Assert.Equal(ErrorIds.GoCardlessTokenInvalid, onCheck.ErrorId);
        Assert.Equal(401, onCheck.HttpStatus);
        Assert.Equal(2, _emulator.Count("GET /gocardless/customers") + _emulator.Count("GET /gocardless/creditors"));
    }

    [Fact]
    public async Task Forbidden_token_check_is_token_forbidden()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Forbidden,
            """{"error":{"documentation_url":"https://developer.gocardless.com/api-reference#insufficient_permissions","type":"invalid_api_usage","code":403,"message":"Insufficient permissions","errors":[{"reason":"insufficient_permissions","message":"Insufficient permissions"}],"request_id":"req-403"}}"""));
        using var client = StubClient(stub);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.ValidateTokenAsync());

        Assert.Equal(ErrorIds.GoCardlessTokenForbidden, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Equal("req-403", error.RequestId);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(GoCardlessEnvironment.Live, "sandbox_abc123")]
    [InlineData(GoCardlessEnvironment.Sandbox, "live_abc123")]
    public async Task A_token_of_the_other_environment_is_refused_before_any_request(GoCardlessEnvironment environment, string token)
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"creditors":[],"meta":{"cursors":{"before":null,"after":null},"limit":1}}"""));
        using var client = new GoCardlessClient(new GoCardlessClientOptions { Environment = environment, AccessToken = token, HttpMessageHandler = stub, Clock = new RecordingClock() });

        var error = await Assert.ThrowsAsync<GcHaloException>(() => client.ValidateTokenAsync());

        Assert.Equal(ErrorIds.GoCardlessTokenWrongEnvironment, error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationFailed, error.Kind);
        Assert.Contains(environment.ToString(), error.Message);
        Assert.DoesNotContain("abc123", error.ToString());
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Validation_failure_lists_the_fields_and_is_not_retried()
    {
        using var client = _emulator.Client();
        var metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" };

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() =>
            client.CreateCustomerAsync(new NewCustomer { GivenName = "Too", FamilyName = "Many", Metadata = metadata }));

        Assert.Equal(ErrorIds.GoCardlessInvalidData, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal("validation_failed", error.Type);
        var field = Assert.Single(error.Errors);
        Assert.Equal("metadata", field.Field);
        Assert.Equal("/customers/metadata", field.RequestPointer);
        Assert.Contains("metadata can have at most 3 keys", error.Message);
        Assert.Equal(1, _emulator.Count("POST /gocardless/customers"));
    }

    [Fact]
    public async Task Bare_string_error_takes_its_request_id_from_the_header()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, """{"error":"bank_authorisation_expired"}""", ("x-request-id", "hdr-req-1")));
        using var client = StubClient(stub);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.GetPaymentAsync("PM1"));

        Assert.Equal("gocardless", error.Type);
        Assert.Equal("hdr-req-1", error.RequestId);
        Assert.Empty(error.Errors);
        Assert.Contains("bank_authorisation_expired", error.Message);
        Assert.Equal(ErrorIds.GoCardlessInvalidRequest, error.ErrorId);
    }

    [Fact]
    public async Task Envelope_without_request_id_falls_back_to_the_header()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json((HttpStatusCode)409,
            """{"error":{"type":"invalid_state","code":409,"message":"Bank account already exists","errors":[{"reason":"bank_account_exists","message":"Bank account already exists","links":{"customer_bank_account":"BA123"}}]}}""",
            ("x-request-id", "hdr-req-2")));
        using var client = StubClient(stub);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.GetMandateAsync("MD1"));

        Assert.Equal("hdr-req-2", error.RequestId);
        Assert.Equal(ErrorIds.GoCardlessConflict, error.ErrorId);
        Assert.Equal("BA123", error.Errors[0].Links["customer_bank_account"]);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Non_json_500_is_retried_then_reported_with_a_preview_of_the_body()
    {
        await _emulator.PostAdminAsync("faults", new { kind = "status", status = 500, count = 10, service = "gocardless" });
        var clock = new RecordingClock();
        using var client = _emulator.Client(clock, configure: o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.GetCustomerAsync("CU1"));

        Assert.Equal(ErrorIds.GoCardlessServerError, error.ErrorId);
        Assert.Equal(ErrorKind.Remote, error.Kind);
        Assert.Null(error.Type);
        Assert.Contains("500 Internal Server Error", error.Message);
        Assert.Equal(3, _emulator.Count("GET /gocardless/customers/{id}"));
        Assert.Equal(2, clock.Delays.Count);
    }

    [Fact]
    public async Task A_malformed_success_body_is_retried()
    {
        await _emulator.GenerateAsync(customers: 3, payments: 0);
        await _emulator.PostAdminAsync("faults", new { kind = "malformed", count = 1, service = "gocardless" });
        using var client = _emulator.Client();

        var customers = await client.ListCustomersAsync().ToListAsync();

        Assert.Equal(3, customers.Count);
    }

    [Fact]
    public async Task A_malformed_body_every_time_is_an_invalid_response()
    {
        await _emulator.PostAdminAsync("faults", new { kind = "malformed", count = 10, service = "gocardless" });
        using var client = _emulator.Client(configure: o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => client.GetCustomerAsync("CU1"));

        Assert.Equal(ErrorIds.GoCardlessInvalidResponse, error.ErrorId);
        Assert.Equal(ErrorKind.Remote, error.Kind);
    }

    [Fact]
    public async Task An_answer_that_echoes_the_access_token_is_reported_and_logged_without_it()
    {
        // A proxy's error page, or a debugging server, may echo the request's Authorization header back.
        var stub = new StubHandler(
            (_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("Upstream refused Bearer sandbox_stub-token. Try later.") },
            (_, _) => StubHandler.Json(HttpStatusCode.Forbidden,
                """{"error":{"type":"invalid_api_usage","code":403,"message":"sandbox_stub-token may not read payments","errors":[{"reason":"insufficient_permissions","message":"token sandbox_stub-token"}]}}"""));
        var log = new ListLog();
        using var client = StubClient(stub, log);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.GetPaymentAsync("PM1"));

        var texts = log.Lines.Append(error.ToString()).Concat(error.Errors.Select(e => e.ToString())).ToList();
        Assert.Equal(ErrorIds.GoCardlessPermissionDenied, error.ErrorId);
        Assert.Contains(texts, t => t.Contains("Upstream refused Bearer ***", StringComparison.Ordinal));
        Assert.Contains("*** may not read payments", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t.Contains("stub-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_at_the_end_of_the_body_preview_leaves_none_of_itself_behind()
    {
        var body = new string('x', 190) + " sandbox_stub-token and more text after it";
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(body) });
        using var client = StubClient(stub);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.GetPaymentAsync("PM1"));

        Assert.Contains(new string('x', 190) + " ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox_", error.Message, StringComparison.Ordinal);
    }

    private static GoCardlessClient StubClient(StubHandler stub, IEngineLog? log = null) => new(
        new GoCardlessClientOptions
        {
            Environment = GoCardlessEnvironment.Sandbox,
            AccessToken = "sandbox_stub-token",
            HttpMessageHandler = stub,
            Clock = new RecordingClock(),
        },
        log);
}
