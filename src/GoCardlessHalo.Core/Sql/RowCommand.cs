// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// A prepared INSERT or UPDATE of one table, built from the discovered schema and reused for every row of a
    /// batch: values are bound to typed parameters (lengths checked first) and NOT NULL columns the caller does not
    /// name get safe values.
    /// </summary>
    internal sealed class RowCommand : IDisposable
    {
        private readonly DatabaseTransaction transaction;
        private readonly DiscoveredTable table;
        private readonly DbCommand command;
        private readonly Dictionary<string, (DbParameter Parameter, DiscoveredColumn Column)> parameters =
            new Dictionary<string, (DbParameter, DiscoveredColumn)>(StringComparer.OrdinalIgnoreCase);

        private readonly List<DbParameter> freshGuids = new List<DbParameter>();
        private readonly DbParameter? idParameter;

        private RowCommand(DatabaseTransaction transaction, DiscoveredTable table, DbCommand command, IReadOnlyList<DiscoveredColumn> columns, bool hasIdParameter)
        {
            this.transaction = transaction;
            this.table = table;
            this.command = command;
            var dialect = transaction.Dialect;
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var parameter = dialect.AddParameter(command, SqlDialect.ParameterName(i), column.Kind, null, column.MaxLength);
                parameters[column.Name] = (parameter, column);
            }

            if (hasIdParameter)
            {
                idParameter = dialect.AddParameter(command, "@id", SqlValueKind.Integer, 0);
            }

            dialect.Prepare(command);
        }

        /// <summary>An INSERT naming <paramref name="columns"/>; every other NOT NULL column without default gets its safe value.</summary>
        public static RowCommand Insert(DatabaseTransaction transaction, DiscoveredTable table, IReadOnlyList<string> columns)
        {
            var named = columns.Select(table.Get).ToList();
            var safe = table.SafeValueColumns(columns).ToList();
            var all = named.Concat(safe).ToList();
            var dialect = transaction.Dialect;
            var slots = new Dictionary<string, string>
            {
                ["table"] = dialect.QuoteTable(table.Name),
                ["columns"] = dialect.ColumnList(all.Select(c => c.Name)),
                ["values"] = SqlDialect.ParameterList(all.Count),
            };
            var command = transaction.CreateCommand(SqlStatements.InsertRow, LiteralSqlNames.Instance, slots);
            var row = new RowCommand(transaction, table, command, all, hasIdParameter: false);
            foreach (var column in safe)
            {
                var parameter = row.parameters[column.Name].Parameter;
                parameter.Value = SqlColumnTypes.SafeValue(column.Kind);
                if (column.Kind == SqlValueKind.Guid)
                {
                    row.freshGuids.Add(parameter);
                }
            }

            return row;
        }

        /// <summary>An UPDATE of <paramref name="columns"/> on the row whose <paramref name="idColumn"/> is <see cref="SetId"/>.</summary>
        public static RowCommand Update(DatabaseTransaction transaction, DiscoveredTable table, IReadOnlyList<string> columns, string idColumn)
        {
            var named = columns.Select(table.Get).ToList();
            var dialect = transaction.Dialect;
            var slots = new Dictionary<string, string>
            {
                ["table"] = dialect.QuoteTable(table.Name),
                ["assignments"] = dialect.AssignmentList(named.Select(c => c.Name).ToList()),
                ["idColumn"] = dialect.QuoteIdentifier(table.Get(idColumn).Name),
            };
            var command = transaction.CreateCommand(SqlStatements.UpdateRowById, LiteralSqlNames.Instance, slots);
            return new RowCommand(transaction, table, command, named, hasIdParameter: true);
        }

        /// <summary>Binds a value; text longer than the column allows is refused rather than cut.</summary>
        public void Set(string column, object? value)
        {
            var (parameter, discovered) = parameters[column];
            if (value is string text && discovered.MaxLength is > 0 && text.Length > discovered.MaxLength.Value)
            {
                throw SqlErrors.ValueLongerThanColumn(table.Name, discovered.Name, text.Length, discovered.MaxLength.Value);
            }

            // Halo leaves "nothing" in a NOT NULL column as 0 or '' rather than failing the whole batch.
            parameter.Value = value == null && !discovered.IsNullable && discovered.Kind != SqlValueKind.Unsupported
                ? SqlColumnTypes.SafeValue(discovered.Kind)
                : SqlColumnTypes.Coerce(discovered.Kind, value);
        }

        public void SetId(int id) => (idParameter ?? throw new InvalidOperationException("Not an UPDATE.")).Value = id;

        /// <summary>Runs the statement; returns the number of rows it touched.</summary>
        public Task<int> ExecuteAsync(string operation, CancellationToken cancellationToken)
        {
            RefreshGuids();
            return transaction.GuardAsync(operation, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        }

        public void Dispose() => command.Dispose();

        private void RefreshGuids()
        {
            foreach (var parameter in freshGuids)
            {
                parameter.Value = Guid.NewGuid();
            }
        }
    }
}
