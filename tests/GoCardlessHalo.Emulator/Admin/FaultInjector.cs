// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Admin;

/// <summary>
/// A fault rule, posted to /__admin/faults:
/// <c>{"kind":"status","status":503,"count":2,"skip":0,"service":"halo","method":"POST","pathContains":"/api/users"}</c>.
/// The first <see cref="Skip"/> matching requests pass, the next <see cref="Count"/> fail. With <see cref="After"/>
/// the request is processed first (Halo has acted) and only its answer is lost or damaged.
/// </summary>
public sealed class FaultRule
{
    /// <summary>status (answer with <see cref="Status"/>), malformed (200 with a truncated JSON body), stall (delay, then answer normally), reset (abort the connection).</summary>
    public string Kind { get; set; } = "status";

    public int Status { get; set; } = 500;

    /// <summary>Body for a status fault; default is a plain-text status line such as "500 Internal Server Error".</summary>
    public string? Body { get; set; }

    public string? ContentType { get; set; }

    public int Count { get; set; } = 1;

    public int Skip { get; set; }

    /// <summary>gocardless, halo, or null for both.</summary>
    public string? Service { get; set; }

    public string? Method { get; set; }

    public string? PathContains { get; set; }

    /// <summary>The exact path (case-insensitive, no query), e.g. /halo/api/Users, so /halo/api/Users/5 is not matched.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Let the emulated API process the request, then answer with the fault instead of its answer: malformed
    /// (200 with the real answer cut in half), reset, stall (the real answer after <see cref="StallMilliseconds"/>,
    /// i.e. a client timeout), or status (e.g. 504 from a gateway that gave up).
    /// </summary>
    public bool After { get; set; }

    public int StallMilliseconds { get; set; } = 120_000;

    internal bool Matches(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith("/__admin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return (Service is null || IsService(path, Service))
               && (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase))
               && (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase))
               && (Path is null || string.Equals(Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Halo is also served at the root (/api, /auth) when Root is on.</summary>
    private static bool IsService(string path, string service) =>
        path.StartsWith("/" + service, StringComparison.OrdinalIgnoreCase)
        || (string.Equals(service, "halo", StringComparison.OrdinalIgnoreCase)
            && (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/auth/", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>Holds the active fault rules; thread-safe.</summary>
public sealed class FaultInjector : IEmulatorState
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rule that fires for this request, if any; consumes one skip or one count.</summary>
    public FaultRule? Next(HttpRequest request)
    {
        lock (_gate)
        {
            foreach (var rule in _rules.Where(r => r.Matches(request)).ToList())
            {
                if (rule.Skip > 0)
                {
                    rule.Skip--;
                    continue;
                }

                rule.Count--;
                if (rule.Count <= 0)
                {
                    _rules.Remove(rule);
                }

                return rule;
            }

            return null;
        }
    }
}

/// <summary>Applies injected faults before the request reaches the emulated API.</summary>
public sealed class FaultMiddleware
{
    private readonly RequestDelegate _next;
    private readonly FaultInjector _faults;

    public FaultMiddleware(RequestDelegate next, FaultInjector faults)
    {
        _next = next;
        _faults = faults;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var rule = _faults.Next(context.Request);
        if (rule is { After: true })
        {
            await FaultAfter.InvokeAsync(context, _next, rule);
            return;
        }

        switch (rule?.Kind.ToLowerInvariant())
        {
            case null:
                await _next(context);
                return;
            case "stall":
                await Task.Delay(rule.StallMilliseconds, context.RequestAborted).ContinueWith(_ => { });
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    await _next(context);
                }

                return;
            case "malformed":
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"truncated\": [ {\"id\": ");
                return;
            case "reset":
                context.Abort();
                return;
            default:
                await WriteStatusAsync(context, rule);
                return;
        }
    }

    internal static Task WriteStatusAsync(HttpContext context, FaultRule rule)
    {
        context.Response.StatusCode = rule.Status;
        context.Response.ContentType = rule.ContentType ?? "text/plain";
        return context.Response.WriteAsync(rule.Body ?? $"{rule.Status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(rule.Status)}");
    }
}
