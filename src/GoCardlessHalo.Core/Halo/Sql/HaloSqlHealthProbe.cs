// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static GoCardlessHalo.Core.Halo.Sql.HaloNames;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// The health probes of the SQL target (see <see cref="IHaloHealthProbe"/>): one row of each Halo table the sync
    /// reads, and Halo's own integrator settings for GoCardless from MODULESETUP.
    /// </summary>
    /// <remarks>
    /// Which MODULESETUP row belongs to Halo's GoCardless integration is an inference: the reference records the
    /// table's columns (MSid, MSName, MSHaloIntegratorEnabled, MSHaloIntegratorLastSync, MSHaloIntegratorLastError)
    /// but not GoCardless's module id, so rows whose MSName mentions GoCardless are taken to be it. A database
    /// without the table or those columns gives an "unknown" answer, never an error.
    /// </remarks>
    internal static class HaloSqlHealthProbe
    {
        private const string NamePattern = "%GoCardless%";
        private static readonly string[] ReadTables = { Area, Site, Users, FieldInfo, FieldData };
        private static readonly string[] RequiredModuleColumns = { ModuleId, ModuleName, ModuleIntegratorEnabled };
        private static readonly string[] OptionalModuleColumns = { ModuleIntegratorLastSync, ModuleIntegratorLastError };

        /// <summary>Selects one row from each table, so a missing SELECT permission fails here and not mid-sync.</summary>
        public static async Task<string> CheckReadAccessAsync(SqlDatabase database, ISqlNames names, CancellationToken cancellationToken)
        {
            var dialect = database.Dialect;
            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in ReadTables)
            {
                var slots = new Dictionary<string, string> { ["table"] = dialect.QuoteTable(names.Table(table)) };
                using var command = dialect.CreateCommand(connection, null, HaloSqlTemplates.SelectFirstRow, names, slots);
                await database.GuardAsync("reading " + table, () => command.ExecuteScalarAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            return "the login can read " + string.Join(", ", ReadTables);
        }

        public static async Task<HaloNativeIntegrator> ReadNativeIntegratorAsync(SqlDatabase database, CancellationToken cancellationToken)
        {
            var dialect = database.Dialect;
            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var columns = await database.GuardAsync(
                "discovering " + ModuleSetup,
                () => dialect.ReadColumnsAsync(connection, ModuleSetup, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (columns.Count == 0)
            {
                return HaloNativeIntegrator.Unknown(
                    ModuleSetup,
                    $"The database at {database.Location} has no {ModuleSetup} table (where Halo keeps its own integrator's settings), so it cannot be told whether Halo's own GoCardless integration syncs too. Check Configuration > Integrations > GoCardless in Halo.");
            }

            var table = new DiscoveredTable(columns[0].Table, columns);
            var missing = RequiredModuleColumns.Where(c => !table.Has(c)).ToList();
            if (missing.Count > 0)
            {
                return HaloNativeIntegrator.Unknown(
                    ModuleSetup,
                    $"{ModuleSetup} in {database.Location} has no column {string.Join(", ", missing)}, so this Halo version keeps its integrator settings elsewhere and it cannot be told whether Halo's own GoCardless integration syncs too. Check Configuration > Integrations > GoCardless in Halo.");
            }

            var rows = await ReadModulesAsync(database, connection, table, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return HaloNativeIntegrator.Known(false, ModuleSetup + ": no row whose MSName mentions GoCardless", null, null);
            }

            var enabled = rows.Where(r => r.Enabled).ToList();
            var shown = enabled.Count > 0 ? enabled : rows;
            return HaloNativeIntegrator.Known(
                enabled.Count > 0,
                ModuleSetup + " " + string.Join(", ", shown.Select(r => "MSid " + r.Id.ToString(CultureInfo.InvariantCulture) + " '" + r.Name + "'")),
                shown.Select(r => r.LastSync).FirstOrDefault(v => v is not null),
                shown.Select(r => r.LastError).FirstOrDefault(v => v is not null));
        }

        private static async Task<List<ModuleRow>> ReadModulesAsync(SqlDatabase database, DbConnection connection, DiscoveredTable table, CancellationToken cancellationToken)
        {
            var dialect = database.Dialect;
            var optional = OptionalModuleColumns.Where(table.Has).ToList();
            var slots = new Dictionary<string, string> { ["optionalColumns"] = dialect.TrailingColumns("m", optional.Select(c => table.Get(c).Name)) };
            using var command = dialect.CreateCommand(connection, null, HaloSqlTemplates.SelectModulesNamed, new DiscoveredTableNames(table), slots);
            dialect.AddParameter(command, "@name", SqlValueKind.Text, NamePattern, 100);
            var lastSyncAt = optional.IndexOf(ModuleIntegratorLastSync);
            var lastErrorAt = optional.IndexOf(ModuleIntegratorLastError);
            var rows = new List<ModuleRow>();
            await database.GuardAsync(
                "reading " + ModuleSetup,
                async () =>
                {
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(new ModuleRow(
                            SqlReaderValues.Int(reader, 0),
                            SqlReaderValues.Text(reader, 1) ?? string.Empty,
                            SqlReaderValues.Int(reader, 2) != 0,
                            lastSyncAt < 0 ? null : Text(reader, 3 + lastSyncAt),
                            lastErrorAt < 0 ? null : Text(reader, 3 + lastErrorAt)));
                    }

                    return rows.Count;
                },
                cancellationToken).ConfigureAwait(false);
            return rows;
        }

        // SQL Server hands back a DateTime for datetime columns, SQLite the stored text; show both the same way.
        private static string? Text(DbDataReader reader, int ordinal) =>
            !reader.IsDBNull(ordinal) && reader.GetValue(ordinal) is DateTime time
                ? time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : SqlReaderValues.Text(reader, ordinal);

        private sealed record ModuleRow(int Id, string Name, bool Enabled, string? LastSync, string? LastError);

        /// <summary>Names as the database spells them, for a table the schema discovery does not cover.</summary>
        private sealed class DiscoveredTableNames : ISqlNames
        {
            private readonly DiscoveredTable table;

            public DiscoveredTableNames(DiscoveredTable table)
            {
                this.table = table;
            }

            public string Table(string name) => string.Equals(name, ModuleSetup, StringComparison.OrdinalIgnoreCase) ? table.Name : name;

            public string Column(string tableName, string column) => table.Find(column)?.Name ?? column;
        }
    }
}
