// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.Halo;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>The emulator's POST /payments against a mandate: scheme currency, next_possible_charge_date, idempotency replay.</summary>
public sealed class GcPaymentRulesEmulatorTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture _emulator;

    public GcPaymentRulesEmulatorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await _emulator.GenerateAsync(customers: 20, payments: 0, seed: 4);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_currency_the_mandate_s_scheme_does_not_collect_is_refused()
    {
        using var client = _emulator.Client();
        var mandate = await ActiveMandateAsync(client);
        var wrong = SchemeCurrencies.CurrencyOf(mandate.Scheme) == "GBP" ? "EUR" : "GBP";

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() =>
            client.CreatePaymentAsync(new NewPayment { Amount = 100, Currency = wrong, MandateId = mandate.Id }));

        Assert.Equal(422, error.HttpStatus);
        Assert.Contains(error.Errors, e => e.Field == "currency" && e.Message!.Contains(mandate.Scheme!));
    }

    [Fact]
    public async Task A_charge_date_before_the_mandate_s_next_possible_charge_date_is_refused()
    {
        using var client = _emulator.Client();
        var mandate = await ActiveMandateAsync(client);

        var error = await Assert.ThrowsAsync<GoCardlessApiException>(() => client.CreatePaymentAsync(new NewPayment
        {
            Amount = 100, Currency = SchemeCurrencies.CurrencyOf(mandate.Scheme)!, MandateId = mandate.Id,
            ChargeDate = mandate.NextPossibleChargeDate!.Value.AddDays(-1),
        }));

        Assert.Contains(error.Errors, e => e.Field == "charge_date");
    }

    [Fact]
    public async Task A_replayed_idempotency_key_is_409_naming_the_payment_created_first()
    {
        using var client = _emulator.Client();
        var mandate = await ActiveMandateAsync(client);
        var body = new JsonObject
        {
            ["payments"] = new JsonObject
            {
                ["amount"] = 100, ["currency"] = SchemeCurrencies.CurrencyOf(mandate.Scheme), ["links"] = new JsonObject { ["mandate"] = mandate.Id },
            },
        }.ToJsonString();

        using var first = await PostAsync(body, "inv-42-1");
        using var replay = await PostAsync(body, "inv-42-1");
        var created = (await first.Content.ReadFromJsonAsync<JsonObject>())!["payments"]!["id"]!.GetValue<string>();
        var error = (await replay.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;

        Assert.Equal(409, (int)replay.StatusCode);
        Assert.Equal("invalid_state", error["type"]!.GetValue<string>());
        Assert.Equal("idempotent_creation_conflict", error["errors"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(created, error["errors"]![0]!["links"]!["conflicting_resource_id"]!.GetValue<string>());
        Assert.Single(await client.ListPaymentsAsync(new PaymentFilter { Mandate = mandate.Id }).ToListAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "gocardless/payments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Authorization", "Bearer emulator-token");
        request.Headers.Add("GoCardless-Version", "2015-07-06");
        request.Headers.Add("Idempotency-Key", key);
        return await _emulator.Admin.SendAsync(request);
    }

    private static async Task<Mandate> ActiveMandateAsync(GoCardlessClient client)
    {
        await foreach (var mandate in client.ListMandatesAsync(new MandateFilter { Statuses = new[] { MandateStatus.Active } }))
        {
            if (mandate.NextPossibleChargeDate is not null && SchemeCurrencies.CurrencyOf(mandate.Scheme) is not null)
            {
                return mandate;
            }
        }

        throw new InvalidOperationException("The generated data has no active mandate.");
    }
}
