// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Reads Halo's own GoCardless settings from its database: Control4's rgocardlesscompanynamematching,
    /// rgocardlessdefaultsite and rgocardlessusesandbox, IntegrationFieldMapping's IFMfiid, IFMfiname, IFMThirdPartyName
    /// and IFMDontUpdate (ProvisionData's docs/schema.sql), and the integrator switch from MODULESETUP. Which mapping rows
    /// are GoCardless's (IFMmsid = a MODULESETUP row whose MSName mentions GoCardless) is an <b>inference</b>, as in
    /// <see cref="HaloSqlHealthProbe"/>. A missing table or column is a gap in the answer, never an error.
    /// </summary>
    internal static class HaloSqlGoCardlessSettings
    {
        private const string Control4 = "Control4";
        private const string Mappings = "IntegrationFieldMapping";
        private static readonly string[] ControlColumns = { "rgocardlessdefaultsite", "rgocardlesscompanynamematching", "rgocardlessusesandbox" };
        private static readonly string[] MappingColumns = { "IFMfiid", "IFMfiname", "IFMThirdPartyName", "IFMDontUpdate" };

        public static async Task<HaloGoCardlessSettings> ReadAsync(SqlDatabase database, ISqlNames names, CancellationToken cancellationToken)
        {
            var settings = new HaloGoCardlessSettings { Source = $"{Control4}, {Mappings}, {HaloNames.ModuleSetup} in {database.Location}" };
            var native = await HaloSqlHealthProbe.ReadNativeIntegratorAsync(database, cancellationToken).ConfigureAwait(false);
            settings.IntegratorEnabled = native.IsKnown ? native.Enabled : (bool?)null;
            if (!native.IsKnown)
            {
                settings.Gaps.Add(native.UnknownReason!);
            }

            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var control = await ReadRowsAsync(database, connection, names, Control4, ControlColumns, HaloSqlTemplates.SelectGoCardlessControl, settings, cancellationToken).ConfigureAwait(false);
            if (control?.FirstOrDefault() is { } row)
            {
                settings.DefaultSiteId = row.TryGetValue(ControlColumns[0], out var site) && site is not null ? int.Parse(site, System.Globalization.CultureInfo.InvariantCulture) : null;
                settings.CompanyNameMatching = Flag(row, ControlColumns[1]);
                settings.UseSandbox = Flag(row, ControlColumns[2]);
            }

            var mappings = native.IsKnown
                ? await ReadRowsAsync(database, connection, names, Mappings, MappingColumns, HaloSqlTemplates.SelectGoCardlessFieldMappings, settings, cancellationToken).ConfigureAwait(false)
                : null;
            foreach (var mapping in mappings ?? new List<Dictionary<string, string?>>())
            {
                settings.FieldMappings.Add(new HaloIntegrationFieldMapping
                {
                    HaloFieldId = mapping.TryGetValue("IFMfiid", out var id) && id is not null ? int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null,
                    HaloFieldName = mapping.TryGetValue("IFMfiname", out var name) ? name : null,
                    GoCardlessField = mapping.TryGetValue("IFMThirdPartyName", out var key) ? key : null,
                    DontUpdate = Flag(mapping, "IFMDontUpdate") ?? false,
                });
            }

            return settings;
        }

        // The rows of the columns the table has, by column name; null (with a gap recorded) when the table is missing.
        private static async Task<List<Dictionary<string, string?>>?> ReadRowsAsync(
            SqlDatabase database, DbConnection connection, ISqlNames names, string table, string[] wanted, SqlTemplate template, HaloGoCardlessSettings settings, CancellationToken cancellationToken)
        {
            var dialect = database.Dialect;
            var discovered = await database.GuardAsync("discovering " + table, () => dialect.ReadColumnsAsync(connection, table, cancellationToken), cancellationToken).ConfigureAwait(false);
            var present = wanted.Where(w => discovered.Any(c => string.Equals(c.Name, w, System.StringComparison.OrdinalIgnoreCase))).ToList();
            if (present.Count == 0)
            {
                settings.Gaps.Add($"The database has no {table} table (or none of {string.Join(", ", wanted)}): those settings were not read.");
                return null;
            }

            var slots = new Dictionary<string, string>
            {
                ["columns"] = dialect.ColumnList(present.Select(p => discovered.First(c => string.Equals(c.Name, p, System.StringComparison.OrdinalIgnoreCase)).Name)),
                ["table"] = dialect.QuoteTable(discovered[0].Table),
                ["moduleColumn"] = dialect.QuoteIdentifier("IFMmsid"),
                ["modules"] = dialect.QuoteTable(HaloNames.ModuleSetup),
                ["moduleId"] = dialect.QuoteIdentifier(HaloNames.ModuleId),
                ["moduleName"] = dialect.QuoteIdentifier(HaloNames.ModuleName),
            };
            using var command = dialect.CreateCommand(connection, null, template, names, slots);
            dialect.AddParameter(command, "@name", SqlValueKind.Text, "%GoCardless%", 100);
            var rows = new List<Dictionary<string, string?>>();
            await database.GuardAsync(
                "reading " + table,
                async () =>
                {
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(present.Select((column, i) => (column, SqlReaderValues.Text(reader, i))).ToDictionary(p => p.column, p => p.Item2, System.StringComparer.OrdinalIgnoreCase));
                    }

                    return rows.Count;
                },
                cancellationToken).ConfigureAwait(false);
            return rows;
        }

        private static bool? Flag(Dictionary<string, string?> row, string column) =>
            row.TryGetValue(column, out var value) && value is not null ? value == "1" || string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase) : null;
    }
}
