// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Tests.GoCardless;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>The emulator's /halo/api/Invoice and /InvoicePayment, and the switches for what sources leave open.</summary>
public sealed class HaloInvoiceEmulatorTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Seed = """
        {"clients":[{"id":1,"name":"Acme Ltd"},{"id":2,"name":"Beta GmbH"}],
         "sites":[{"id":10,"name":"Head Office","client_id":1,"isinvoicesite":true},{"id":20,"name":"Berlin","client_id":2,"isinvoicesite":true}],
         "users":[{"id":100,"name":"Ann Payer","site_id":10},{"id":200,"name":"Bernd Zahler","site_id":20}],
         "invoices":[
          {"id":5,"invoicenumber":"INV-5","client_id":1,"sitenumber":10,"uid":100,"currency":"GBP","duedate":"2026-11-15",
           "lines":[{"item_shortdescription":"Support","net_amount":100.10,"tax_amount":20.02}]},
          {"id":6,"invoicenumber":"INV-6","client_id":2,"sitenumber":20,"uid":200,"currency":"EUR","posted":false,
           "lines":[{"item_shortdescription":"Backup","net_amount":50,"tax_amount":9.5}]},
          {"id":7,"invoicenumber":"CN-7","client_id":1,"sitenumber":10,"uid":100,"currency":"GBP",
           "lines":[{"item_shortdescription":"Refund","net_amount":-10,"tax_amount":-2}]},
          {"id":8,"invoicenumber":"INV-8","client_id":1,"sitenumber":10,"uid":100,"currency":"GBP","voided":true,
           "lines":[{"item_shortdescription":"Mistake","net_amount":10,"tax_amount":2}]}]}
        """;

    private readonly EmulatorFixture _emulator;

    public HaloInvoiceEmulatorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        using var seeded = await _emulator.Admin.PostAsync("__admin/halo/seed", new StringContent(Seed, Encoding.UTF8, "application/json"));
        seeded.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_derives_amounts_from_the_lines_and_filters_as_halo_api_sends_them()
    {
        var all = await ListAsync("halo/api/Invoice");
        var posted = await ListAsync("halo/api/Invoice?postedonly=true&client_id=1");
        var unpaid = await ListAsync("halo/api/Invoice?paymentstatuses=0");
        var first = all.Single(i => i["id"]!.GetValue<int>() == 5);

        Assert.Equal(4, all.Count);
        Assert.Equal(new[] { 5, 7, 8 }, posted.Select(i => i["id"]!.GetValue<int>()));
        Assert.Equal(4, unpaid.Count);
        Assert.Equal(120.12m, first["total"]!.GetValue<decimal>());
        Assert.Equal(120.12m, first["amountdue"]!.GetValue<decimal>());
        Assert.Equal("£", first["currency"]!.GetValue<string>());
        Assert.Equal("GBP", first["currency_code_name"]!.GetValue<string>());
        Assert.Null(first["lines"]);
        Assert.Equal(-12m, all.Single(i => i["id"]!.GetValue<int>() == 7)["amountdue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_single_read_carries_the_lines_with_net_and_tax()
    {
        var invoice = await GetAsync("halo/api/Invoice/6");

        var line = invoice["lines"]!.AsArray().Single()!;
        Assert.Equal(50m, line["net_amount"]!.GetValue<decimal>());
        Assert.Equal(9.5m, line["tax_amount"]!.GetValue<decimal>());
        Assert.Equal("EUR", invoice["currency_code_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recording_a_payment_makes_the_invoice_paid_and_deleting_it_unpaid_again()
    {
        var recorded = await PostAsync("halo/api/InvoicePayment", """[{"invoice_id":5,"amount":120.12,"date":"2026-11-20","reference":"PM123"}]""");
        var paid = await GetAsync("halo/api/Invoice/5");
        var paymentId = (await recorded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        using var deleted = await SendAsync(HttpMethod.Delete, "halo/api/InvoicePayment/" + paymentId, null);
        var unpaid = await GetAsync("halo/api/Invoice/5");

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(0m, paid["amountdue"]!.GetValue<decimal>());
        Assert.Equal(2, paid["paymentstatus"]!.GetValue<int>());
        Assert.Equal("PM123", paid["payment_ref"]!.GetValue<string>());
        Assert.StartsWith("2026-11-20", paid["datepaid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(120.12m, unpaid["amountdue"]!.GetValue<decimal>());
        Assert.Null(unpaid["datepaid"]);
    }

    [Theory]
    [InlineData("""[{"invoice_id":5,"amount":500}]""", "more than the 120.12 due")]
    [InlineData("""[{"invoice_id":8,"amount":1}]""", "is void")]
    [InlineData("""[{"invoice_id":5,"amount":0}]""", "non-zero amount")]
    public async Task A_payment_halo_would_refuse_changes_nothing(string body, string problem)
    {
        using var refused = await PostAsync("halo/api/InvoicePayment", body);
        var error = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errorMessage"]!.GetValue<string>();
        var payments = await ListAsync("halo/api/InvoicePayment", "invoicepayments");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(problem, error);
        Assert.Empty(payments);
    }

    [Fact]
    public async Task The_switches_play_the_other_variants_and_reset_restores_the_defaults()
    {
        using var set = await _emulator.Admin.PostAsJsonAsync("__admin/halo/settings", new
        {
            invoices = new { currencyCodeName = false, listLines = true, paymentRecalculates = false, voidedInList = false },
        });
        using var recorded = await PostAsync("halo/api/InvoicePayment", """[{"invoice_id":5,"amount":20}]""");
        var list = await ListAsync("halo/api/Invoice");
        var first = list.Single(i => i["id"]!.GetValue<int>() == 5);
        await _emulator.ResetAsync();
        using var settings = await _emulator.Admin.PostAsJsonAsync("__admin/halo/settings", new { });
        var restored = (await settings.Content.ReadFromJsonAsync<JsonObject>())!["invoices"]!;

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(3, list.Count);
        Assert.Equal("Pounds Sterling", first["currency_code_name"]!.GetValue<string>());
        Assert.Single(first["lines"]!.AsArray());
        Assert.Equal(120.12m, first["amountdue"]!.GetValue<decimal>());
        Assert.True(restored["paymentRecalculates"]!.GetValue<bool>());
        Assert.True(restored["voidedInList"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Generated_invoices_include_credit_notes_voided_partly_paid_and_other_currencies()
    {
        using var generated = await _emulator.Admin.PostAsJsonAsync("__admin/halo/generate", new { clients = 30, usersPerClient = 2, invoicesPerClient = 4, seed = 3 });
        var summary = (await generated.Content.ReadFromJsonAsync<JsonObject>())!;
        var all = await ListAsync("halo/api/Invoice?page_size=100&page_no=1");
        for (var page = 2; all.Count < summary["invoices"]!.GetValue<int>(); page++)
        {
            all.AddRange(await ListAsync($"halo/api/Invoice?page_size=100&page_no={page}"));
        }

        Assert.Equal(120, summary["invoices"]!.GetValue<int>());
        Assert.Contains(all, i => i["amountdue"]!.GetValue<decimal>() < 0);
        Assert.Contains(all, i => i["voided"]!.GetValue<bool>());
        Assert.Contains(all, i => !i["posted"]!.GetValue<bool>());
        Assert.Contains(all, i => i["paymentstatus"]!.GetValue<int>() == 1);
        Assert.Contains(all, i => i["paymentstatus"]!.GetValue<int>() == 2);
        Assert.Equal(new[] { "EUR", "GBP", "USD" }, all.Select(i => i["currency_code_name"]!.GetValue<string>()).Distinct().OrderBy(c => c));
    }

    private async Task<List<JsonObject>> ListAsync(string path, string key = "invoices")
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body[key]!.AsArray().Select(n => n!.AsObject()).ToList();
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = HaloApiTestKit.ClientId,
            ["client_secret"] = HaloApiTestKit.ClientSecret,
            ["scope"] = "all",
        });
        using var tokenResponse = await _emulator.Admin.PostAsync("halo/auth/token", form);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _emulator.Admin.SendAsync(request);
    }
}
