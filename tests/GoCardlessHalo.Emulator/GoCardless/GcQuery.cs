// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// Reads list parameters. ASP.NET Core decodes query keys, so <c>created_at[gt]</c> and
/// <c>created_at%5Bgt%5D</c> arrive as the same key.
/// </summary>
public static class GcQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Cursors, limit and created_at bounds; a cursor must name an item of <paramref name="table"/>.</summary>
    public static PageRequest Page<T>(HttpRequest request, ResourceTable<T> table) where T : class, IGcResource
    {
        var limit = DefaultLimit;
        if (Single(request, "limit") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit))
            {
                throw GcError.InvalidType("limit", "limit must be an integer");
            }

            if (limit < 1 || limit > MaxLimit)
            {
                // Status and reason not verified against the live API (its documentation only gives the 500 maximum).
                throw GcError.Usage(400, "invalid_limit", $"limit must be between 1 and {MaxLimit}");
            }
        }

        return new PageRequest
        {
            Limit = limit,
            After = Cursor(request, "after", table),
            Before = Cursor(request, "before", table),
            CreatedGt = Timestamp(request, "created_at[gt]"),
            CreatedGte = Timestamp(request, "created_at[gte]"),
            CreatedLt = Timestamp(request, "created_at[lt]"),
            CreatedLte = Timestamp(request, "created_at[lte]"),
        };
    }

    /// <summary>A single-valued parameter, or null when absent or empty.</summary>
    public static string? Single(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A comma-separated list parameter (mandate status and scheme take several values).</summary>
    public static string[]? List(HttpRequest request, string name) =>
        Single(request, name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Cursor<T>(HttpRequest request, string name, ResourceTable<T> table) where T : class, IGcResource
    {
        var id = Single(request, name);
        if (id is not null && table.PositionOf(id) < 0)
        {
            // Not verified against the live API: how it answers a cursor that names no resource of the list.
            throw GcError.Usage(400, "invalid_cursor", $"The {name} cursor {id} is not the ID of a resource in this list");
        }

        return id;
    }

    private static DateTimeOffset? Timestamp(HttpRequest request, string name)
    {
        var text = Single(request, name);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw GcError.InvalidType(name, $"{name} must be an ISO 8601 date-time");
        }

        return value.ToUniversalTime();
    }

    /// <summary>True when <paramref name="value"/> is one of the comma-listed <paramref name="allowed"/> values (or there is no filter).</summary>
    public static bool Allows(string[]? allowed, string? value) => allowed is null || allowed.Contains(value, StringComparer.Ordinal);
}
