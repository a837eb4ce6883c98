// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Text.Json;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>Halo API JSON to the target-neutral models.</summary>
    internal static class HaloApiMapper
    {
        public static HaloClient Client(JsonElement json) => new HaloClient
        {
            Id = HaloJson.Int(json, "id"),
            Name = HaloJson.String(json, "name") ?? string.Empty,
            Inactive = HaloJson.Bool(json, "inactive"),
        };

        public static HaloSite Site(JsonElement json) => new HaloSite
        {
            Id = HaloJson.Int(json, "id"),
            Name = HaloJson.String(json, "name") ?? string.Empty,
            ClientId = HaloJson.Int(json, "client_id"),
            ClientName = HaloJson.String(json, "client_name") ?? string.Empty,
            IsInvoiceSite = HaloJson.Bool(json, "isinvoicesite"),
            Inactive = HaloJson.Bool(json, "inactive"),
        };

        public static HaloFieldDefinition Field(JsonElement json) => new HaloFieldDefinition
        {
            Id = HaloJson.Int(json, "id"),
            Name = HaloJson.String(json, "name") ?? string.Empty,
            Label = HaloJson.String(json, "label"),
            Type = HaloJson.Int(json, "type"),
            Usage = HaloJson.Int(json, "usage"),
        };

        /// <summary>
        /// A user. Custom field values are keyed by the field's FieldInfo name (the API shows them as
        /// "CF" + name; the id is what ties a value to its definition). Only fields with a value are listed.
        /// </summary>
        public static HaloUser User(JsonElement json, IReadOnlyDictionary<int, string?>? values, IReadOnlyDictionary<int, HaloFieldDefinition> fieldsById)
        {
            var user = new HaloUser
            {
                Id = HaloJson.Int(json, "id"),
                Name = HaloJson.String(json, "name") ?? string.Empty,
                FirstName = HaloJson.String(json, "firstname"),
                Surname = HaloJson.String(json, "surname"),
                Email = HaloJson.String(json, "emailaddress"),
                Phone = HaloJson.String(json, "phonenumber"),
                SiteId = HaloJson.Int(json, "site_id"),
                SiteName = HaloJson.String(json, "site_name"),
                ClientId = HaloJson.Int(json, "client_id"),
                ClientName = HaloJson.String(json, "client_name"),
                Inactive = HaloJson.Bool(json, "inactive"),
            };
            if (values is not null)
            {
                foreach (var pair in values)
                {
                    if (!string.IsNullOrEmpty(pair.Value) && fieldsById.TryGetValue(pair.Key, out var field))
                    {
                        user.CustomFields[field.Name] = pair.Value;
                    }
                }
            }

            return user;
        }

        /// <summary>
        /// The user's custom field values by FieldInfo id, or null when the JSON has no customfields array
        /// at all (a list read without include_custom_fields) — which is not the same as "no values".
        /// </summary>
        public static Dictionary<int, string?>? CustomFieldValues(JsonElement user)
        {
            if (!(HaloJson.Property(user, "customfields") is { ValueKind: JsonValueKind.Array } array))
            {
                return null;
            }

            var values = new Dictionary<int, string?>();
            foreach (var entry in array.EnumerateArray())
            {
                var id = HaloJson.Int(entry, "id");
                if (id > 0)
                {
                    values[id] = Value(entry);
                }
            }

            return values;
        }

        /// <summary>The saved records of a POST: Halo answers one object for one record, an array for several.</summary>
        public static IReadOnlyList<JsonElement> Saved(JsonElement root)
        {
            var saved = new List<JsonElement>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in root.EnumerateArray())
                {
                    saved.Add(element);
                }
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                saved.Add(root);
            }

            return saved;
        }

        private static string? Value(JsonElement entry)
        {
            if (!(HaloJson.Property(entry, "value") is { } value))
            {
                return null;
            }

            // Selection fields can hold structured values; their display text is what a person would read.
            return value.ValueKind == JsonValueKind.Object || value.ValueKind == JsonValueKind.Array ? HaloJson.String(entry, "display") : HaloJson.Text(value);
        }
    }
}
