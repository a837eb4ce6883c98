// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// /halo/api/Client, /Site, /Users, /FieldInfo and /Control. Routing is case-insensitive, as Halo's is
/// (the sources mix /Users, /users and /fieldinfo).
/// </summary>
public static class HaloResourceEndpoints
{
    public static void MapHaloResources(this RouteGroupBuilder api)
    {
        api.MapGet("/Client", (HttpRequest r, HaloStore store, HaloSettings settings) => HaloResponses.List(
            r, store, settings, "clients",
            (s, q) => s.Clients.Rows.Where(c => HaloQuery.Wanted(q, c.Inactive) && HaloQuery.Matches(q, c.Name)),
            HaloRender.Client));
        api.MapGet("/Client/{id:int}", (int id, HaloStore store) => HaloResponses.One(store, "customer", id, s => s.Clients.Find(id), HaloRender.Client));
        api.MapPost("/Client", (HttpRequest r, HaloStore store) => HaloResponses.Post(r, store, HaloWrites.Client, HaloRender.Client));

        api.MapGet("/Site", (HttpRequest r, HaloStore store, HaloSettings settings) => HaloResponses.List(
            r, store, settings, "sites",
            (s, q) => s.Sites.Rows.Where(site => HaloQuery.Wanted(q, site.Inactive)
                                                 && (HaloQuery.Id(q, "client_id") is not { } client || site.ClientId == client)
                                                 && HaloQuery.Matches(q, site.Name)),
            (s, site) => HaloVariantAnswers.SiteListRow(s, site, settings.SiteListInvoiceFlag)));
        api.MapGet("/Site/{id:int}", (int id, HaloStore store) => HaloResponses.One(store, "site", id, s => s.Sites.Find(id), HaloRender.Site));
        api.MapPost("/Site", (HttpRequest r, HaloStore store) => HaloResponses.Post(r, store, HaloWrites.Site, HaloRender.Site));

        api.MapGet("/Users", (HttpRequest r, HaloStore store, HaloSettings settings) =>
        {
            var requested = RequestedFieldIds(r.Query);
            return HaloResponses.List(
                r, store, settings, "users",
                (s, q) => s.Users.Rows.Where(u => UserMatches(s, q, u)),
                (s, u) => HaloRender.User(s, u, HaloVariantAnswers.ListedUserFields(
                    settings.UserListCustomFields, requested is null ? null : UserFields(s).Where(f => requested.Contains(f.Id)).ToList())));
        });
        api.MapGet("/Users/{id:int}", (int id, HaloStore store) =>
            HaloResponses.One(store, "user", id, s => s.Users.Find(id), (s, u) => HaloRender.User(s, u, UserFields(s))));
        api.MapPost("/Users", (HttpRequest r, HaloStore store, HaloSettings settings) => HaloResponses.Post(
            r,
            store,
            (s, body, seeding) => HaloWrites.User(s, body, seeding, settings.CustomFieldsPost),
            (s, u) => HaloRender.User(s, u, UserFields(s)),
            saved => HaloVariantAnswers.UsersPosted(settings.UsersPostAnswer, saved)));
        api.MapDelete("/Users/{id:int}", (int id, HaloStore store) => HaloResponses.Delete(store, "user", id, s => s.Users.Remove(id)));

        // FieldInfo's list shape is not recorded in the reference; Halo's swagger types it as a plain array of
        // FieldInfo, so the emulator answers with a bare array and ignores paging parameters.
        api.MapGet("/FieldInfo", (HttpRequest r, HaloStore store, HaloSettings settings) =>
            HaloResponses.Json(store.Locked(s => HaloVariantAnswers.FieldRows(s, r.Query, settings.FieldInfoListing))));
        api.MapGet("/FieldInfo/{id:int}", (int id, HaloStore store) => HaloResponses.One(store, "custom field", id, s => s.Fields.Find(id), HaloRender.Field));
        api.MapPost("/FieldInfo", (HttpRequest r, HaloStore store) => HaloResponses.Post(r, store, HaloWrites.Field, HaloRender.Field));
        api.MapDelete("/FieldInfo/{id:int}", (int id, HaloStore store) => HaloResponses.Delete(store, "custom field", id, s =>
        {
            foreach (var user in s.Users.Rows)
            {
                user.CustomFields.Remove(id);
            }

            return s.Fields.Remove(id);
        }));

        // Halo's global settings (only the GoCardless ones here); one object, not a list.
        api.MapGet("/Control", (HaloControl control) => HaloResponses.Json(control.Snapshot()));
        api.MapGet("/Lookup", HaloLookups.List);

        // Any other /api resource: Halo's ASP.NET 404 body, not an empty answer (after the token check, as Halo's
        // authorisation runs first).
        api.Map("/{**path}", (HttpRequest r) => HaloErrors.NoResource(r));
    }

    private static bool UserMatches(HaloState state, IQueryCollection query, HaloUserRecord user) =>
        HaloQuery.Wanted(query, user.Inactive)
        && (HaloQuery.Id(query, "site_id") is not { } site || user.SiteId == site)
        && (HaloQuery.Id(query, "client_id") is not { } client || state.SiteOf(user)?.ClientId == client)
        && HaloQuery.Matches(query, user.Name, user.EmailAddress, user.FirstName + " " + user.Surname);

    private static List<HaloFieldRecord> UserFields(HaloState state) => state.Fields.Rows.Where(f => f.Usage == HaloFieldUsage.User).ToList();

    /// <summary>
    /// include_custom_fields: a comma-separated list of FieldInfo ids whose values a list should carry
    /// (Halo's swagger for GET /Users). Without it, list rows have no customfields at all.
    /// </summary>
    private static HashSet<int>? RequestedFieldIds(IQueryCollection query)
    {
        var raw = query["include_custom_fields"].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        return raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                  .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0)
                  .Where(id => id > 0)
                  .ToHashSet();
    }
}
