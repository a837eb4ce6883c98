// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Emulator;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Core.Tests.GoCardless;

/// <summary>One in-process emulator per test class; tests reset it before use.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync();
        Admin = new HttpClient { BaseAddress = Host.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }

    public async Task ResetAsync() => (await Admin.PostAsync("__admin/reset", null)).EnsureSuccessStatusCode();

    public async Task GenerateAsync(int customers, int payments, int seed = 1) =>
        (await Admin.PostAsJsonAsync("__admin/gocardless/generate", new { customers, payments, seed })).EnsureSuccessStatusCode();

    public async Task PostAdminAsync(string path, object body) =>
        (await Admin.PostAsJsonAsync("__admin/" + path, body)).EnsureSuccessStatusCode();

    /// <summary>Request counts by "METHOD /route" since the last reset.</summary>
    public IReadOnlyDictionary<string, int> Requests => Host.GetService<RequestLog>().Snapshot();

    public int Count(string methodAndRoute) => Requests.TryGetValue(methodAndRoute, out var n) ? n : 0;

    public void ClearRequestCounts() => Host.GetService<RequestLog>().Reset();

    /// <summary>A client aimed at the emulator that never sleeps.</summary>
    public GoCardlessClient Client(RecordingClock? clock = null, HttpMessageHandler? handler = null, IEngineLog? log = null, Action<GoCardlessClientOptions>? configure = null)
    {
        var options = new GoCardlessClientOptions
        {
            BaseUri = Host.GoCardlessUri,
            AccessToken = "emulator-token",
            Clock = clock ?? new RecordingClock(),
            HttpMessageHandler = handler,
        };
        configure?.Invoke(options);
        return new GoCardlessClient(options, log);
    }
}
