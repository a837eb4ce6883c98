// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Body of POST /__admin/halo/settings; absent values stay as they are. Variant names are text (e.g.
/// <c>"usersPostAnswer":"FirstObject"</c>) so a wrong one gets a 400 listing the valid names.
/// </summary>
public sealed record HaloSettingsRequest(
    int? RateLimitPer5Minutes,
    int? TokenLifetimeSeconds,
    int? MaxPageSize,
    bool? Root,
    string? UsersPostAnswer,
    string? FieldInfoListing,
    bool? SiteListInvoiceFlag,
    string? PageNumbering,
    string? UserListCustomFields,
    string? CustomFieldsPost);

/// <summary>Applies a <see cref="HaloSettingsRequest"/>: all or nothing.</summary>
public static class HaloSettingsEndpoint
{
    public static IResult Apply(HaloSettingsRequest request, HaloSettings settings)
    {
        var problems = new List<string>();
        var usersPost = Parse(request.UsersPostAnswer, "usersPostAnswer", settings.UsersPostAnswer, problems);
        var fieldInfo = Parse(request.FieldInfoListing, "fieldInfoListing", settings.FieldInfoListing, problems);
        var paging = Parse(request.PageNumbering, "pageNumbering", settings.PageNumbering, problems);
        var userFields = Parse(request.UserListCustomFields, "userListCustomFields", settings.UserListCustomFields, problems);
        var customFields = Parse(request.CustomFieldsPost, "customFieldsPost", settings.CustomFieldsPost, problems);
        if (request.MaxPageSize is < 1)
        {
            problems.Add("maxPageSize must be at least 1.");
        }

        if (problems.Count > 0)
        {
            return HaloErrors.Validation(string.Join(" ", problems));
        }

        settings.RateLimitPer5Minutes = request.RateLimitPer5Minutes ?? settings.RateLimitPer5Minutes;
        settings.TokenLifetimeSeconds = request.TokenLifetimeSeconds ?? settings.TokenLifetimeSeconds;
        settings.MaxPageSize = request.MaxPageSize ?? settings.MaxPageSize;
        settings.Root = request.Root ?? settings.Root;
        settings.SiteListInvoiceFlag = request.SiteListInvoiceFlag ?? settings.SiteListInvoiceFlag;
        settings.UsersPostAnswer = usersPost;
        settings.FieldInfoListing = fieldInfo;
        settings.PageNumbering = paging;
        settings.UserListCustomFields = userFields;
        settings.CustomFieldsPost = customFields;
        return Results.Json(Snapshot(settings));
    }

    /// <summary>The settings in force, variant values by name.</summary>
    public static object Snapshot(HaloSettings s) => new
    {
        s.RateLimitPer5Minutes,
        s.TokenLifetimeSeconds,
        s.MaxPageSize,
        s.Root,
        UsersPostAnswer = s.UsersPostAnswer.ToString(),
        FieldInfoListing = s.FieldInfoListing.ToString(),
        s.SiteListInvoiceFlag,
        PageNumbering = s.PageNumbering.ToString(),
        UserListCustomFields = s.UserListCustomFields.ToString(),
        CustomFieldsPost = s.CustomFieldsPost.ToString(),
    };

    private static T Parse<T>(string? text, string name, T current, List<string> problems)
        where T : struct, System.Enum =>
        text is null ? current : HaloVariantNames.TryParse<T>(name, text, problems, out var value) ? value : current;
}
