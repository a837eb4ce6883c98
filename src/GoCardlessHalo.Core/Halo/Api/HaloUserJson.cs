// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>One element of a POST /api/Users array.</summary>
    internal static class HaloUserJson
    {
        /// <summary>
        /// An update (id set) carries only the values given, since Halo changes only the properties sent; a
        /// create carries everything given. <paramref name="customFields"/> (by FieldInfo id) is posted whole,
        /// because Halo replaces the user's array with it.
        /// </summary>
        public static JsonObject Build(HaloUserWrite write, IReadOnlyDictionary<int, string?>? customFields)
        {
            var json = new JsonObject();
            if (write.Id is { } id)
            {
                json["id"] = id;
            }

            // Halo shows users by their display name: one rule for every target (HaloUserNames).
            var name = write.Id is null ? HaloUserNames.ForNewUser(write) : write.Name;

            Set(json, "name", name);
            Set(json, "firstname", write.FirstName);
            Set(json, "surname", write.Surname);
            Set(json, "emailaddress", write.Email);
            Set(json, "phonenumber", write.Phone);
            if (write.SiteId is { } siteId)
            {
                json["site_id"] = siteId;
            }

            if (customFields is not null)
            {
                json["customfields"] = new JsonArray(customFields
                    .Select(pair => (JsonNode)new JsonObject { ["id"] = pair.Key, ["value"] = pair.Value })
                    .ToArray());
            }

            return json;
        }

        private static void Set(JsonObject json, string name, string? value)
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }
    }
}
