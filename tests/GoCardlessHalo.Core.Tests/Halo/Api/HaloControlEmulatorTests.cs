// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Tests.GoCardless;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>The emulator's GET /halo/api/Control and its POST /__admin/halo/control.</summary>
public sealed class HaloControlEmulatorTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture _emulator;

    public HaloControlEmulatorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Control_needs_a_token_and_starts_with_halo_s_integrator_off()
    {
        using var anonymous = await _emulator.Admin.GetAsync("halo/api/Control");
        var control = await GetControlAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.False(control["halointegrator_gocardless"]!.GetValue<bool>());
        Assert.Null(control["halointegrator_gocardless_lastsync"]);
        Assert.Equal(1, control["gocardless_defaultsite"]!.GetValue<int>());
        Assert.Empty(control["gocardless_userfieldmappings"]!.AsArray());
    }

    [Fact]
    public async Task The_admin_control_changes_the_settings_named_and_reset_restores_them()
    {
        using var set = await _emulator.Admin.PostAsJsonAsync("__admin/halo/control", new Dictionary<string, object?>
        {
            ["HaloIntegrator_GoCardless"] = true,
            ["halointegrator_gocardless_lastsync"] = "2026-01-05T08:00:00",
        });
        var changed = await GetControlAsync();
        await _emulator.ResetAsync();
        var restored = await GetControlAsync();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True(changed["halointegrator_gocardless"]!.GetValue<bool>());
        Assert.Equal("2026-01-05T08:00:00", changed["halointegrator_gocardless_lastsync"]!.GetValue<string>());
        Assert.Equal(1, changed["gocardless_defaultsite"]!.GetValue<int>());
        Assert.False(restored["halointegrator_gocardless"]!.GetValue<bool>());
        Assert.Null(restored["halointegrator_gocardless_lastsync"]);
    }

    [Theory]
    [InlineData("{\"halointegrator_gocardless\":true,\"halointegrator_xero\":true}", "'halointegrator_xero' is not a GoCardless setting")]
    [InlineData("{\"halointegrator_gocardless\":\"yes\"}", "'halointegrator_gocardless' needs true or false")]
    [InlineData("{\"halointegrator_gocardless\":true,\"gocardless_defaultsite\":\"Head Office\"}", "'gocardless_defaultsite' needs a number")]
    public async Task An_unknown_setting_or_a_wrong_value_changes_nothing(string body, string problem)
    {
        using var response = await _emulator.Admin.PostAsync("__admin/halo/control", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errorMessage"]!.GetValue<string>();
        var control = await GetControlAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, error);
        Assert.False(control["halointegrator_gocardless"]!.GetValue<bool>());
    }

    private async Task<JsonObject> GetControlAsync()
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
        using var request = new HttpRequestMessage(HttpMethod.Get, "halo/api/Control");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _emulator.Admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
