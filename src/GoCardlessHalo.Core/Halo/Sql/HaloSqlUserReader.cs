// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using GoCardlessHalo.Core.Sync;
using static GoCardlessHalo.Core.Sql.SqlReaderValues;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Streams users with their site, customer and custom field values in ONE query: USERS joined to SITE, AREA
    /// and the user's FieldData rows, ordered by user, so each user is yielded as soon as its rows are read and
    /// memory stays flat however many users there are.
    /// </summary>
    internal static class HaloSqlUserReader
    {
        private const int FirstLegacyOrdinal = 14;

        public static async IAsyncEnumerable<HaloUser> ReadAsync(
            SqlDatabase database,
            HaloSchema schema,
            HaloUserQuery query,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var catalog = await UserFieldCatalog.LoadAsync(database, schema, connection, null, cancellationToken).ConfigureAwait(false);
            UserField? link = null;
            if (query.LinkField != null)
            {
                link = catalog.Find(query.LinkField);
                if (link == null)
                {
                    // No such field: no user can be linked through it. Set-GcFieldMapping reports the missing field.
                    database.Log.Verbose("Halo SQL: no User custom field named '" + query.LinkField + "', so no user is linked through it.");
                    yield break;
                }
            }

            var legacy = catalog.ColumnFields;
            using var command = CreateCommand(database.Dialect, connection, schema, query, link, legacy);
            using var reader = await database.GuardAsync("reading users", () => command.ExecuteReaderAsync(cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            HaloUser? current = null;
            long users = 0;
            long values = 0;
            while (await database.GuardAsync("reading users", () => reader.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                var id = Int(reader, 0);
                if (current == null || current.Id != id)
                {
                    if (current != null && IsWanted(current, link, query.LinkValue))
                    {
                        yield return current;
                    }

                    current = MapUser(reader, id, legacy);
                    users++;
                    values += current.CustomFields.Count;
                }

                if (!reader.IsDBNull(11) && catalog.FindById(Int(reader, 11)) is { Storage: UserFieldStorage.FieldData } field)
                {
                    // Text fields keep their value in fdValueString; other types have a display text at least.
                    var value = Text(reader, 12) ?? Text(reader, 13);
                    if (value != null)
                    {
                        values += current.CustomFields.ContainsKey(field.Definition.Name) ? 0 : 1;
                        current.CustomFields[field.Definition.Name] = value;
                    }
                }
            }

            if (current != null && IsWanted(current, link, query.LinkValue))
            {
                yield return current;
            }

            database.LogDone("read " + users + " users with " + values + " custom field values" + Describe(query), watch);
        }

        private static DbCommand CreateCommand(SqlDialect dialect, DbConnection connection, HaloSchema schema, HaloUserQuery query, UserField? link, IReadOnlyList<UserField> legacy)
        {
            var slots = new Dictionary<string, string>
            {
                ["legacyColumns"] = dialect.TrailingColumns("u", legacy.Select(f => f.Column!)),
            };
            var template = HaloSqlTemplates.SelectUsers;
            if (link != null)
            {
                template = link.Storage == UserFieldStorage.FieldData ? HaloSqlTemplates.SelectUsersLinkedInFieldData : HaloSqlTemplates.SelectUsersLinkedInColumn;
                slots["linkColumn"] = link.Column == null ? string.Empty : dialect.QuoteIdentifier(link.Column);
            }

            var command = dialect.CreateCommand(connection, null, template, schema, slots);
            dialect.AddParameter(command, "@usage", SqlValueKind.Integer, HaloFieldDefinition.UserUsage);
            dialect.AddParameter(command, "@includeInactive", SqlValueKind.Integer, query.IncludeInactive ? 1 : 0);
            dialect.AddParameter(command, "@clientId", SqlValueKind.Integer, query.ClientId);
            dialect.AddParameter(command, "@siteId", SqlValueKind.Integer, query.SiteId);
            if (link != null)
            {
                dialect.AddParameter(command, "@linkFieldId", SqlValueKind.Integer, link.Definition.Id);
                // The value is matched by the link rule in IsWanted, not here: SQLite's UPPER folds only ASCII and SQL's
                // TRIM only spaces, so SQL would disagree with LinkValues on some values.
                dialect.AddParameter(command, "@linkValue", SqlValueKind.Text, null);
            }

            return command;
        }

        // SQL trims only spaces; the link rule (LinkValues) trims any white space, so the last word is said here.
        private static bool IsWanted(HaloUser user, UserField? link, string? linkValue) =>
            link is null || (LinkValues.Read(user, link.Definition.Name) is { } value && (linkValue is null || LinkValues.SameCustomer(value, linkValue)));

        private static HaloUser MapUser(DbDataReader reader, int id, IReadOnlyList<UserField> legacy)
        {
            var user = new HaloUser
            {
                Id = id,
                Name = Text(reader, 1) ?? string.Empty,
                FirstName = Text(reader, 2),
                Surname = Text(reader, 3),
                Email = Text(reader, 4),
                Phone = Text(reader, 5),
                SiteId = Int(reader, 6),
                SiteName = Text(reader, 7),
                ClientId = Int(reader, 8),
                ClientName = Text(reader, 9),
                Inactive = Int(reader, 10) != 0,
            };
            for (var i = 0; i < legacy.Count; i++)
            {
                var value = Text(reader, FirstLegacyOrdinal + i);
                if (value != null)
                {
                    user.CustomFields[legacy[i].Definition.Name] = value;
                }
            }

            return user;
        }

        private static string Describe(HaloUserQuery query)
        {
            var parts = new List<string>();
            if (query.ClientId != null)
            {
                parts.Add("client " + query.ClientId);
            }

            if (query.SiteId != null)
            {
                parts.Add("site " + query.SiteId);
            }

            if (query.LinkField != null)
            {
                parts.Add(query.LinkValue == null ? "linked through " + query.LinkField : query.LinkField + " = given value");
            }

            parts.Add(query.IncludeInactive ? "inactive included" : "active only");
            return " (" + string.Join(", ", parts) + ")";
        }
    }
}
