// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// A GoCardless API error. Endpoints throw it; the gatekeeper filter turns it into the real envelope
/// <c>{"error":{"message","documentation_url","type","request_id","code","errors":[…]}}</c>.
/// </summary>
public sealed class GcError : Exception
{
    private const string DocsBase = "https://developer.gocardless.com/api-reference#";

    public GcError(int status, string type, string message, string documentationAnchor, params Dictionary<string, object>[] errors)
        : base(message)
    {
        Status = status;
        Type = type;
        DocumentationAnchor = documentationAnchor;
        Errors = errors;
    }

    public int Status { get; }

    public string Type { get; }

    public string DocumentationAnchor { get; }

    public IReadOnlyList<Dictionary<string, object>> Errors { get; }

    /// <summary>An invalid_api_usage error with a single reason, as most 4xx answers are.</summary>
    public static GcError Usage(int status, string reason, string message) =>
        new(status, "invalid_api_usage", message, reason, Reason(reason, message));

    // As in GoCardless's own client fixtures (gocardless-pro-java unauthorized_error.json, insufficient_permission.json).
    public static GcError Unauthorized() => Usage(401, "unauthorized", "Unauthorized");

    public static GcError Forbidden() => Usage(403, "insufficient_permissions", "Insufficient permissions");

    // The 404 bodies are not captured from the live API; they use the documented invalid_api_usage shape.
    public static GcError NotFound() => Usage(404, "resource_not_found", "Resource not found");

    public static GcError PathNotFound() => Usage(404, "path_not_found", "Path not found");

    public static GcError InvalidDocument() => Usage(400, "invalid_document_structure", "Invalid document structure");

    public static GcError InvalidType(string parameter, string message) =>
        new(422, "invalid_api_usage", "One of your parameters was incorrectly typed", "invalid_type",
            new Dictionary<string, object> { ["message"] = message, ["request_pointer"] = "/" + parameter });

    public static GcError InvalidFilters(string message) => Usage(400, "invalid_filters", message);

    public static GcError RateLimited() => Usage(429, "rate_limit_exceeded", "Rate limit exceeded");

    /// <summary>validation_failed (422) with one entry per bad field.</summary>
    public static GcError Validation(string resource, params (string Field, string Message)[] fields)
    {
        var errors = new Dictionary<string, object>[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            errors[i] = new Dictionary<string, object>
            {
                ["field"] = fields[i].Field,
                ["message"] = fields[i].Message,
                ["request_pointer"] = $"/{resource}/{fields[i].Field.Replace('.', '/')}",
            };
        }

        return new GcError(422, "validation_failed", "Validation failed", "validation_failed", errors);
    }

    /// <summary>invalid_state (422 for actions, 409 for conflicts) with one reason.</summary>
    public static GcError InvalidState(int status, string reason, string message, Dictionary<string, string>? links = null)
    {
        var error = Reason(reason, message);
        if (links is not null)
        {
            error["links"] = links;
        }

        return new GcError(status, "invalid_state", message, reason, error);
    }

    public static GcError IdempotentCreationConflict(string conflictingId) =>
        InvalidState(409, "idempotent_creation_conflict", "A resource has already been created with this idempotency key",
            new Dictionary<string, string> { ["conflicting_resource_id"] = conflictingId });

    /// <summary>The JSON result for this error, stamped with the request's id.</summary>
    public IResult ToResult(string requestId) => Results.Json(
        new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, object>
            {
                ["message"] = Message,
                ["documentation_url"] = DocsBase + DocumentationAnchor,
                ["type"] = Type,
                ["request_id"] = requestId,
                ["code"] = Status,
                ["errors"] = Errors,
            },
        },
        GcJson.Options,
        statusCode: Status);

    private static Dictionary<string, object> Reason(string reason, string message) =>
        new() { ["reason"] = reason, ["message"] = message };
}
