// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>The emulator reproduces Halo's quirks (reference §1-§3), checked with plain HTTP.</summary>
public sealed class HaloEmulatorTests
{
    [Fact]
    public async Task Pages_are_capped_whatever_page_size_says_and_default_to_50_without_pageinate()
    {
        await using var host = await EmulatorHost.StartAsync();
        await GenerateAsync(host, clients: 2, usersPerClient: 150);
        using var http = await HaloHttpAsync(host);

        var capped = await JsonAsync(http, "api/Users?pageinate=true&page_size=1000&page_no=1&includeinactive=true");
        var unpaged = await JsonAsync(http, "api/users?page_size=1000&page_no=3&includeinactive=true");
        var last = await JsonAsync(http, "api/Users?pageinate=true&page_size=100&page_no=3&includeinactive=true");

        Assert.Equal((300, 100), (capped.GetProperty("record_count").GetInt32(), capped.GetProperty("users").GetArrayLength()));
        Assert.Equal(50, unpaged.GetProperty("users").GetArrayLength());
        Assert.Equal(1, unpaged.GetProperty("users")[0].GetProperty("id").GetInt32());
        Assert.Equal(201, last.GetProperty("users")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_posted_partial_customfields_array_replaces_the_whole_array()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(new object[]
        {
            new { id = 100, name = "Ann", site_id = 10, customfields = new[] { new { id = 1, value = "CU1" }, new { id = 2, value = "Finance" } } },
        }));
        using var http = await HaloHttpAsync(host);

        using var post = await http.PostAsJsonAsync("api/USERS", new[] { new { id = 100, customfields = new[] { new { id = 1, value = "CU2" } } } });
        var ann = await JsonAsync(http, "API/Users/100");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var values = ann.GetProperty("customfields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["CFGoCardlessCustomerId"] = "CU2", ["CFDepartment"] = null }, values);
        Assert.Equal(("Head Office", 1, "Acme Widgets Ltd"), (ann.GetProperty("site_name").GetString(), ann.GetProperty("client_id").GetInt32(), ann.GetProperty("client_name").GetString()));
    }

    [Fact]
    public async Task Lists_carry_custom_fields_only_when_include_custom_fields_names_them()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(new object[] { new { id = 100, name = "Ann", site_id = 10, customfields = new[] { new { id = 2, value = "Finance" } } } }));
        using var http = await HaloHttpAsync(host);

        var plain = (await JsonAsync(http, "api/Users")).GetProperty("users")[0];
        var withTwo = (await JsonAsync(http, "api/Users?include_custom_fields=2")).GetProperty("users")[0];

        Assert.False(plain.TryGetProperty("customfields", out _));
        var field = Assert.Single(withTwo.GetProperty("customfields").EnumerateArray());
        Assert.Equal(("CFDepartment", "Finance"), (field.GetProperty("name").GetString(), field.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Clients_show_their_invoice_site_as_main_site()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var http = await HaloHttpAsync(host);

        var client = (await JsonAsync(http, "api/Client")).GetProperty("clients")[0];
        var site = await JsonAsync(http, "api/Site/10");

        Assert.Equal((10, "Head Office"), (client.GetProperty("main_site_id").GetInt32(), client.GetProperty("main_site_name").GetString()));
        Assert.True(site.GetProperty("isinvoicesite").GetBoolean());
    }

    [Fact]
    public async Task Tokens_really_expire_and_bad_tokens_get_Halos_401()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:TokenLifetimeSeconds=60");
        using var http = await HaloHttpAsync(host);

        var before = await http.GetAsync("api/Site");
        await AdminAsync(host, "halo/clock", new { advanceSeconds = 61 });
        var after = await http.GetAsync("api/Site");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("{\"Message\":\"Authorization has been denied for this request.\"}", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_rate_limit_answers_Halos_plain_text_429_until_the_window_moves_on()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:RateLimitPer5Minutes=5");
        using var http = await HaloHttpAsync(host); // authinfo is free of auth but not of the limit: 2 used

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((int)(await http.GetAsync("api/Site")).StatusCode);
        }

        var refused = await http.GetAsync("api/Site");
        await AdminAsync(host, "halo/clock", new { advanceSeconds = 300 });
        var later = await http.GetAsync("api/Site");

        Assert.Equal(new[] { 200, 200, 200, 429 }, statuses);
        Assert.Equal("Rate Limit Reached - 5 Requests per rolling 5 minute window", await refused.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_malformed_post_answers_ClassName_and_Message_and_changes_nothing()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var http = await HaloHttpAsync(host);

        using var broken = await http.PostAsync("api/Users", new StringContent("[{\"name\":", System.Text.Encoding.UTF8, "application/json"));
        using var halfBad = await http.PostAsJsonAsync("api/Users", new object[] { new { name = "Fine", site_id = 10 }, new { name = "Lost", site_id = 77 } });
        var users = await JsonAsync(http, "api/Users");

        using var error = JsonDocument.Parse(await broken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True(error.RootElement.TryGetProperty("ClassName", out _) && error.RootElement.TryGetProperty("Message", out _));
        Assert.Equal(HttpStatusCode.BadRequest, halfBad.StatusCode);
        Assert.Equal(0, users.GetProperty("record_count").GetInt32());
    }

    [Fact]
    public async Task Reset_clears_Halo_and_the_generator_is_deterministic_with_lookalike_names()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var admin = new HttpClient { BaseAddress = host.BaseUri };

        var first = await GenerateAndListAsync(host);
        var second = await GenerateAndListAsync(host);
        using var big = await admin.PostAsJsonAsync("__admin/halo/generate", new { clients = 500, usersPerClient = 20, seed = 9 });
        var bigSummary = await big.Content.ReadFromJsonAsync<JsonElement>();
        await admin.PostAsync("__admin/reset", null);
        var after = await admin.GetFromJsonAsync<JsonElement>("__admin/halo/summary");

        Assert.Equal(first, second);
        Assert.Equal((500, 10_000), (bigSummary.GetProperty("clients").GetInt32(), bigSummary.GetProperty("users").GetInt32()));
        Assert.Equal(0, after.GetProperty("users").GetInt32() + after.GetProperty("clients").GetInt32() + after.GetProperty("fields").GetInt32());
        var names = first.Split('\n');
        Assert.Contains(names, n => names.Count(m => Normalise(m) == Normalise(n)) > 1);
    }

    private static string Normalise(string name) =>
        string.Join(" ", name.ToLowerInvariant().Replace(",", "").Replace(".", "").Split(' ', System.StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("ltd" or "limited" or "llp" or "plc" or "llc" or "inc" or "gmbh" or "co")));

    private static async Task<string> GenerateAndListAsync(EmulatorHost host)
    {
        await GenerateAsync(host, clients: 60, usersPerClient: 2, seed: 42);
        using var http = await HaloHttpAsync(host);
        var clients = await JsonAsync(http, "api/Client?pageinate=true&page_size=100&includeinactive=true");
        return string.Join("\n", clients.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }
}
