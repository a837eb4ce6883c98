// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>Reading tolerates what a newer API may send: unknown fields, statuses, actions and value kinds.</summary>
public sealed class GoCardlessModelTests
{
    [Fact]
    public async Task Unknown_statuses_fields_and_metadata_value_kinds_are_kept_not_fatal()
    {
        const string page = """
            {"payments":[{"id":"PM1","created_at":"2031-01-02T03:04:05.678Z","charge_date":"2031-01-07","amount":9999999999,
              "amount_refunded":0,"currency":"XTS","status":"quantum_settled","scheme":"new_scheme","brand_new_field":{"x":[1,2]},
              "metadata":{"n":42,"flag":true,"text":"t","nothing":null},"links":{"mandate":"MD1","galaxy":"GX1"}}],
             "meta":{"cursors":{"before":null,"after":null},"limit":500,"new_meta":1},"extra_top_level":"ignored"}
            """;
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, page));
        using var client = Client(stub);

        var payment = Assert.Single(await client.ListPaymentsAsync().ToListAsync());

        Assert.Equal("quantum_settled", payment.Status);
        Assert.Equal("new_scheme", payment.Scheme);
        Assert.Equal(9_999_999_999L, payment.Amount);
        Assert.Equal(new DateTime(2031, 1, 7), payment.ChargeDate);
        Assert.Equal(new DateTimeOffset(2031, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), payment.CreatedAt);
        Assert.Equal("42", payment.Metadata["n"]);
        Assert.Equal("true", payment.Metadata["flag"]);
        Assert.False(payment.Metadata.ContainsKey("nothing"));
        Assert.Equal("GX1", payment.Links["galaxy"]);
    }

    [Fact]
    public async Task Unknown_event_actions_and_origins_are_kept_and_nulls_read_as_empty()
    {
        const string page = """
            {"events":[{"id":"EV1","created_at":"2031-01-02T03:04:05.000Z","resource_type":"outbound_payments","action":"teleported",
              "details":{"origin":"martian","cause":"unknown_cause","future":"x"},"metadata":null,"links":{"outbound_payment":"OP1"}}],
             "meta":{"cursors":{"before":null,"after":null},"limit":500}}
            """;
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, page));
        using var client = Client(stub);

        var e = Assert.Single(await client.ListEventsAsync().ToListAsync());

        Assert.Equal("teleported", e.Action);
        Assert.Equal("outbound_payments", e.ResourceType);
        Assert.Equal("martian", e.Details.Origin);
        Assert.Empty(e.Metadata);
        Assert.Null(e.PaymentId);
        Assert.Null(e.Payment);
    }

    [Fact]
    public async Task Lists_send_the_filters_GoCardless_expects()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"events":[],"meta":{"cursors":{"before":null,"after":null},"limit":500}}"""));
        using var client = Client(stub);

        await client.ListEventsAsync(new EventFilter
        {
            ResourceType = "payments",
            CreatedAfter = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),
        }).ToListAsync();

        var uri = Assert.Single(stub.Requests).Uri;
        Assert.Equal("/events", uri.AbsolutePath);
        Assert.Equal("?limit=500&created_at%5Bgt%5D=2025-05-01T10%3A00%3A00.000Z&resource_type=payments&include=payment", uri.Query);
    }

    [Fact]
    public async Task Every_request_carries_token_version_user_agent_and_json_accept()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, """{"customers":{"id":"CU1","created_at":"2025-01-01T00:00:00.000Z","company_name":"X"}}"""));
        using var client = Client(stub);

        await client.CreateCustomerAsync(new NewCustomer { CompanyName = "X", Metadata = new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" } });

        var request = Assert.Single(stub.Requests);
        Assert.Equal("Bearer sandbox_model-token", request.Headers["Authorization"]);
        Assert.Equal("2015-07-06", request.Headers["GoCardless-Version"]);
        Assert.StartsWith("GoCardlessHalo/", request.Headers["User-Agent"]);
        Assert.Contains("application/json", request.Headers["Accept"]);
        Assert.Equal("""{"customers":{"company_name":"X","metadata":{"k":"v"}}}""", request.Body);
        Assert.Equal("https://api-sandbox.gocardless.com/customers", request.Uri.ToString());
    }

    private static GoCardlessClient Client(StubHandler stub) => new(new GoCardlessClientOptions
    {
        Environment = GoCardlessEnvironment.Sandbox,
        AccessToken = "sandbox_model-token",
        HttpMessageHandler = stub,
        Clock = new RecordingClock(),
    });
}
