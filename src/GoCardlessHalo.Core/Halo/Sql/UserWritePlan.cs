// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Checks a write batch before anything is written: new users need a site and a name, and every custom field
    /// named must exist. Problems are reported for the whole batch at once.
    /// </summary>
    internal static class UserWritePlan
    {
        /// <summary>The display name (uusername) for a new user (<see cref="HaloUserNames"/>); null for updates, which leave the name alone unless given.</summary>
        public static string? NameOf(HaloUserWrite user) => user.Id != null ? null : HaloUserNames.ForNewUser(user);

        public static void Validate(IReadOnlyList<HaloUserWrite> batch, IReadOnlyList<string?> names)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var user = batch[i] ?? throw HaloSqlErrors.InvalidUserWrite(i, "the entry is null");
                if (user.Id == null && user.SiteId == null)
                {
                    throw HaloSqlErrors.InvalidUserWrite(i, "a new user needs a site (SiteId)");
                }

                if (user.Id == null && names[i] == null)
                {
                    throw HaloSqlErrors.InvalidUserWrite(i, HaloUserNames.Missing);
                }
            }
        }

        /// <summary>Each user's custom field values, resolved to fields; fails listing every unknown field name.</summary>
        public static IReadOnlyList<IReadOnlyList<(UserField Field, string? Value)>> ResolveFields(IReadOnlyList<HaloUserWrite> batch, UserFieldCatalog catalog)
        {
            var unknown = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            var resolved = new List<IReadOnlyList<(UserField, string?)>>(batch.Count);
            foreach (var user in batch)
            {
                var values = new List<(UserField, string?)>();
                foreach (var pair in user.CustomFields ?? new Dictionary<string, string?>())
                {
                    var field = catalog.Find(pair.Key);
                    if (field == null)
                    {
                        unknown.Add(pair.Key);
                    }
                    else
                    {
                        values.Add((field, pair.Value));
                    }
                }

                resolved.Add(values);
            }

            if (unknown.Count > 0)
            {
                throw HaloSqlErrors.FieldsMissing(unknown);
            }

            return resolved;
        }
    }
}
