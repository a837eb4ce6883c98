// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Turns emulated records into Halo's API JSON (property names as in Halo's swagger).</summary>
public static class HaloRender
{
    public static JsonObject Client(HaloState state, HaloClientRecord client)
    {
        var main = state.MainSiteOf(client.Id);
        return new JsonObject
        {
            ["id"] = client.Id,
            ["name"] = client.Name,
            ["inactive"] = client.Inactive,
            ["main_site_id"] = main?.Id ?? 0,
            ["main_site_name"] = main?.Name ?? string.Empty,
        };
    }

    public static JsonObject Site(HaloState state, HaloSiteRecord site)
    {
        var client = state.ClientOf(site);
        return new JsonObject
        {
            ["id"] = site.Id,
            ["name"] = site.Name,
            ["client_id"] = site.ClientId,
            ["client_name"] = client?.Name ?? string.Empty,
            ["clientsite_name"] = (client?.Name ?? string.Empty) + "/" + site.Name,
            ["isinvoicesite"] = site.IsInvoiceSite,
            ["inactive"] = site.Inactive,
            ["phonenumber"] = site.PhoneNumber,
        };
    }

    /// <summary>
    /// A user. <paramref name="fields"/> are the custom fields to include: none in a plain list (Halo's lists
    /// leave customfields out unless include_custom_fields names them), every User field for GET by id.
    /// site_id is a number that swagger types as double; it is written as an integer-valued number.
    /// </summary>
    public static JsonObject User(HaloState state, HaloUserRecord user, IReadOnlyCollection<HaloFieldRecord>? fields)
    {
        var site = state.SiteOf(user);
        var client = site is null ? null : state.ClientOf(site);
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["name"] = user.Name,
            ["firstname"] = user.FirstName,
            ["surname"] = user.Surname,
            ["emailaddress"] = user.EmailAddress,
            ["phonenumber"] = user.PhoneNumber,
            ["mobilenumber"] = user.MobileNumber,
            ["title"] = user.Title,
            ["notes"] = user.Notes,
            ["site_id"] = user.SiteId,
            ["site_id_int"] = user.SiteId,
            ["site_name"] = site?.Name ?? string.Empty,
            ["client_id"] = client?.Id ?? 0,
            ["client_name"] = client?.Name ?? string.Empty,
            ["inactive"] = user.Inactive,
        };
        if (fields is not null)
        {
            json["customfields"] = new JsonArray(fields.Select(f => (JsonNode)CustomField(f, user.CustomFields.GetValueOrDefault(f.Id))).ToArray());
        }

        return json;
    }

    /// <summary>One element of an entity's customfields array; the name carries Halo's "CF" prefix.</summary>
    public static JsonObject CustomField(HaloFieldRecord field, string? value) => new()
    {
        ["id"] = field.Id,
        ["name"] = "CF" + field.Name,
        ["label"] = field.Label ?? field.Name,
        ["type"] = field.Type,
        ["inputtype"] = field.InputType,
        ["usage"] = field.Usage,
        ["value"] = value,
        ["display"] = value ?? string.Empty,
    };

    public static JsonObject Field(HaloState state, HaloFieldRecord field) => new()
    {
        ["id"] = field.Id,
        ["name"] = field.Name,
        ["label"] = field.Label ?? field.Name,
        ["type"] = field.Type,
        ["inputtype"] = field.InputType,
        ["usage"] = field.Usage,
    };
}
