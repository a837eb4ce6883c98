// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using GoCardlessHalo.Emulator;
using GoCardlessHalo.Emulator.Admin;
using GoCardlessHalo.Emulator.GoCardless;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>
/// The emulator hosted in this process, with its /__admin controls (which it never counts) and its request log.
/// Halo's rate limit stays at the emulator's default: off.
/// </summary>
public sealed class BenchEmulator : IAsyncDisposable
{
    /// <summary>GoCardless's real budget; each measured run starts with a fresh minute of it, as scheduled runs would.</summary>
    public const int GoCardlessRequestsPerMinute = 1000;

    private readonly EmulatorHost _host;
    private readonly HttpClient _admin;

    private BenchEmulator(EmulatorHost host)
    {
        _host = host;
        _admin = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri GoCardlessUri => _host.GoCardlessUri;

    public Uri HaloUri => _host.HaloUri;

    private RequestLog Log => _host.GetService<RequestLog>();

    public static async Task<BenchEmulator> StartAsync() => new(await EmulatorHost.StartAsync());

    /// <summary>Replaces the GoCardless account with a generated one; returns the emulator's summary (counts by resource).</summary>
    public Task<JsonElement> GenerateGoCardlessAsync(int customers, int payments, int seed) =>
        PostAsync("gocardless/generate", new { customers, payments, seed });

    public Task<JsonElement> GenerateHaloAsync(int clients, int usersPerClient, int seed) =>
        PostAsync("halo/generate", new { clients, usersPerClient, seed });

    /// <summary>Changes the emulated Halo's settings, e.g. a variant switch (<c>{ usersPostAnswer = "EmptyBody" }</c>).</summary>
    public Task<JsonElement> SetHaloSettingsAsync(object settings) => PostAsync("halo/settings", settings);

    /// <summary>Replaces the whole Halo state with records in Halo's API shapes.</summary>
    public Task<JsonElement> SeedHaloAsync(object seed) => PostAsync("halo/seed", seed);

    /// <summary>Replaces the GoCardless account with these records in GoCardless's own shapes.</summary>
    public Task<JsonElement> SeedGoCardlessAsync(object seed) => PostAsync("gocardless/seed", seed);

    /// <summary>
    /// Adds <paramref name="count"/> customers to the GoCardless account, as sign-ups between two scheduled runs would
    /// (straight into the emulator's store, which gives them fresh ids); returns their ids.
    /// </summary>
    public IReadOnlyList<string> AddGoCardlessCustomers(int count, string familyName)
    {
        var store = _host.GetService<GcStore>();
        return Enumerable.Range(1, count)
            .Select(i => store.AddCustomer(null, (id, at) => new GcCustomer
            {
                Id = id,
                CreatedAt = at,
                GivenName = "New",
                FamilyName = $"{familyName} {i}",
                Email = $"new{i}@{familyName.ToLowerInvariant()}.example",
                Metadata = GcMetadata.Empty,
            }).Id)
            .ToList();
    }

    /// <summary>Sets the GoCardless budget (a scenario that measures requests, not GoCardless's pacing, lifts it).</summary>
    public Task SetGoCardlessBudgetAsync(int perMinute) => PostAsync("gocardless/rate-limit", new { per_minute = perMinute });

    /// <summary>Moves a payment on in GoCardless, writing the event GoCardless would.</summary>
    public Task<JsonElement> TransitionPaymentAsync(string paymentId, string status) =>
        PostAsync($"gocardless/payments/{Uri.EscapeDataString(paymentId)}/transition", new { status });

    /// <summary>Opens a fresh GoCardless rate-limit window at the real limit, so one run's budget is not spent by the last.</summary>
    public Task FreshGoCardlessBudgetAsync() => PostAsync("gocardless/rate-limit", new { per_minute = GoCardlessRequestsPerMinute });

    /// <summary>
    /// Makes every Halo answer wait <paramref name="milliseconds"/> before it is sent (the emulator's stall fault, for
    /// as many requests as a run can make): a network round trip the in-process emulator otherwise does not have.
    /// </summary>
    public Task AddHaloRoundTripAsync(int milliseconds) =>
        PostAsync("faults", new { kind = "stall", service = "halo", count = int.MaxValue, stallMilliseconds = milliseconds });

    /// <summary>Removes every fault rule (the round trip of <see cref="AddHaloRoundTripAsync"/> included).</summary>
    public async Task ClearFaultsAsync()
    {
        using var response = await _admin.DeleteAsync("__admin/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The requests counted since the last call (or start), by "METHOD /route"; the log starts again from zero.</summary>
    public RequestCounts TakeCounts()
    {
        var counts = new RequestCounts(Log.Snapshot());
        Log.Reset();
        return counts;
    }

    /// <summary>Forgets what was counted so far (set-up requests are not part of a measurement).</summary>
    public void ClearCounts() => Log.Reset();

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _admin.PostAsJsonAsync("__admin/" + path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /__admin/{path} failed with {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
