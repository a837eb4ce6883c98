// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>The emulator's variant switches (README "Variants"): each plays its answer, at start-up and through /__admin/halo/settings.</summary>
public sealed class HaloEmulatorVariantTests
{
    private static readonly object[] ThreeUsers =
    {
        new { name = "Ann", site_id = 10 }, new { name = "Bob", site_id = 10 }, new { name = "Cat", site_id = 10 },
    };

    [Theory]
    [InlineData("Array", "[Ann,Bob,Cat]")]
    [InlineData("FirstObject", "Ann")]
    [InlineData("LastObject", "Cat")]
    [InlineData("EmptyBody", "")]
    [InlineData("EmptyArray", "[]")]
    public async Task A_post_of_several_users_is_answered_as_the_switch_says_and_all_are_saved(string variant, string expected)
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:UsersPostAnswer=" + variant);
        await SeedAsync(host, SmallHalo());
        using var http = await HaloHttpAsync(host);

        using var post = await http.PostAsJsonAsync("api/Users", ThreeUsers);
        var text = await post.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(expected, Names(text));
        Assert.Equal(3, (await JsonAsync(http, "api/Users?includeinactive=true")).GetProperty("record_count").GetInt32());
    }

    [Fact]
    public async Task FieldInfo_leaves_out_user_fields_without_typeid_or_drops_usage_as_switched()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:FieldInfoListing=UserFieldsNeedTypeId");
        await SeedAsync(host, SmallHalo(fields: new object[]
        {
            new { id = 1, name = "GoCardlessCustomerId", type = 0, usage = 4 },
            new { id = 2, name = "TicketReference", type = 0, usage = 1 },
        }));
        using var http = await HaloHttpAsync(host);

        var untyped = await JsonAsync(http, "api/FieldInfo");
        var users = await JsonAsync(http, "api/FieldInfo?typeid=4");
        await AdminAsync(host, "halo/settings", new { fieldInfoListing = "WithoutUsage" });
        var withoutUsage = await JsonAsync(http, "api/FieldInfo");

        Assert.Equal(new[] { "TicketReference" }, untyped.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(new[] { "GoCardlessCustomerId" }, users.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(2, withoutUsage.GetArrayLength());
        Assert.All(withoutUsage.EnumerateArray(), f => Assert.False(f.TryGetProperty("usage", out _)));
    }

    [Fact]
    public async Task Site_list_rows_lose_isinvoicesite_but_the_single_site_and_main_site_id_keep_telling()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:SiteListInvoiceFlag=false");
        await SeedAsync(host, SmallHalo());
        using var http = await HaloHttpAsync(host);

        var list = await JsonAsync(http, "api/Site");
        var one = await JsonAsync(http, "api/Site/10");
        var client = await JsonAsync(http, "api/Client/1");

        Assert.All(list.GetProperty("sites").EnumerateArray(), s => Assert.False(s.TryGetProperty("isinvoicesite", out _)));
        Assert.True(one.GetProperty("isinvoicesite").GetBoolean());
        Assert.Equal(10, client.GetProperty("main_site_id").GetInt32());
    }

    [Fact]
    public async Task Requested_size_numbering_skips_the_rows_between_the_cap_and_the_size_asked()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:MaxPageSize=30");
        await GenerateAsync(host, clients: 1, usersPerClient: 200);
        using var http = await HaloHttpAsync(host);

        var capped = await JsonAsync(http, "api/Users?pageinate=true&page_size=100&page_no=2&includeinactive=true");
        await AdminAsync(host, "halo/settings", new { pageNumbering = "RequestedSize" });
        var requested = await JsonAsync(http, "api/Users?pageinate=true&page_size=100&page_no=2&includeinactive=true");

        Assert.Equal(31, capped.GetProperty("users")[0].GetProperty("id").GetInt32());
        Assert.Equal(101, requested.GetProperty("users")[0].GetProperty("id").GetInt32());
        Assert.Equal(30, requested.GetProperty("users").GetArrayLength());
    }

    [Theory]
    [InlineData("Honoured", "Finance")]
    [InlineData("Ignored", null)]
    [InlineData("EmptyArray", "")]
    public async Task User_lists_answer_include_custom_fields_as_switched(string variant, string? expected)
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:UserListCustomFields=" + variant);
        await SeedAsync(host, SmallHalo(new object[] { new { id = 100, name = "Ann", site_id = 10, customfields = new[] { new { id = 2, value = "Finance" } } } }));
        using var http = await HaloHttpAsync(host);

        var row = (await JsonAsync(http, "api/Users?include_custom_fields=1,2")).GetProperty("users")[0];
        var byId = await JsonAsync(http, "api/Users/100");

        var fields = row.TryGetProperty("customfields", out var array) ? string.Concat(array.EnumerateArray().Select(f => f.GetProperty("value").GetString())) : null;
        Assert.Equal(expected, fields);
        Assert.Contains(byId.GetProperty("customfields").EnumerateArray(), f => f.GetProperty("value").GetString() == "Finance");
    }

    [Fact]
    public async Task A_partial_customfields_array_merges_when_switched()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:CustomFieldsPost=Merge");
        await SeedAsync(host, SmallHalo(new object[] { new { id = 100, name = "Ann", site_id = 10, customfields = new[] { new { id = 1, value = "CU1" }, new { id = 2, value = "Finance" } } } }));
        using var http = await HaloHttpAsync(host);

        using var post = await http.PostAsJsonAsync("api/Users", new[] { new { id = 100, customfields = new[] { new { id = 1, value = "CU2" } } } });
        var ann = await JsonAsync(http, "api/Users/100");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("CU2|Finance", string.Join("|", ann.GetProperty("customfields").EnumerateArray().Select(f => f.GetProperty("value").GetString())));
    }

    [Fact]
    public async Task Root_serves_halo_at_the_host_root_only_when_switched_on()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var plain = new HttpClient { BaseAddress = host.BaseUri };

        using var off = await plain.GetAsync("api/authinfo");
        await AdminAsync(host, "halo/settings", new { root = true });
        using var http = await HaloHttpAsync(host, host.BaseUri);
        var info = await JsonAsync(http, "api/authinfo");
        var clients = await JsonAsync(http, "api/Client");

        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(new Uri(host.BaseUri, "auth").AbsoluteUri, info.GetProperty("auth_url").GetString());
        Assert.Equal(1, clients.GetProperty("record_count").GetInt32());
    }

    [Fact]
    public async Task Lookup_lists_and_unknown_routes_answer_like_halo()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var http = await HaloHttpAsync(host);

        var types = await JsonAsync(http, "api/Lookup?lookupid=11");
        using var unknownApi = await http.GetAsync("api/Nonsense/5");
        using var unknownHost = await new HttpClient { BaseAddress = host.BaseUri }.GetAsync("nowhere");

        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("name").GetString() == "Priority" && t.GetProperty("lookupid").GetInt32() == 11);
        foreach (var response in new[] { unknownApi, unknownHost })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("No HTTP resource was found", body.GetProperty("Message").GetString());
        }
    }

    [Theory]
    [InlineData("halo/generate", "{\"clients\":100000,\"usersPerClient\":1000}", "usersPerClient at most 1000000")]
    [InlineData("gocardless/generate", "{\"customers\":100001,\"payments\":0}", "customers must be at most 100000")]
    [InlineData("gocardless/generate", "{\"customers\":10,\"payments\":5000000}", "payments at most 1000000")]
    [InlineData("halo/settings", "{\"usersPostAnswer\":\"Sometimes\"}", "is not one of Array, FirstObject")]
    public async Task Controls_refuse_sizes_and_names_they_cannot_serve_with_a_clear_400(string path, string body, string message)
    {
        await using var host = await EmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await http.PostAsync("__admin/" + path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("malformed", HttpStatusCode.OK)]
    [InlineData("status", HttpStatusCode.GatewayTimeout)]
    [InlineData("reset", null)]
    public async Task A_fault_after_halo_acted_loses_the_answer_but_keeps_the_write(string kind, HttpStatusCode? expected)
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var http = await HaloHttpAsync(host);
        await FaultAsync(host, new { kind, status = 504, after = true, service = "halo", method = "POST", path = "/halo/api/Users", skip = 1 });

        using var first = await http.PostAsJsonAsync("api/Users", new[] { ThreeUsers[0] });
        HttpStatusCode? status;
        string text;
        try
        {
            using var second = await http.PostAsJsonAsync("api/Users", new[] { ThreeUsers[1], ThreeUsers[2] });
            (status, text) = (second.StatusCode, await second.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            (status, text) = (null, string.Empty);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(expected, status);
        if (kind == "malformed")
        {
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        }

        Assert.Equal(3, (await JsonAsync(http, "api/Users")).GetProperty("record_count").GetInt32());
    }

    private static string Names(string json)
    {
        if (json.Length == 0)
        {
            return string.Empty;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? "[" + string.Join(",", root.EnumerateArray().Select(u => u.GetProperty("name").GetString())) + "]"
            : root.GetProperty("name").GetString()!;
    }
}
