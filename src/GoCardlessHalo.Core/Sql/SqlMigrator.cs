// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// Applies a set of migrations (the module's is <c>Ledger/LedgerMigrations.cs</c>) to a database: pending ones in version order, all in one
    /// transaction, each recorded in gch_migration. Running it again applies nothing. Enable-GcModule runs it;
    /// with -WhatIf it prints <see cref="RenderScript"/> instead.
    /// </summary>
    public sealed class SqlMigrator
    {
        private readonly SqlDatabase database;
        private readonly IReadOnlyList<SqlMigration> migrations;

        /// <summary>A runner applying <paramref name="migrations"/> (in version order) to <paramref name="database"/>.</summary>
        public SqlMigrator(SqlDatabase database, IReadOnlyList<SqlMigration> migrations)
        {
            this.database = database ?? throw new ArgumentNullException(nameof(database));
            this.migrations = migrations ?? throw new ArgumentNullException(nameof(migrations));
        }

        /// <summary>Migrations not yet applied to the database. Reads only; creates nothing.</summary>
        public async Task<IReadOnlyList<SqlMigration>> GetPendingAsync(CancellationToken cancellationToken)
        {
            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var exists = CreateCommand(connection, null, MigrationTable.MigrationTableExists);
            var count = await database.GuardAsync("checking for " + MigrationTable.Name, () => exists.ExecuteScalarAsync(cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            if (Convert.ToInt64(count, CultureInfo.InvariantCulture) == 0)
            {
                return migrations;
            }

            var applied = await ReadAppliedAsync(connection, null, cancellationToken).ConfigureAwait(false);
            return migrations.Where(m => !applied.Contains(m.Version)).ToList();
        }

        /// <summary>Applies every pending migration in one transaction and returns the ones it applied.</summary>
        public async Task<IReadOnlyList<SqlMigration>> ApplyAsync(CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (database.Kind == SqlKind.SqlServer)
            {
                await ExecuteAsync(transaction, MigrationTable.AcquireLock, "waiting for other migration runs", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(transaction, MigrationTable.CreateMigrationTable, "creating " + MigrationTable.Name, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(transaction.Connection, transaction.Transaction, cancellationToken).ConfigureAwait(false);
            var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
            foreach (var migration in pending)
            {
                try
                {
                    foreach (var statement in migration.Statements)
                    {
                        await ExecuteAsync(transaction, statement, "migration " + migration, cancellationToken).ConfigureAwait(false);
                    }

                    await RecordAsync(transaction, migration, cancellationToken).ConfigureAwait(false);
                }
                catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.HaloSqlCommandFailed)
                {
                    throw new GcHaloException(
                        ErrorIds.HaloMigrationFailed,
                        ErrorKind.Remote,
                        "Migration " + migration + " could not be applied to " + database.Location + "; nothing was changed. " + ex.Message,
                        database.Location,
                        ex);
                }

                database.Log.Verbose("SQL: applied migration " + migration + " to " + database.Location + ".");
            }

            transaction.Commit();
            database.LogDone(pending.Count == 0 ? "migrations up to date" : "applied " + pending.Count + " migration(s)", watch);
            return pending;
        }

        /// <summary>
        /// The DDL of <paramref name="migrations"/> for this database's dialect, as a script a DBA can read or run.
        /// Nothing is executed.
        /// </summary>
        public string RenderScript(IEnumerable<SqlMigration> migrations)
        {
            var script = new StringBuilder();
            script.AppendLine("-- GoCardlessHalo: the module's own tables (" + database.Location + ").");
            script.AppendLine("-- Applied in one transaction; each migration is recorded in " + MigrationTable.Name + ", created if missing.");
            foreach (var migration in migrations)
            {
                script.AppendLine();
                script.AppendLine("-- Migration " + migration);
                foreach (var statement in migration.Statements)
                {
                    script.Append(statement.Render(database.Dialect, LiteralSqlNames.Instance)).AppendLine(";");
                }
            }

            return script.ToString();
        }

        private async Task<HashSet<int>> ReadAppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
        {
            using var command = CreateCommand(connection, transaction, MigrationTable.SelectApplied);
            var applied = new HashSet<int>();
            await database.GuardAsync(
                "reading " + MigrationTable.Name,
                async () =>
                {
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        applied.Add(SqlReaderValues.Int(reader, 0));
                    }

                    return applied.Count;
                },
                cancellationToken).ConfigureAwait(false);
            return applied;
        }

        private Task<int> RecordAsync(DatabaseTransaction transaction, SqlMigration migration, CancellationToken cancellationToken)
        {
            var command = CreateCommand(transaction.Connection, transaction.Transaction, MigrationTable.RecordApplied);
            var dialect = database.Dialect;
            dialect.AddParameter(command, "@version", SqlValueKind.Integer, migration.Version);
            dialect.AddParameter(command, "@name", SqlValueKind.Text, migration.Name, 200);
            dialect.AddParameter(command, "@appliedAt", SqlValueKind.DateTime, DateTime.UtcNow);
            return RunAsync(transaction, command, "recording migration " + migration, cancellationToken);
        }

        private Task<int> ExecuteAsync(DatabaseTransaction transaction, SqlTemplate template, string operation, CancellationToken cancellationToken) =>
            RunAsync(transaction, CreateCommand(transaction.Connection, transaction.Transaction, template), operation, cancellationToken);

        private async Task<int> RunAsync(DatabaseTransaction transaction, DbCommand command, string operation, CancellationToken cancellationToken)
        {
            using (command)
            {
                return await transaction.GuardAsync(operation, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        // The table-existence checks take the schema and table as parameters on SQL Server.
        private DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, SqlTemplate template)
        {
            var dialect = database.Dialect;
            var command = dialect.CreateCommand(connection, transaction, template, LiteralSqlNames.Instance);
            var text = template.TextFor(dialect.Kind) ?? string.Empty;
            if (text.Contains("@schema"))
            {
                dialect.AddParameter(command, "@schema", SqlValueKind.Text, database.Options.SchemaName, 128);
            }

            if (text.Contains("@table"))
            {
                dialect.AddParameter(command, "@table", SqlValueKind.Text, MigrationTable.Name, 128);
            }

            return command;
        }
    }
}
