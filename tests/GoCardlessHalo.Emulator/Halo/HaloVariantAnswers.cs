// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>How the variant switches (<see cref="HaloSettings"/>, README "Variants") change Halo's answers.</summary>
public static class HaloVariantAnswers
{
    /// <summary>The answer to a POST /api/Users that saved <paramref name="saved"/> (U1). One user is always answered as one object.</summary>
    public static IResult UsersPosted(UsersPostAnswer variant, IReadOnlyList<JsonNode> saved) => saved.Count == 1 ? HaloResponses.Saved(saved) : variant switch
    {
        UsersPostAnswer.FirstObject => HaloResponses.Json(saved[0]),
        UsersPostAnswer.LastObject => HaloResponses.Json(saved[^1]),
        UsersPostAnswer.EmptyBody => Results.Content(string.Empty, "application/json; charset=utf-8"),
        UsersPostAnswer.EmptyArray => HaloResponses.Json(new JsonArray()),
        _ => HaloResponses.Saved(saved),
    };

    /// <summary>
    /// GET /api/FieldInfo's rows (U2): <c>typeid=N</c> narrows to usage N (inferred: every public integration passes
    /// typeid, and Halo's TableEnum numbers the entities as usage does); without it, every row or, under
    /// <see cref="FieldInfoListing.UserFieldsNeedTypeId"/>, every row but the User ones.
    /// </summary>
    public static JsonArray FieldRows(HaloState state, IQueryCollection query, FieldInfoListing variant)
    {
        var typeId = int.TryParse(query["typeid"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
        var rows = state.Fields.Rows.Where(f => typeId is { } usage
            ? f.Usage == usage
            : variant != FieldInfoListing.UserFieldsNeedTypeId || f.Usage != HaloFieldUsage.User);
        return new JsonArray(rows.Select(f =>
        {
            var row = HaloRender.Field(state, f);
            if (variant == FieldInfoListing.WithoutUsage)
            {
                row.Remove("usage");
            }

            return (JsonNode)row;
        }).ToArray());
    }

    /// <summary>A GET /api/Site list row (U3): without isinvoicesite when the switch says list rows are reduced.</summary>
    public static JsonObject SiteListRow(HaloState state, HaloSiteRecord site, bool invoiceFlag)
    {
        var row = HaloRender.Site(state, site);
        if (!invoiceFlag)
        {
            row.Remove("isinvoicesite");
        }

        return row;
    }

    /// <summary>
    /// The custom fields a GET /api/Users list row carries (U5): null leaves customfields out, an empty list gives
    /// <c>customfields: []</c>.
    /// </summary>
    public static IReadOnlyCollection<HaloFieldRecord>? ListedUserFields(UserListCustomFields variant, IReadOnlyCollection<HaloFieldRecord>? requested) =>
        requested is null ? null : variant switch
        {
            UserListCustomFields.Ignored => null,
            UserListCustomFields.EmptyArray => new List<HaloFieldRecord>(),
            _ => requested,
        };
}
