// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static GoCardlessHalo.Core.Halo.Sql.HaloNames;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Halo's tables as this database has them. Halo's schema differs between versions (compare docs/schema.sql of https://github.com/provisiondata/ProvisionData.HaloPSA.ApiClient with https://kb.dtctoday.com/books/halopsa-database-schema), so the
    /// module checks what it needs when it opens and learns which NOT NULL columns it must fill on insert.
    /// </summary>
    internal sealed class HaloSchema : ISqlNames
    {
        private static readonly (string Table, string[] Columns)[] Required =
        {
            (Area, new[] { AreaId, AreaName, AreaInactive }),
            (Site, new[] { SiteId, SiteName, SiteArea, SiteIsInvoice, SiteInactive }),
            (Users, new[] { UserId, UserSite, UserName, UserFirstName, UserLastName, UserEmail, UserPhone, UserInactive }),
            (FieldInfo, new[] { FieldId, FieldName, FieldLabel, FieldType, FieldUsage, FieldStoreInFieldData }),
            (FieldData, new[] { DataId, DataUsage, DataFieldId, DataEntityId, DataValue, DataDisplay, DataLastUpdated }),
        };

        // The module inserts rows only into these; their NOT NULL columns must all be fillable.
        private static readonly string[] WrittenTables = { Users, FieldInfo, FieldData };

        private readonly Dictionary<string, DiscoveredTable> tables;

        private HaloSchema(Dictionary<string, DiscoveredTable> tables)
        {
            this.tables = tables;
        }

        public DiscoveredTable this[string table] => tables[table];

        /// <summary>Reads the columns of Halo's tables and fails with one error listing everything missing.</summary>
        public static async Task<HaloSchema> DiscoverAsync(SqlDialect dialect, DbConnection connection, CancellationToken cancellationToken)
        {
            var tables = new Dictionary<string, DiscoveredTable>(StringComparer.OrdinalIgnoreCase);
            var missing = new List<string>();
            foreach (var (table, columns) in Required)
            {
                var discovered = await dialect.ReadColumnsAsync(connection, table, cancellationToken).ConfigureAwait(false);
                if (discovered.Count == 0)
                {
                    missing.Add("table " + table);
                    continue;
                }

                var found = new DiscoveredTable(discovered[0].Table, discovered);
                tables[table] = found;
                missing.AddRange(columns.Where(c => !found.Has(c)).Select(c => "column " + table + "." + c));
            }

            if (missing.Count > 0)
            {
                throw HaloSqlErrors.MissingSchema(dialect.Location, missing);
            }

            var unsupported = WrittenTables
                .SelectMany(t => tables[t].Columns)
                .Where(c => c.NeedsSafeValue && c.Kind == SqlValueKind.Unsupported)
                .Select(c => c + " (NOT NULL without default, of type " + c.DataType + ")")
                .ToList();

            // Halo allocates Uid and FIid itself and lets the database number FieldData (no IDENTITY column in docs/schema.sql of https://github.com/provisiondata/ProvisionData.HaloPSA.ApiClient); a database
            // that does otherwise is not one the module's inserts would be right for.
            foreach (var (table, column, identity) in new[] { (Users, UserId, false), (FieldInfo, FieldId, false), (FieldData, DataId, true) })
            {
                var found = tables[table].Get(column);
                if (found.IsIdentity != identity)
                {
                    unsupported.Add(found + (identity ? " (is not an IDENTITY column, as Halo's is)" : " (is an IDENTITY column; Halo allocates these ids itself)"));
                }
            }

            if (unsupported.Count > 0)
            {
                throw HaloSqlErrors.UnsupportedColumns(dialect.Location, unsupported);
            }

            return new HaloSchema(tables);
        }

        /// <summary>
        /// The columns the module fills with safe values, per table it inserts into (for the verbose log, so an
        /// administrator sees what the module writes beyond the columns it sets itself).
        /// </summary>
        public string DescribeSafeValueColumns() => string.Join(
            "; ",
            WrittenTables.Select(t =>
            {
                var own = Required.Single(r => r.Table == t).Columns.Concat(new[] { UserCreated, UserLastUpdate, FieldNewStorage });
                return t + ": " + string.Join(", ", tables[t].SafeValueColumns(own).Select(c => c.Name).DefaultIfEmpty("none"));
            }));

        string ISqlNames.Table(string table) => tables.TryGetValue(table, out var found) ? found.Name : table;

        string ISqlNames.Column(string table, string column) =>
            tables.TryGetValue(table, out var found) ? found.Find(column)?.Name ?? column : column;
    }
}
