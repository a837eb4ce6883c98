// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>Options, controls and counters for testing the API target against the in-process emulator.</summary>
public static class HaloApiTestKit
{
    public const string ClientId = "emulator-client";
    public const string ClientSecret = "emulator-secret";

    /// <summary>Options for the emulator; the client-side limit is off unless a test turns it on.</summary>
    public static HaloApiOptions Options(EmulatorHost host, ManualClock? clock = null, HttpMessageHandler? handler = null) => new()
    {
        Url = host.HaloUri.AbsoluteUri,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        RateLimitPer5Minutes = 0,
        Clock = clock ?? new ManualClock(),
        HttpMessageHandler = handler,
    };

    public static async Task<HaloApiTarget> OpenAsync(EmulatorHost host, ManualClock? clock = null, RecordingLog? log = null, Action<HaloApiOptions>? configure = null)
    {
        var options = Options(host, clock);
        configure?.Invoke(options);
        var target = new HaloApiTarget(options, log);
        await target.OpenAsync(CancellationToken.None);
        return target;
    }

    public static async Task AdminAsync(EmulatorHost host, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var response = await http.PostAsJsonAsync("__admin/" + path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /__admin/{path} failed: {(int)response.StatusCode} {text}");
    }

    /// <summary>An HttpClient for the emulated Halo (at {HaloUri}/, or <paramref name="root"/>) holding a token (2 requests: authinfo, token).</summary>
    public static async Task<HttpClient> HaloHttpAsync(EmulatorHost host, Uri? root = null)
    {
        var http = new HttpClient { BaseAddress = root ?? new Uri(host.HaloUri.AbsoluteUri + "/") };
        var info = await http.GetFromJsonAsync<JsonElement>("api/authinfo");
        using var token = await http.PostAsync(info.GetProperty("auth_url").GetString() + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["scope"] = "all",
        }));
        var json = await token.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>GET <paramref name="path"/>, which must answer 200, as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task SeedAsync(EmulatorHost host, object seed) => AdminAsync(host, "halo/seed", seed);

    public static Task GenerateAsync(EmulatorHost host, int clients, int usersPerClient, int seed = 1) =>
        AdminAsync(host, "halo/generate", new { clients, usersPerClient, seed });

    public static Task FaultAsync(EmulatorHost host, object rule) => AdminAsync(host, "faults", rule);

    /// <summary>Requests the emulator counted for "METHOD /route" (e.g. "GET /halo/api/Users").</summary>
    public static int Count(EmulatorHost host, string methodAndRoute) =>
        host.GetService<RequestLog>().Snapshot().TryGetValue(methodAndRoute, out var n) ? n : 0;

    public static void ResetCounts(EmulatorHost host) => host.GetService<RequestLog>().Reset();

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public static Task<List<HaloUser>> UsersAsync(IHaloTarget target, HaloUserQuery? query = null) =>
        ToListAsync(target.GetUsersAsync(query ?? new HaloUserQuery { IncludeInactive = true }, CancellationToken.None));

    /// <summary>One customer (id 1) with an invoice site (id 10), a branch (id 11), and the given User fields.</summary>
    public static object SmallHalo(IEnumerable<object>? users = null, IEnumerable<object>? fields = null) => new
    {
        fields = fields ?? new object[]
        {
            new { id = 1, name = "GoCardlessCustomerId", label = "GoCardless customer", type = 0, usage = 4 },
            new { id = 2, name = "Department", label = "Department", type = 0, usage = 4 },
        },
        clients = new[] { new { id = 1, name = "Acme Widgets Ltd" } },
        sites = new[]
        {
            new { id = 10, name = "Head Office", client_id = 1, isinvoicesite = true },
            new { id = 11, name = "Leeds Branch", client_id = 1, isinvoicesite = false },
        },
        users = users ?? Array.Empty<object>(),
    };
}
