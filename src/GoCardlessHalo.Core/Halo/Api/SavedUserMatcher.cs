// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Ties the users in Halo's answer to a POST /api/Users to the writes posted, never by position: nobody has
    /// published what Halo answers to a POST of several users (Halo's API description types the answer as one
    /// <c>Users</c> object, reference halo.md), so the answer may be an ordered array, one object, or nothing.
    /// An update is known by its id (a 200 means Halo processed the POST; posting the same values again is
    /// harmless). A create is known by the saved user whose custom field values hold every value posted for it
    /// (the importer always posts the GoCardless link, unique per customer) — when those values are shared by
    /// several saved users, also by its site, name and email — or, when it has none, by its site, name and email, if
    /// no other create shares them; a lone create answered by a lone
    /// user without custom fields is that user. Anything else stays unknown, for the caller to read back.
    /// </summary>
    internal static class SavedUserMatcher
    {
        /// <summary>Results by the write's index in <paramref name="writes"/>; missing indexes are unknown.</summary>
        public static Dictionary<int, HaloUserWriteResult> Match(
            IReadOnlyList<HaloUserWrite> writes,
            IReadOnlyList<Dictionary<int, string?>?> posted,
            IReadOnlyList<JsonElement> saved)
        {
            var known = new Dictionary<int, HaloUserWriteResult>();
            var updateIds = new HashSet<int>(writes.Where(w => w.Id is not null).Select(w => w.Id!.Value));
            var candidates = saved
                .Select(json => (Id: HaloJson.Int(json, "id"), Values: HaloApiMapper.CustomFieldValues(json), Json: json))
                .Where(s => s.Id > 0 && !updateIds.Contains(s.Id))
                .ToList();
            var creates = new List<int>();
            for (var i = 0; i < writes.Count; i++)
            {
                if (writes[i].Id is { } id)
                {
                    known[i] = new HaloUserWriteResult(id, created: false);
                }
                else
                {
                    creates.Add(i);
                }
            }

            var taken = new HashSet<int>();
            foreach (var i in creates)
            {
                var key = (posted[i] ?? new Dictionary<int, string?>()).Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToList();
                var matches = key.Count == 0
                    ? candidates.Where(c => SameProperties(c.Json, writes[i])).Select(c => c.Id).Distinct().ToList()
                    : candidates.Where(c => c.Values is not null && key.All(p => Same(c.Values, p.Key, p.Value))).Select(c => c.Id).Distinct().ToList();
                if (matches.Count > 1)
                {
                    // Values several creates share (a department, say) do not tell them apart; their site, name and
                    // email may.
                    matches = candidates.Where(c => matches.Contains(c.Id) && SameProperties(c.Json, writes[i])).Select(c => c.Id).Distinct().ToList();
                }

                if (matches.Count == 1 && taken.Add(matches[0]))
                {
                    known[i] = new HaloUserWriteResult(matches[0], created: true);
                }
            }

            if (creates.Count == 1 && !known.ContainsKey(creates[0]) && candidates.Count == 1 && candidates[0].Values is null)
            {
                known[creates[0]] = new HaloUserWriteResult(candidates[0].Id, created: true);
            }

            return known;
        }

        // A create without custom fields (not one the importer makes) is known by its site, name and email.
        private static bool SameProperties(JsonElement saved, HaloUserWrite write) =>
            HaloJson.Int(saved, "site_id") == write.SiteId
            && string.Equals(HaloJson.String(saved, "name"), write.Name, StringComparison.Ordinal)
            && string.Equals(HaloJson.String(saved, "emailaddress"), write.Email, StringComparison.OrdinalIgnoreCase);

        private static bool Same(IReadOnlyDictionary<int, string?> values, int fieldId, string? expected) =>
            values.TryGetValue(fieldId, out var actual) && string.Equals(actual?.Trim(), expected?.Trim(), StringComparison.Ordinal);
    }
}
