// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Error responses in the shapes real Halo uses (reference §3; HaloAPI's New-HaloError handles exactly these).
/// Which endpoint answers in which shape is not recorded anywhere, so the emulator spreads them as listed in
/// its README: every shape occurs, so clients are forced to handle all of them.
/// </summary>
public static class HaloErrors
{
    // Halo's error properties are case-sensitive for clients (resultCode, ClassName, Message): no naming policy.
    private static readonly JsonSerializerOptions AsWritten = new();

    /// <summary>Halo's own validation failure: 400 <c>{"resultCode":1,"errorMessage":"…"}</c>.</summary>
    public static IResult Validation(string message) =>
        Results.Json(new { resultCode = 1, errorMessage = message }, AsWritten, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A missing record: 404 <c>{"Message":"…"}</c>.</summary>
    public static IResult NotFound(string message) =>
        Results.Json(new { Message = message }, AsWritten, statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// A route Halo does not serve: ASP.NET Web API's standard 404 body (inferred: Halo runs on ASP.NET, whose
    /// unmatched-route answer is this message; no capture from a live Halo).
    /// </summary>
    public static IResult NoResource(HttpRequest request) =>
        NotFound($"No HTTP resource was found that matches the request URI '{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}'.");

    /// <summary>No, bad or expired bearer token: 401 with ASP.NET Web API's standard message.</summary>
    public static IResult Unauthorized() =>
        Results.Json(new { Message = "Authorization has been denied for this request." }, AsWritten, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>An exception that escaped into the response: 400 <c>{"ClassName":"…","Message":"…"}</c>.</summary>
    public static IResult Exception(Exception exception) =>
        Results.Json(new { ClassName = exception.GetType().FullName, Message = exception.Message }, AsWritten, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The token endpoint's OAuth error: <c>{"error":"invalid_client","error_description":"…"}</c>.</summary>
    public static IResult OAuth(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, AsWritten, statusCode: status);

    /// <summary>Hosted Halo's plain-text 429 (reference §3), with the configured number.</summary>
    public static IResult RateLimited(int limit) =>
        Results.Text($"Rate Limit Reached - {limit} Requests per rolling 5 minute window", "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
}

/// <summary>Thrown while preparing a write; carries the Halo-shaped response and aborts the whole batch.</summary>
public sealed class HaloRequestException : Exception
{
    public HaloRequestException(IResult result, string message)
        : base(message)
    {
        Result = result;
    }

    public IResult Result { get; }

    public static HaloRequestException Invalid(string message) => new(HaloErrors.Validation(message), message);

    public static HaloRequestException Missing(string message) => new(HaloErrors.NotFound(message), message);
}
