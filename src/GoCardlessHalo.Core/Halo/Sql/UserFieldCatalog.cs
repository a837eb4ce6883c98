// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>Where a custom field's values live.</summary>
    internal enum UserFieldStorage
    {
        /// <summary>Rows of FieldData (fdUsage 4, fdFieldId = FIid, fdEntityId = Uid).</summary>
        FieldData,

        /// <summary>The legacy column USERS.CF&lt;Name&gt;.</summary>
        Column,
    }

    /// <summary>A User custom field with where its values are stored.</summary>
    internal sealed class UserField
    {
        public UserField(HaloFieldDefinition definition, UserFieldStorage storage, string? column)
        {
            Definition = definition;
            Storage = storage;
            Column = column;
        }

        public HaloFieldDefinition Definition { get; }

        public UserFieldStorage Storage { get; }

        /// <summary>The USERS column (as the database spells it) of a legacy field.</summary>
        public string? Column { get; }
    }

    /// <summary>The User custom fields of FIELDINFO, read once per operation (fields can be added at any time).</summary>
    internal sealed class UserFieldCatalog
    {
        private readonly Dictionary<string, UserField> byName = new Dictionary<string, UserField>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<int, UserField> byId = new Dictionary<int, UserField>();

        private UserFieldCatalog(IReadOnlyList<UserField> fields)
        {
            Fields = fields;
            foreach (var field in fields)
            {
                byName[field.Definition.Name] = field;
                byId[field.Definition.Id] = field;
            }
        }

        public IReadOnlyList<UserField> Fields { get; }

        public IReadOnlyList<UserField> ColumnFields => Fields.Where(f => f.Storage == UserFieldStorage.Column).ToList();

        /// <summary>
        /// The field named <paramref name="name"/>. Halo's API shows a field as "CF" + its name, so that spelling is
        /// accepted too.
        /// </summary>
        public UserField? Find(string name)
        {
            if (byName.TryGetValue(name, out var field))
            {
                return field;
            }

            var prefix = HaloNames.LegacyColumnPrefix;
            return name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && byName.TryGetValue(name.Substring(prefix.Length), out field) ? field : null;
        }

        public UserField? FindById(int id) => byId.TryGetValue(id, out var field) ? field : null;

        public static async Task<UserFieldCatalog> LoadAsync(
            SqlDatabase database,
            HaloSchema schema,
            DbConnection connection,
            DbTransaction? transaction,
            CancellationToken cancellationToken)
        {
            var dialect = database.Dialect;
            var fieldInfo = schema[HaloNames.FieldInfo];
            var newStorage = fieldInfo.Find(HaloNames.FieldNewStorage);
            var slots = new Dictionary<string, string>
            {
                ["newStorage"] = newStorage == null ? "0" : "f." + dialect.QuoteIdentifier(newStorage.Name),
            };
            using var command = dialect.CreateCommand(connection, transaction, HaloSqlTemplates.SelectUserFields, schema, slots);
            dialect.AddParameter(command, "@usage", SqlValueKind.Integer, HaloFieldDefinition.UserUsage);
            var users = schema[HaloNames.Users];
            var fields = new List<UserField>();
            await database.GuardAsync(
                "reading User custom field definitions (FIELDINFO)",
                async () =>
                {
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var definition = new HaloFieldDefinition
                        {
                            Id = SqlReaderValues.Int(reader, 0),
                            Name = reader.IsDBNull(1) ? string.Empty : reader.GetString(1),
                            Label = reader.IsDBNull(2) ? null : reader.GetString(2),
                            Type = SqlReaderValues.Int(reader, 3),
                            Usage = SqlReaderValues.Int(reader, 4),
                        };
                        var flagged = SqlReaderValues.Int(reader, 5) != 0 || SqlReaderValues.Int(reader, 6) != 0;
                        var column = users.Find(HaloNames.LegacyColumnPrefix + definition.Name);

                        // Flagged fields live in FieldData. An unflagged one lives in its CF column, if that exists;
                        // without the column Halo can only have stored it in FieldData (newer versions create no
                        // CF columns), so look there rather than declare the values lost.
                        fields.Add(flagged || column == null
                            ? new UserField(definition, UserFieldStorage.FieldData, null)
                            : new UserField(definition, UserFieldStorage.Column, column.Name));
                    }

                    return fields.Count;
                },
                cancellationToken).ConfigureAwait(false);
            return new UserFieldCatalog(fields);
        }
    }
}
