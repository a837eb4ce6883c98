// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// Runs in front of every /gocardless endpoint, in the real API's order: count the request against the
/// rate limit (RateLimit-* headers on every answer), then check the bearer token, then the
/// GoCardless-Version header. It also turns a thrown <see cref="GcError"/> into the error envelope.
/// </summary>
public sealed class GcGatekeeper : IEndpointFilter
{
    public const string ApiVersion = "2015-07-06";
    private const string RequestIdKey = "gc.request_id";
    private readonly GcRateLimiter _limiter;
    private readonly EmulatorOptions _options;

    public GcGatekeeper(GcRateLimiter limiter, EmulatorOptions options)
    {
        _limiter = limiter;
        _options = options;
    }

    /// <summary>The id stamped on this request's x-request-id header and error bodies.</summary>
    public static string RequestId(HttpContext context) => context.Items[RequestIdKey] as string ?? "";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var requestId = Guid.NewGuid().ToString();
        http.Items[RequestIdKey] = requestId;
        var headers = http.Response.Headers;
        headers["x-request-id"] = requestId;
        var budget = _limiter.Take();
        headers["RateLimit-Limit"] = budget.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = budget.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = budget.Reset.ToString("r", CultureInfo.InvariantCulture);
        try
        {
            if (!budget.Allowed)
            {
                throw GcError.RateLimited();
            }

            if (http.Request.Headers.Authorization.ToString() != "Bearer " + _options.GoCardless.AccessToken)
            {
                throw GcError.Unauthorized();
            }

            // The reasons below follow GoCardless's documented invalid_api_usage reasons; the exact messages are ours.
            var version = http.Request.Headers["GoCardless-Version"].ToString();
            if (version.Length == 0)
            {
                throw GcError.Usage(400, "missing_version_header", "The GoCardless-Version header is required, e.g. GoCardless-Version: " + ApiVersion);
            }

            if (version != ApiVersion)
            {
                throw GcError.Usage(400, "version_not_found", $"GoCardless-Version {version} is not a valid API version; use {ApiVersion}");
            }

            return await next(context);
        }
        catch (GcError error)
        {
            return error.ToResult(requestId);
        }
    }
}
