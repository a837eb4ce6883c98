// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// One SQL database (SQL Server or SQLite): opens connections and write transactions, and turns provider
    /// errors into <see cref="GcHaloException"/>s. The Halo SQL target, the migration runner and the payment ledger
    /// share it, so ledger rows and their watermark can be written in one transaction on the same database.
    /// </summary>
    public sealed class SqlDatabase : IDisposable
    {
        /// <summary>A database reached through <paramref name="options"/>; logs what it does to <paramref name="log"/>.</summary>
        public SqlDatabase(SqlOptions options, IEngineLog? log = null)
            : this(CreateDialect(options ?? throw new ArgumentNullException(nameof(options)), createIfMissing: false), log)
        {
        }

        internal SqlDatabase(SqlDialect dialect, IEngineLog? log)
        {
            Dialect = dialect;
            Log = log ?? NullEngineLog.Instance;
        }

        /// <summary>
        /// A SQLite database whose file (and folder) is created on first use: the payment ledger kept beside the
        /// configuration when the Halo target is the REST API. It holds only what the migrations create.
        /// </summary>
        public static SqlDatabase CreateOrOpenSqlite(string path, IEngineLog? log = null)
        {
            var options = SqlOptions.ForSqlite(path);
            EnsureFolder(path);
            return new SqlDatabase(CreateDialect(options, createIfMissing: true), log);
        }

        /// <summary>The options this database was opened with.</summary>
        public SqlOptions Options => Dialect.Options;

        /// <summary><see cref="SqlKind.SqlServer"/> or <see cref="SqlKind.Sqlite"/>.</summary>
        public SqlKind Kind => Dialect.Kind;

        /// <summary>Server/database or file path; never a secret.</summary>
        public string Location => Dialect.Location;

        internal SqlDialect Dialect { get; }

        internal IEngineLog Log { get; }

        /// <summary>Opens a new connection. The caller disposes it.</summary>
        public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
        {
            Dialect.CheckBeforeOpen();
            var connection = Dialect.CreateConnection();
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (Exception ex) when (ex is DbException || ex is InvalidOperationException)
            {
                connection.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw Dialect.TranslateOpenFailure(ex);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Opens a connection and starts a write transaction on it (SQLite: BEGIN IMMEDIATE). Dispose without
        /// <see cref="DatabaseTransaction.Commit"/> rolls everything back.
        /// </summary>
        public async Task<DatabaseTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var transaction = await GuardAsync("starting a transaction", () => Task.FromResult(Dialect.BeginWriteTransaction(connection)), cancellationToken)
                    .ConfigureAwait(false);
                return new DatabaseTransaction(this, connection, transaction);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Closes pooled connections (SQLite: releases the file) and any in-memory database.</summary>
        public void Dispose() => Dialect.Dispose();

        /// <summary>Runs provider work, turning its exceptions into engine errors that name <paramref name="operation"/>.</summary>
        internal async Task<T> GuardAsync<T>(string operation, Func<Task<T>> action, CancellationToken cancellationToken)
        {
            try
            {
                return await action().ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw Dialect.TranslateCommandFailure(ex, operation);
            }
        }

        /// <summary>
        /// Streams the rows of <paramref name="template"/>, read on a connection of its own and mapped by
        /// <paramref name="map"/> one at a time; <paramref name="bind"/> adds the parameters. Provider errors become
        /// engine errors naming <paramref name="operation"/>.
        /// </summary>
        internal async IAsyncEnumerable<T> QueryAsync<T>(
            string operation,
            SqlTemplate template,
            ISqlNames names,
            Action<SqlDialect, DbCommand>? bind,
            Func<DbDataReader, T> map,
            [EnumeratorCancellation] CancellationToken cancellationToken,
            IReadOnlyDictionary<string, string>? slots = null)
        {
            using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var command = Dialect.CreateCommand(connection, null, template, names, slots);
            bind?.Invoke(Dialect, command);
            using var reader = await GuardAsync(operation, () => command.ExecuteReaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            while (await GuardAsync(operation, () => reader.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                yield return map(reader);
            }
        }

        /// <summary>Writes "what, where, how many, how long" to the verbose log.</summary>
        internal void LogDone(string what, Stopwatch elapsed) =>
            Log.Verbose("SQL: " + what + " (" + Location + ", " + elapsed.ElapsedMilliseconds + " ms).");

        internal static void EnsureFolder(string sqlitePath)
        {
            if (sqlitePath != ":memory:")
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(sqlitePath));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }
        }

        internal static SqlDialect CreateDialect(SqlOptions options, bool createIfMissing) => options.Kind switch
        {
            SqlKind.SqlServer => new SqlServerDialect(options),
            SqlKind.Sqlite => new SqliteDialect(options, createIfMissing),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Not a SQL kind."),
        };
    }
}
