// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Validates one posted element and returns the change to apply, so a POST batch can check every element
/// before changing anything. No id (or 0) creates; a known id updates only the properties sent — except
/// <c>customfields</c>, which replaces the whole array (HaloAPI issues #13/#14). When seeding, an unknown id
/// creates the record with that id.
/// </summary>
public delegate Func<T> HaloWrite<T>(HaloState state, JsonObject body, bool seeding);

public static partial class HaloWrites
{
    public static Func<HaloClientRecord> Client(HaloState state, JsonObject body, bool seeding)
    {
        var client = Target(state.Clients, body, seeding, "customer", c => new HaloClientRecord { Id = c.Id, Name = c.Name, Inactive = c.Inactive });
        client.Name = HaloInput.Has(body, "name") ? HaloInput.String(body, "name") ?? string.Empty : client.Name;
        client.Inactive = HaloInput.Bool(body, "inactive", client.Inactive);
        Require(!string.IsNullOrWhiteSpace(client.Name), "A customer needs a name.");
        return () => state.Clients.Put(client);
    }

    public static Func<HaloSiteRecord> Site(HaloState state, JsonObject body, bool seeding)
    {
        var site = Target(state.Sites, body, seeding, "site", s => new HaloSiteRecord
        {
            Id = s.Id, Name = s.Name, ClientId = s.ClientId, IsInvoiceSite = s.IsInvoiceSite, Inactive = s.Inactive, PhoneNumber = s.PhoneNumber,
        });
        site.Name = HaloInput.Has(body, "name") ? HaloInput.String(body, "name") ?? string.Empty : site.Name;
        site.ClientId = HaloInput.Int(body, "client_id", site.ClientId);
        site.IsInvoiceSite = HaloInput.Bool(body, "isinvoicesite", site.IsInvoiceSite);
        site.Inactive = HaloInput.Bool(body, "inactive", site.Inactive);
        site.PhoneNumber = HaloInput.Has(body, "phonenumber") ? HaloInput.String(body, "phonenumber") : site.PhoneNumber;
        Require(!string.IsNullOrWhiteSpace(site.Name), "A site needs a name.");
        Require(state.Clients.Contains(site.ClientId), $"Customer {site.ClientId} does not exist; set client_id to an existing customer.");
        return () => state.Sites.Put(site);
    }

    public static Func<HaloUserRecord> User(HaloState state, JsonObject body, bool seeding) => User(state, body, seeding, CustomFieldsPost.Replace);

    /// <summary>A user; <paramref name="customFields"/> says whether a posted customfields array replaces or merges (U6).</summary>
    public static Func<HaloUserRecord> User(HaloState state, JsonObject body, bool seeding, CustomFieldsPost customFields)
    {
        var user = Target(state.Users, body, seeding, "user", u => new HaloUserRecord
        {
            Id = u.Id, Name = u.Name, FirstName = u.FirstName, Surname = u.Surname, EmailAddress = u.EmailAddress,
            PhoneNumber = u.PhoneNumber, MobileNumber = u.MobileNumber, Title = u.Title, Notes = u.Notes,
            SiteId = u.SiteId, Inactive = u.Inactive, CustomFields = new Dictionary<int, string?>(u.CustomFields),
        });
        user.Name = HaloInput.Has(body, "name") ? HaloInput.String(body, "name") ?? string.Empty : user.Name;
        user.FirstName = Optional(body, "firstname", user.FirstName);
        user.Surname = Optional(body, "surname", user.Surname);
        user.EmailAddress = Optional(body, "emailaddress", user.EmailAddress);
        user.PhoneNumber = Optional(body, "phonenumber", user.PhoneNumber);
        user.MobileNumber = Optional(body, "mobilenumber", user.MobileNumber);
        user.Title = Optional(body, "title", user.Title);
        user.Notes = Optional(body, "notes", user.Notes);
        user.SiteId = HaloInput.Int(body, "site_id", user.SiteId);
        user.Inactive = HaloInput.Bool(body, "inactive", user.Inactive);
        if (HaloInput.Has(body, "customfields"))
        {
            // The quirk (default): whatever array is posted becomes the user's whole set of values. The merge
            // variant changes only the values posted.
            var posted = CustomFieldValues(state, body["customfields"], HaloFieldUsage.User);
            if (customFields == CustomFieldsPost.Merge)
            {
                foreach (var pair in posted)
                {
                    user.CustomFields[pair.Key] = pair.Value;
                }
            }
            else
            {
                user.CustomFields = posted;
            }
        }

        if (string.IsNullOrWhiteSpace(user.Name))
        {
            user.Name = string.Join(" ", new[] { user.FirstName, user.Surname }.Where(p => !string.IsNullOrWhiteSpace(p)));
        }

        Require(!string.IsNullOrWhiteSpace(user.Name), "A user needs a name (or a firstname/surname).");
        Require(state.Sites.Contains(user.SiteId), $"Site {user.SiteId} does not exist; set site_id to an existing site.");
        return () => state.Users.Put(user);
    }

    /// <summary>The record to change: a copy of the existing one (so a failed batch changes nothing) or a new one.</summary>
    private static T Target<T>(HaloTable<T> table, JsonObject body, bool seeding, string what, Func<T, T> copy)
        where T : class, IHaloRecord, new()
    {
        var id = HaloInput.Int(body, "id");
        var existing = id > 0 ? table.Find(id) : null;
        if (seeding)
        {
            Require(existing is null, $"Two seeded {what} records have id {id}.");
            return new T { Id = Math.Max(id, 0) };
        }

        if (id > 0 && existing is null)
        {
            throw HaloRequestException.Missing($"No {what} has id {id}.");
        }

        return existing is null ? new T() : copy(existing);
    }

    private static string? Optional(JsonObject body, string name, string? current) =>
        HaloInput.Has(body, name) ? HaloInput.String(body, name) : current;

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw HaloRequestException.Invalid(message);
        }
    }

    private static Dictionary<int, string?> CustomFieldValues(HaloState state, JsonNode? array, int usage)
    {
        var values = new Dictionary<int, string?>();
        if (array is null)
        {
            return values;
        }

        Require(array is JsonArray, "'customfields' must be an array of {id, value}.");
        foreach (var element in array.AsArray())
        {
            Require(element is JsonObject, "Each 'customfields' element must be an object {id, value}.");
            var entry = element!.AsObject();
            var field = FindField(state, entry);
            Require(field.Usage == usage, $"Custom field {field.Id} ({field.Name}) does not belong to this entity (usage {field.Usage}).");
            values[field.Id] = HaloInput.Scalar(entry["value"]);
        }

        return values;
    }

    /// <summary>A customfields element names its field by FieldInfo id, or by name with or without the CF prefix.</summary>
    private static HaloFieldRecord FindField(HaloState state, JsonObject entry)
    {
        var id = HaloInput.Int(entry, "id");
        if (id > 0)
        {
            return state.Fields.Find(id) ?? throw HaloRequestException.Invalid($"Custom field {id} does not exist.");
        }

        var name = HaloInput.String(entry, "name") ?? string.Empty;
        return state.Fields.Rows.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
                                                     || string.Equals("CF" + f.Name, name, StringComparison.OrdinalIgnoreCase))
               ?? throw HaloRequestException.Invalid($"Custom field '{name}' does not exist.");
    }
}

/// <summary>FieldInfo usage codes (Halo's TableEnum) the emulator cares about.</summary>
public static class HaloFieldUsage
{
    public const int Ticket = 1;
    public const int Client = 2;
    public const int Site = 3;
    public const int User = 4;
}
