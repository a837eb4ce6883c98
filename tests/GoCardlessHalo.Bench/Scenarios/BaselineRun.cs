// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// The per-record script an MSP writes today (the pattern of HaloAPI's Get-HaloUser -Search / New-HaloUser /
/// Set-HaloUser, one record per request): for each GoCardless customer, one Halo search by email and one
/// single-user POST (plus, once per run, a token, the Default Site and the link field's id) — an update of the user found (link field set), or a new user on the Default Site. It keeps
/// no state between runs, so a rerun does the same work again. Raw HTTP against the same emulator the module uses.
/// </summary>
public sealed class BaselineRun : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _linkField;
    private int _linkFieldId;

    private BaselineRun(Uri halo, string linkField)
    {
        _http = new HttpClient { BaseAddress = new Uri(halo.AbsoluteUri.TrimEnd('/') + "/") };
        _linkField = linkField;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Authenticates (client credentials), finds the Default Site by name, then goes customer by customer — all of
    /// them, or the first <paramref name="limit"/>.
    /// </summary>
    public static async Task<int> RunAsync(Uri halo, string clientId, string clientSecret, string defaultSiteName, string linkField, GoCardlessClient goCardless, CancellationToken cancellationToken, int limit = int.MaxValue)
    {
        using var run = new BaselineRun(halo, linkField);
        await run.AuthenticateAsync(clientId, clientSecret, cancellationToken);
        var siteId = await run.FindSiteAsync(defaultSiteName, cancellationToken);
        await run.FindLinkFieldAsync(cancellationToken);
        var customers = 0;
        await foreach (var customer in goCardless.ListCustomersAsync(null, cancellationToken))
        {
            var found = await run.SearchAsync(customer.Email ?? customer.DisplayName, cancellationToken);
            await run.SaveAsync(customer, found, siteId, cancellationToken);
            if (++customers >= limit)
            {
                break;
            }
        }

        return customers;
    }

    private async Task AuthenticateAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "all",
        });
        using var response = await _http.PostAsync("auth/token", form, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
    }

    private async Task<int> FindSiteAsync(string name, CancellationToken cancellationToken)
    {
        var siteName = name.Split('/').Last();
        using var json = await GetAsync("api/Site?search=" + Uri.EscapeDataString(siteName), cancellationToken);
        return json.RootElement.GetProperty("sites").EnumerateArray().First(s => s.GetProperty("name").GetString() == siteName).GetProperty("id").GetInt32();
    }

    // Custom field values are posted by field id, as HaloAPI's examples do.
    private async Task FindLinkFieldAsync(CancellationToken cancellationToken)
    {
        using var json = await GetAsync("api/FieldInfo", cancellationToken);
        var list = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("fieldinfo");
        _linkFieldId = list.EnumerateArray().First(f => string.Equals(f.GetProperty("name").GetString(), _linkField, StringComparison.OrdinalIgnoreCase)).GetProperty("id").GetInt32();
    }

    // One search: the first user Halo returns for the email, if any.
    private async Task<int?> SearchAsync(string text, CancellationToken cancellationToken)
    {
        using var json = await GetAsync("api/Users?search=" + Uri.EscapeDataString(text) + "&includeinactive=true", cancellationToken);
        var users = json.RootElement.GetProperty("users");
        return users.GetArrayLength() > 0 ? users[0].GetProperty("id").GetInt32() : null;
    }

    // One POST of one user: the link field on the user found, or a new user with name, email and link.
    private async Task SaveAsync(Customer customer, int? userId, int siteId, CancellationToken cancellationToken)
    {
        var link = new JsonArray(new JsonObject { ["id"] = _linkFieldId, ["value"] = customer.Id });
        var user = userId is { } id
            ? new JsonObject { ["id"] = id, ["customfields"] = link }
            : new JsonObject { ["name"] = customer.DisplayName, ["emailaddress"] = customer.Email, ["site_id"] = siteId, ["customfields"] = link };
        using var body = new StringContent(new JsonArray(user).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("api/Users", body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
