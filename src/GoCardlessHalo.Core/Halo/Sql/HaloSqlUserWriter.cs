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
    /// Writes users and their custom field values inside one transaction. Commands are built once per shape and
    /// reused for every user of the batch.
    /// </summary>
    internal sealed class HaloSqlUserWriter : IDisposable
    {
        private readonly DatabaseTransaction transaction;
        private readonly HaloSchema schema;
        private readonly DiscoveredTable users;
        private readonly Dictionary<string, RowCommand> rowCommands = new Dictionary<string, RowCommand>(StringComparer.Ordinal);
        private readonly DateTime now = DateTime.UtcNow;
        private DbCommand? updateFieldData;
        private DbCommand? countSite;
        private DbCommand? countUser;

        private HaloSqlUserWriter(DatabaseTransaction transaction, HaloSchema schema, UserFieldCatalog catalog)
        {
            this.transaction = transaction;
            this.schema = schema;
            Catalog = catalog;
            users = schema[Users];
        }

        /// <summary>The User fields as they are inside this transaction.</summary>
        public UserFieldCatalog Catalog { get; }

        public static async Task<HaloSqlUserWriter> StartAsync(DatabaseTransaction transaction, HaloSchema schema, CancellationToken cancellationToken)
        {
            var catalog = await UserFieldCatalog.LoadAsync(transaction.Database, schema, transaction.Connection, transaction.Transaction, cancellationToken)
                .ConfigureAwait(false);
            return new HaloSqlUserWriter(transaction, schema, catalog);
        }

        /// <summary>The first of <paramref name="count"/> new user ids, reserved until this transaction ends.</summary>
        public Task<int> AllocateUserIdsAsync(int count, CancellationToken cancellationToken) =>
            IdAllocator.AllocateAsync(transaction, users, UserId, count, cancellationToken);

        /// <summary>The ids among <paramref name="siteIds"/> that have no SITE row.</summary>
        public async Task<IReadOnlyCollection<int>> FindMissingSitesAsync(IEnumerable<int> siteIds, CancellationToken cancellationToken)
        {
            var missing = new List<int>();
            foreach (var siteId in siteIds.Distinct())
            {
                countSite ??= CountCommand(schema[Site], SiteId);
                if (!await ExistsAsync(countSite, siteId, "checking site " + siteId, cancellationToken).ConfigureAwait(false))
                {
                    missing.Add(siteId);
                }
            }

            return missing;
        }

        /// <summary>Inserts USERS row <paramref name="id"/> and its custom field values.</summary>
        public async Task InsertUserAsync(int id, HaloUserWrite user, string name, bool inactive, IReadOnlyList<(UserField Field, string? Value)> fields, CancellationToken cancellationToken)
        {
            var values = new List<(string Column, object? Value)>
            {
                (UserId, id),
                (UserSite, user.SiteId),
                (UserName, name),
                (UserFirstName, user.FirstName),
                (UserLastName, user.Surname),
                (UserEmail, user.Email),
                (UserPhone, user.Phone),
                (UserInactive, inactive),
            };
            AddIfPresent(values, UserCreated, now);
            AddIfPresent(values, UserLastUpdate, now);
            values.AddRange(fields.Where(f => f.Field.Storage == UserFieldStorage.Column).Select(f => (f.Field.Column!, (object?)f.Value)));
            await ExecuteAsync(true, values, null, "inserting user " + id, cancellationToken).ConfigureAwait(false);
            await WriteFieldDataAsync(id, fields, isNew: true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Updates the given (non-null) columns and custom fields of user <paramref name="id"/>; fails if it does not exist.</summary>
        public async Task UpdateUserAsync(int id, HaloUserWrite user, IReadOnlyList<(UserField Field, string? Value)> fields, CancellationToken cancellationToken)
        {
            var values = new List<(string Column, object? Value)>();
            AddIfGiven(values, UserSite, user.SiteId);
            AddIfGiven(values, UserName, user.Name);
            AddIfGiven(values, UserFirstName, user.FirstName);
            AddIfGiven(values, UserLastName, user.Surname);
            AddIfGiven(values, UserEmail, user.Email);
            AddIfGiven(values, UserPhone, user.Phone);
            values.AddRange(fields.Where(f => f.Field.Storage == UserFieldStorage.Column).Select(f => (f.Field.Column!, (object?)f.Value)));
            AddIfPresent(values, UserLastUpdate, now);
            bool exists;
            if (values.Count == 0)
            {
                countUser ??= CountCommand(users, UserId);
                exists = await ExistsAsync(countUser, id, "checking user " + id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                exists = await ExecuteAsync(false, values, id, "updating user " + id, cancellationToken).ConfigureAwait(false) > 0;
            }

            if (!exists)
            {
                throw HaloSqlErrors.UserMissing(id);
            }

            await WriteFieldDataAsync(id, fields, isNew: false, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose()
        {
            foreach (var command in rowCommands.Values)
            {
                command.Dispose();
            }

            updateFieldData?.Dispose();
            countSite?.Dispose();
            countUser?.Dispose();
        }

        // FieldData values: a new user's rows are inserted; an existing user's are updated in place, and inserted
        // only where the user had no row for the field. A null value clears the field without deleting Halo's row.
        private async Task WriteFieldDataAsync(int userId, IReadOnlyList<(UserField Field, string? Value)> fields, bool isNew, CancellationToken cancellationToken)
        {
            var fieldData = schema[FieldData];
            var display = fieldData.Get(DataDisplay).MaxLength;
            foreach (var (field, value) in fields.Where(f => f.Field.Storage == UserFieldStorage.FieldData))
            {
                var shown = value != null && display is > 0 && value.Length > display.Value ? value.Substring(0, display.Value) : value;
                if (!isNew && await UpdateFieldDataAsync(userId, field, value, shown, cancellationToken).ConfigureAwait(false) > 0)
                {
                    continue;
                }

                if (value != null)
                {
                    var row = new List<(string Column, object? Value)>
                    {
                        (DataUsage, HaloFieldDefinition.UserUsage),
                        (DataFieldId, field.Definition.Id),
                        (DataEntityId, userId),
                        (DataValue, value),
                        (DataDisplay, shown),
                        (DataLastUpdated, now),
                    };
                    await ExecuteAsync(true, row, null, "storing field " + field.Definition.Name + " of user " + userId, cancellationToken, fieldData)
                        .ConfigureAwait(false);
                }
            }
        }

        private Task<int> UpdateFieldDataAsync(int userId, UserField field, string? value, string? shown, CancellationToken cancellationToken)
        {
            var dialect = transaction.Dialect;
            var fieldData = schema[FieldData];
            if (updateFieldData == null)
            {
                updateFieldData = transaction.CreateCommand(HaloSqlTemplates.UpdateFieldData, schema);
                dialect.AddParameter(updateFieldData, "@value", SqlValueKind.Text, null, fieldData.Get(DataValue).MaxLength);
                dialect.AddParameter(updateFieldData, "@display", SqlValueKind.Text, null, fieldData.Get(DataDisplay).MaxLength);
                dialect.AddParameter(updateFieldData, "@updated", fieldData.Get(DataLastUpdated).Kind, null);
                dialect.AddParameter(updateFieldData, "@usage", SqlValueKind.Integer, HaloFieldDefinition.UserUsage);
                dialect.AddParameter(updateFieldData, "@fieldId", SqlValueKind.Integer, 0);
                dialect.AddParameter(updateFieldData, "@entityId", SqlValueKind.Integer, 0);
                dialect.Prepare(updateFieldData);
            }

            var parameters = updateFieldData.Parameters;
            parameters[0].Value = (object?)value ?? DBNull.Value;
            parameters[1].Value = (object?)shown ?? DBNull.Value;
            parameters[2].Value = SqlColumnTypes.Coerce(fieldData.Get(DataLastUpdated).Kind, now);
            parameters[4].Value = field.Definition.Id;
            parameters[5].Value = userId;
            var command = updateFieldData;
            return transaction.GuardAsync("updating field " + field.Definition.Name + " of user " + userId, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        }

        private async Task<int> ExecuteAsync(bool insert, IReadOnlyList<(string Column, object? Value)> values, int? id, string operation, CancellationToken cancellationToken, DiscoveredTable? table = null)
        {
            table ??= users;
            var columns = values.Select(v => v.Column).ToList();
            var key = (insert ? "I:" : "U:") + table.Name + ":" + string.Join(",", columns);
            if (!rowCommands.TryGetValue(key, out var command))
            {
                command = insert ? RowCommand.Insert(transaction, table, columns) : RowCommand.Update(transaction, table, columns, UserId);
                rowCommands[key] = command;
            }

            foreach (var (column, value) in values)
            {
                command.Set(column, value);
            }

            if (id != null)
            {
                command.SetId(id.Value);
            }

            return await command.ExecuteAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        private DbCommand CountCommand(DiscoveredTable table, string idColumn)
        {
            var dialect = transaction.Dialect;
            var command = transaction.CreateCommand(
                HaloSqlTemplates.CountById,
                schema,
                new Dictionary<string, string>
                {
                    ["table"] = dialect.QuoteTable(table.Name),
                    ["idColumn"] = dialect.QuoteIdentifier(table.Get(idColumn).Name),
                });
            dialect.AddParameter(command, "@id", SqlValueKind.Integer, 0);
            dialect.Prepare(command);
            return command;
        }

        private async Task<bool> ExistsAsync(DbCommand command, int id, string operation, CancellationToken cancellationToken)
        {
            command.Parameters[0].Value = id;
            var count = await transaction.GuardAsync(operation, () => command.ExecuteScalarAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(count, CultureInfo.InvariantCulture) > 0;
        }

        private void AddIfPresent(List<(string Column, object? Value)> values, string column, object value)
        {
            if (users.Has(column))
            {
                values.Add((column, value));
            }
        }

        private static void AddIfGiven(List<(string Column, object? Value)> values, string column, object? value)
        {
            if (value != null)
            {
                values.Add((column, value));
            }
        }
    }
}
