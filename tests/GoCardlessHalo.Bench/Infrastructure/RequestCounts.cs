// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>
/// What the emulator counted during one measured run, keyed "METHOD /route" (e.g. "GET /gocardless/payments").
/// Halo's authentication (GET /api/authinfo, POST /auth/token) is kept apart from reads and writes.
/// </summary>
public sealed class RequestCounts
{
    private const string AuthInfo = "GET /halo/api/authinfo";
    private const string Token = "POST /halo/auth/token";
    private readonly IReadOnlyDictionary<string, int> _byRoute;

    public RequestCounts(IReadOnlyDictionary<string, int> byRoute)
    {
        _byRoute = byRoute;
    }

    public int GoCardless => Sum(k => Route(k).StartsWith("/gocardless", StringComparison.Ordinal));

    public int HaloAuth => Get(AuthInfo) + Get(Token);

    /// <summary>Halo GETs other than authentication.</summary>
    public int HaloReads => Sum(k => k.StartsWith("GET /halo", StringComparison.Ordinal) && k != AuthInfo);

    /// <summary>Halo POSTs and DELETEs other than the token request.</summary>
    public int HaloWrites => Sum(k => Route(k).StartsWith("/halo", StringComparison.Ordinal) && !k.StartsWith("GET ", StringComparison.Ordinal) && k != Token);

    public int Get(string methodAndRoute) => _byRoute.TryGetValue(methodAndRoute, out var n) ? n : 0;

    /// <summary>"GET /gocardless/customers 20, …" for the routes under <paramref name="prefix"/>.</summary>
    public string Describe(string prefix) =>
        string.Join(", ", _byRoute.Where(kv => Route(kv.Key).StartsWith(prefix, StringComparison.Ordinal)).Select(kv => $"{kv.Key} ×{kv.Value}"));

    private static string Route(string key) => key[(key.IndexOf(' ') + 1)..];

    private int Sum(Func<string, bool> include) => _byRoute.Where(kv => include(kv.Key)).Sum(kv => kv.Value);
}
