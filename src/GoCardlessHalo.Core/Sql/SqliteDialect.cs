// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using Microsoft.Data.Sqlite;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>SQLite: the embedded Halo-shaped database and the payment ledger beside the configuration.</summary>
    internal sealed class SqliteDialect : SqlDialect
    {
        // https://www.sqlite.org/rescode.html
        private const int SqliteBusy = 5;
        private const int SqliteLocked = 6;
        private const int SqliteReadOnly = 8;
        private const int SqliteCantOpen = 14;
        private const int SqliteNotADatabase = 26;

        private readonly string connectionString;
        private readonly bool createIfMissing;
        private readonly object keepAliveGate = new object();
        private SqliteConnection? keepAlive;

        public SqliteDialect(SqlOptions options, bool createIfMissing = false)
            : base(options)
        {
            SqliteNative.EnsureInitialized();
            this.createIfMissing = createIfMissing;
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = options.SqlitePath,
                Mode = createIfMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
                Pooling = true,

                // Also how long a writer waits for another writer's lock before giving up.
                DefaultTimeout = options.CommandTimeoutSeconds,
            };
            if (IsInMemory)
            {
                // A private in-memory database lives as long as one connection; a named shared-cache one lives as
                // long as any, so a keep-alive connection lets every operation open its own connection.
                builder.DataSource = "gch-" + Guid.NewGuid().ToString("N");
                builder.Mode = SqliteOpenMode.Memory;
                builder.Cache = SqliteCacheMode.Shared;
            }

            connectionString = builder.ConnectionString;
        }

        public bool IsInMemory => Options.SqlitePath == ":memory:";

        public override string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

        public override string QuoteTable(string table) => QuoteIdentifier(table);

        public override void CheckBeforeOpen()
        {
            if (!createIfMissing && !IsInMemory && !File.Exists(Options.SqlitePath))
            {
                throw new GcHaloException(
                    ErrorIds.HaloSqliteFileNotFound,
                    ErrorKind.NotFound,
                    "The SQLite database " + Options.SqlitePath + " does not exist. Enable-GcModule creates the embedded Halo database; check the path.",
                    Options.SqlitePath);
            }
        }

        public override DbConnection CreateConnection()
        {
            if (IsInMemory)
            {
                lock (keepAliveGate)
                {
                    if (keepAlive == null)
                    {
                        keepAlive = new SqliteConnection(connectionString);
                        keepAlive.Open();
                    }
                }
            }

            return new SqliteConnection(connectionString);
        }

        // BEGIN IMMEDIATE: the write lock is taken before the first read, so two writers allocating ids queue
        // instead of both reading the same MAX and one failing at commit.
        public override System.Data.Common.DbTransaction BeginWriteTransaction(DbConnection connection) =>
            ((SqliteConnection)connection).BeginTransaction(deferred: false);

        public override async Task<IReadOnlyList<DiscoveredColumn>> ReadColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
        {
            using var command = CreateCommand(connection, null, SqlStatements.DiscoverColumns, LiteralSqlNames.Instance);
            AddParameter(command, "@table", SqlValueKind.Text, table);
            var rows = new List<(string Name, string Type, bool NotNull, bool HasDefault, int Pk, bool Hidden)>();
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetString(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1), SqlReaderValues.Long(reader, 2) != 0,
                        !reader.IsDBNull(3), reader.GetInt32(4), SqlReaderValues.Long(reader, 5) != 0));
                }
            }

            var primaryKeyColumns = rows.FindAll(r => r.Pk > 0).Count;
            return rows.ConvertAll(r => new DiscoveredColumn(
                table,
                r.Name,
                r.Type,
                isNullable: !r.NotNull,
                hasDefault: r.HasDefault,

                // Only a lone "INTEGER PRIMARY KEY" is SQLite's rowid alias, its IDENTITY.
                isIdentity: r.Pk > 0 && primaryKeyColumns == 1 && r.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase),
                isGenerated: r.Hidden,
                maxLength: SqlColumnTypes.DeclaredLength(r.Type)));
        }

        public override void Prepare(DbCommand command) => command.Prepare();

        public override GcHaloException TranslateOpenFailure(Exception exception)
        {
            var code = (exception as SqliteException)?.SqliteErrorCode ?? 0;
            var hint = code == SqliteNotADatabase
                ? " The file is not a SQLite database."
                : code == SqliteCantOpen ? " Check that the file exists and the folder is writable." : string.Empty;
            return new GcHaloException(
                ErrorIds.HaloSqlConnectionFailed,
                ErrorKind.ConnectionFailed,
                "Could not open the SQLite database " + Options.SqlitePath + ": " + exception.Message + hint,
                Location,
                exception);
        }

        public override GcHaloException TranslateCommandFailure(DbException exception, string operation)
        {
            var code = (exception as SqliteException)?.SqliteErrorCode ?? 0;
            var message = "SQLite: " + operation + " failed on " + Options.SqlitePath + ": " + exception.Message;
            if (code == SqliteBusy || code == SqliteLocked)
            {
                return new GcHaloException(ErrorIds.HaloSqlTimeout, ErrorKind.Timeout, message + " Another process held the database too long; retry.", Location, exception);
            }

            if (code == SqliteReadOnly)
            {
                return new GcHaloException(ErrorIds.HaloSqlPermissionDenied, ErrorKind.PermissionDenied, message + " Make the file and its folder writable.", Location, exception);
            }

            return new GcHaloException(ErrorIds.HaloSqlCommandFailed, ErrorKind.Remote, message + " Nothing of this batch was written.", Location, exception);
        }

        public override void Dispose()
        {
            lock (keepAliveGate)
            {
                keepAlive?.Dispose();
                keepAlive = null;
            }

            // Pooled connections keep the file open; release it so the caller can move or delete the database.
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
