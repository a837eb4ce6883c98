// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Halo's paging rules (reference §2.2): with <c>pageinate=true</c>, <c>page_size</c> rows of page
/// <c>page_no</c> (1-based), silently capped at the server maximum whatever page_size says; without it,
/// page_size and page_no are ignored and the agent's default of 50 rows comes back (<c>count</c> changes
/// that number, within the same cap). Whether page_no then counts by the capped or the requested size is
/// not recorded (reference U4): <see cref="PageNumbering"/> chooses.
/// </summary>
public readonly record struct HaloPage(int Skip, int Take)
{
    public const int DefaultSize = 50;

    public static HaloPage From(IQueryCollection query, int maxPageSize, PageNumbering numbering = PageNumbering.CappedSize)
    {
        var cap = Math.Max(1, maxPageSize);
        if (!HaloQuery.Flag(query, "pageinate"))
        {
            return new HaloPage(0, Math.Min(Number(query, "count") ?? DefaultSize, cap));
        }

        var requested = Math.Max(1, Number(query, "page_size") ?? DefaultSize);
        var size = Math.Min(requested, cap);
        var page = Math.Max(1, Number(query, "page_no") ?? 1);
        var stride = numbering == PageNumbering.RequestedSize ? requested : size;
        return new HaloPage((int)Math.Min(int.MaxValue, (long)(page - 1) * stride), size);
    }

    private static int? Number(IQueryCollection query, string name) =>
        int.TryParse(query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}

/// <summary>Query-string helpers shared by the list endpoints.</summary>
public static class HaloQuery
{
    /// <summary>A boolean switch such as includeinactive=true (Halo's clients send true/True/1).</summary>
    public static bool Flag(IQueryCollection query, string name, bool fallback = false)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        return raw == "1" || bool.TryParse(raw, out var flag) && flag;
    }

    public static int? Id(IQueryCollection query, string name) =>
        int.TryParse(query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Active records always unless includeactive=false; inactive ones only with includeinactive=true.</summary>
    public static bool Wanted(IQueryCollection query, bool inactive) =>
        inactive ? Flag(query, "includeinactive") : Flag(query, "includeactive", fallback: true);

    /// <summary>Halo's search: a case-insensitive substring of any of the given values.</summary>
    public static bool Matches(IQueryCollection query, params string?[] values)
    {
        var search = query["search"].ToString().Trim();
        if (search.Length == 0)
        {
            return true;
        }

        foreach (var value in values)
        {
            if (value is not null && value.Contains(search, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
