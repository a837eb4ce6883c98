// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.Admin;

/// <summary>Counts emulated API requests by method and route template (admin calls are not counted).</summary>
public sealed class RequestLog : IEmulatorState
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Record(string method, string route) => _counts.AddOrUpdate(method + " " + route, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> Snapshot() =>
        _counts.OrderBy(kv => kv.Key, System.StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Total requests whose route starts with <paramref name="prefix"/> (e.g. "/halo"), optionally of one method.</summary>
    public int Count(string prefix, string? method = null) =>
        _counts.Where(kv => kv.Key.Split(' ')[1].StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase)
                            && (method is null || kv.Key.StartsWith(method + " ", System.StringComparison.OrdinalIgnoreCase)))
               .Sum(kv => kv.Value);

    public void Reset() => _counts.Clear();
}

/// <summary>Records every request to /gocardless and /halo once routed, keyed by the route template.</summary>
public sealed class RequestLogMiddleware
{
    private readonly RequestDelegate _next;
    private readonly RequestLog _log;

    public RequestLogMiddleware(RequestDelegate next, RequestLog log)
    {
        _next = next;
        _log = log;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Recorded before the request runs (routing has already matched it): recording afterwards would let a
        // client see its answer, and read the counts, before the request was counted.
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/__admin", System.StringComparison.OrdinalIgnoreCase))
        {
            return _next(context);
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path;
        if (!route.StartsWith('/'))
        {
            route = "/" + route;
        }

        _log.Record(context.Request.Method, route);
        return _next(context);
    }
}
