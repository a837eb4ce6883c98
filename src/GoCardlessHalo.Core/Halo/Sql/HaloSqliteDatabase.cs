// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using static GoCardlessHalo.Core.Halo.Sql.HaloNames;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// The embedded target: a SQLite file shaped like Halo's database (same tables, columns, types and NOT NULL
    /// defaults), which a new user can try the module on without a Halo, and which the demo uses.
    /// </summary>
    public static class HaloSqliteDatabase
    {
        /// <summary>
        /// Creates the database file (and its folder) with Halo's tables, or adds whatever tables are missing to an
        /// existing file; never touches existing rows. Returns the options to open it with.
        /// </summary>
        public static async Task<SqlOptions> CreateAsync(string path, CancellationToken cancellationToken, IEngineLog? log = null)
        {
            var options = SqlOptions.ForSqlite(path);
            SqlDatabase.EnsureFolder(path);

            using var database = new SqlDatabase(SqlDatabase.CreateDialect(options, createIfMissing: true), log);
            await CreateSchemaAsync(database, cancellationToken).ConfigureAwait(false);
            return options;
        }

        /// <summary>Creates Halo's tables in <paramref name="database"/> (a SQLite one; e.g. an in-memory database).</summary>
        public static async Task CreateSchemaAsync(SqlDatabase database, CancellationToken cancellationToken)
        {
            RequireSqlite(database);
            var watch = Stopwatch.StartNew();
            using (var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                // journal_mode cannot change inside a transaction, and it persists in the file.
                using var wal = database.Dialect.CreateCommand(connection, null, HaloSqliteSchema.UseWriteAheadLog, LiteralSqlNames.Instance);
                await database.GuardAsync("switching to write-ahead logging", () => wal.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var statement in HaloSqliteSchema.Statements)
            {
                using var command = transaction.CreateCommand(statement, LiteralSqlNames.Instance);
                await transaction.GuardAsync("creating the embedded Halo tables", () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
            }

            transaction.Commit();
            database.LogDone("created the embedded Halo tables", watch);
        }

        /// <summary>
        /// Adds customers, sites, User custom fields and users (with custom field values) to an embedded database,
        /// in one transaction. Refuses SQL Server: the module never seeds a real Halo.
        /// </summary>
        public static async Task SeedAsync(SqlDatabase database, HaloSeedData data, CancellationToken cancellationToken)
        {
            RequireSqlite(database);
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            var watch = Stopwatch.StartNew();
            HaloSchema schema;
            using (var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                schema = await database.GuardAsync("discovering Halo's tables", () => HaloSchema.DiscoverAsync(database.Dialect, connection, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
            }

            using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await InsertRowsAsync(transaction, schema[Area], data.Clients, c => new object?[] { c.Id, c.Name, c.Inactive }, cancellationToken, AreaId, AreaName, AreaInactive)
                .ConfigureAwait(false);
            await InsertRowsAsync(transaction, schema[Site], data.Sites, s => new object?[] { s.Id, s.Name, s.ClientId, s.IsInvoiceSite, s.Inactive }, cancellationToken, SiteId, SiteName, SiteArea, SiteIsInvoice, SiteInactive)
                .ConfigureAwait(false);
            await InsertRowsAsync(transaction, schema[FieldInfo], data.Fields, f => new object?[] { f.Id, f.Name, f.Label, f.Type, f.Usage, true }, cancellationToken, FieldId, FieldName, FieldLabel, FieldType, FieldUsage, FieldStoreInFieldData)
                .ConfigureAwait(false);
            using (var writer = await HaloSqlUserWriter.StartAsync(transaction, schema, cancellationToken).ConfigureAwait(false))
            {
                var writes = data.Users.Select(ToWrite).ToList();
                var fields = UserWritePlan.ResolveFields(writes, writer.Catalog);

                // Users with ids first, so the ids allocated for the others come after them.
                var order = Enumerable.Range(0, writes.Count).OrderBy(i => data.Users[i].Id > 0 ? 0 : 1).ToList();
                var withoutId = data.Users.Count(u => u.Id <= 0);
                var nextId = 0;
                foreach (var i in order)
                {
                    var user = data.Users[i];
                    if (user.Id <= 0 && nextId == 0)
                    {
                        nextId = await writer.AllocateUserIdsAsync(withoutId, cancellationToken).ConfigureAwait(false);
                    }

                    var id = user.Id > 0 ? user.Id : nextId++;
                    var name = UserWritePlan.NameOf(writes[i]) ?? throw HaloSqlErrors.InvalidUserWrite(i, "a seeded user needs a name");
                    await writer.InsertUserAsync(id, writes[i], name, user.Inactive, fields[i], cancellationToken).ConfigureAwait(false);
                }
            }

            await HaloSqlInvoices.SeedAsync(transaction, data.Invoices, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            database.LogDone(
                "seeded " + data.Clients.Count + " customers, " + data.Sites.Count + " sites, " + data.Fields.Count + " fields and " + data.Users.Count + " users, " + data.Invoices.Count + " invoices",
                watch);
        }

        private static HaloUserWrite ToWrite(HaloUser user) => new HaloUserWrite
        {
            SiteId = user.SiteId,
            Name = user.Name,
            FirstName = user.FirstName,
            Surname = user.Surname,
            Email = user.Email,
            Phone = user.Phone,
            CustomFields = user.CustomFields,
        };

        private static async Task InsertRowsAsync<T>(
            DatabaseTransaction transaction,
            DiscoveredTable table,
            IEnumerable<T> rows,
            Func<T, object?[]> values,
            CancellationToken cancellationToken,
            params string[] columns)
        {
            using var insert = RowCommand.Insert(transaction, table, columns);
            foreach (var row in rows)
            {
                var rowValues = values(row);
                for (var i = 0; i < columns.Length; i++)
                {
                    insert.Set(columns[i], rowValues[i]);
                }

                await insert.ExecuteAsync("seeding " + table.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        private static void RequireSqlite(SqlDatabase database)
        {
            if ((database ?? throw new ArgumentNullException(nameof(database))).Kind != SqlKind.Sqlite)
            {
                throw new ArgumentException("Only an embedded SQLite database can be created or seeded; the module never creates Halo's tables on SQL Server.", nameof(database));
            }
        }
    }
}
