// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// GET /api/Lookup?lookupid=N: Halo's lookup lists, which clients read when they connect (HaloAPI's Connect-HaloAPI
/// loads the lookup types, lookupid 11: reference §2.6; Get-HaloLookup in homotechsual/HaloAPI
/// Public/Get/Get-HaloLookup.ps1 sends lookupid and matches entries by <c>name</c> and <c>id</c>).
/// Inferred: the answer is a bare array of <c>{id, lookupid, name}</c> (HaloAPI returns it unchanged, so its exact
/// shape is not recorded), the lists' contents are a small invented sample, and an unknown lookupid gives <c>[]</c>.
/// </summary>
public static class HaloLookups
{
    /// <summary>The lookup whose entries name the other lookups (HaloAPI reads it on connect).</summary>
    public const int LookupTypes = 11;

    private static readonly (int LookupId, int Id, string Name)[] Entries =
    {
        (LookupTypes, 1, "Priority"),
        (LookupTypes, 2, "Status"),
        (LookupTypes, 11, "LookupTypes"),
        (LookupTypes, 24, "Title"),
        (1, 1, "Critical"),
        (1, 2, "High"),
        (1, 3, "Medium"),
        (1, 4, "Low"),
        (2, 1, "New"),
        (2, 2, "In Progress"),
        (2, 9, "Closed"),
        (24, 1, "Mr"),
        (24, 2, "Mrs"),
        (24, 3, "Ms"),
        (24, 4, "Dr"),
    };

    public static IResult List(HttpRequest request)
    {
        var lookupId = int.TryParse(request.Query["lookupid"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var excludeZero = HaloQuery.Flag(request.Query, "exclude_zero");
        var rows = Entries.Where(e => (lookupId is null || e.LookupId == lookupId) && !(excludeZero && e.Id == 0))
                          .Select(e => (JsonNode)new JsonObject { ["id"] = e.Id, ["lookupid"] = e.LookupId, ["name"] = e.Name });
        return HaloResponses.Json(new JsonArray(rows.ToArray()));
    }
}
