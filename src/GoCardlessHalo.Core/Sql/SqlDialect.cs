// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// What differs between SQL Server and SQLite: connecting, quoting, locking for id allocation, schema
    /// discovery and how provider errors read. Everything else (the statements) lives in <see cref="SqlTemplate"/>s.
    /// </summary>
    internal abstract class SqlDialect : IDisposable
    {
        protected SqlDialect(SqlOptions options)
        {
            Options = options;
        }

        public SqlOptions Options { get; }

        public SqlKind Kind => Options.Kind;

        public string Location => Options.Location;

        public abstract string QuoteIdentifier(string name);

        /// <summary>A table name, schema-qualified where the dialect has schemas.</summary>
        public abstract string QuoteTable(string table);

        /// <summary>Fails early, with a clear error, when opening cannot succeed (e.g. a missing SQLite file).</summary>
        public virtual void CheckBeforeOpen()
        {
        }

        /// <summary>A new, closed connection.</summary>
        public abstract DbConnection CreateConnection();

        /// <summary>
        /// Starts a transaction that writers serialise on: SQLite takes the write lock at once (BEGIN IMMEDIATE);
        /// SQL Server locks rows through UPDLOCK, HOLDLOCK hints in the id-allocation statements.
        /// </summary>
        public abstract DbTransaction BeginWriteTransaction(DbConnection connection);

        /// <summary>The columns of <paramref name="table"/>; empty when the table does not exist.</summary>
        public abstract Task<IReadOnlyList<DiscoveredColumn>> ReadColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken);

        /// <summary>Turns a provider exception raised while connecting into an engine error.</summary>
        public abstract GcHaloException TranslateOpenFailure(Exception exception);

        /// <summary>Turns a provider exception raised by a statement into an engine error.</summary>
        public abstract GcHaloException TranslateCommandFailure(DbException exception, string operation);

        /// <summary>
        /// Compiles a command that will run many times. SQLite compiles once instead of per row; SQL Server gains
        /// the same from its plan cache, because reused commands keep one text and fixed parameter sizes.
        /// </summary>
        public virtual void Prepare(DbCommand command)
        {
        }

        public virtual void Dispose()
        {
        }

        /// <summary><c>[a], [b]</c>: a column list for INSERT.</summary>
        public string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(QuoteIdentifier));

        /// <summary><c>@p0, @p1</c>: the VALUES list matching <see cref="ColumnList"/>.</summary>
        public static string ParameterList(int count) => string.Join(", ", Enumerable.Range(0, count).Select(ParameterName));

        /// <summary><c>[a] = @p0, [b] = @p1</c>: the SET list of an UPDATE.</summary>
        public string AssignmentList(IReadOnlyList<string> columns) =>
            string.Join(", ", columns.Select((column, i) => QuoteIdentifier(column) + " = " + ParameterName(i)));

        /// <summary><c>, u.[a], u.[b]</c>: extra columns appended to a SELECT list (empty when there are none).</summary>
        public string TrailingColumns(string alias, IEnumerable<string> columns) =>
            string.Concat(columns.Select(column => ", " + alias + "." + QuoteIdentifier(column)));

        public static string ParameterName(int index) => "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A command for <paramref name="template"/>, enlisted in <paramref name="transaction"/> when given.</summary>
        public DbCommand CreateCommand(
            DbConnection connection,
            DbTransaction? transaction,
            SqlTemplate template,
            ISqlNames names,
            IReadOnlyDictionary<string, string>? slots = null)
        {
            var command = connection.CreateCommand();
            command.CommandText = template.Render(this, names, slots);
            command.Transaction = transaction;
            command.CommandTimeout = Options.CommandTimeoutSeconds;
            return command;
        }

        /// <summary>Adds a parameter; a text parameter bound to a column gets the column's length (SQL Server only).</summary>
        public DbParameter AddParameter(DbCommand command, string name, SqlValueKind kind, object? value, int? maxLength = null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = SqlColumnTypes.DbTypeOf(kind);
            parameter.Value = SqlColumnTypes.Coerce(kind, value);
            SizeParameter(parameter, kind, maxLength);
            command.Parameters.Add(parameter);
            return parameter;
        }

        /// <summary>
        /// SQL Server: fixed sizes keep one cached plan per statement and let prepared commands be reused (lengths
        /// are checked before binding, because SqlClient would silently cut a longer value). SQLite would cut text to
        /// Size too, and needs none.
        /// </summary>
        protected virtual void SizeParameter(DbParameter parameter, SqlValueKind kind, int? maxLength)
        {
        }
    }
}
