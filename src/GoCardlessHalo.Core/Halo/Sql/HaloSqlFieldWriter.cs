// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static GoCardlessHalo.Core.Halo.Sql.HaloNames;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>Creates User custom fields in FIELDINFO, stored in FieldData as current Halo versions do.</summary>
    internal static class HaloSqlFieldWriter
    {
        public static async Task<HaloFieldDefinition> CreateUserTextFieldAsync(
            SqlDatabase database,
            HaloSchema schema,
            string name,
            string? label,
            CancellationToken cancellationToken)
        {
            HaloFieldNames.Check(name);

            var watch = Stopwatch.StartNew();
            var fieldInfo = schema[FieldInfo];
            using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Allocating first takes the FIELDINFO lock, so no other writer can add the same name before commit.
            var id = await IdAllocator.AllocateAsync(transaction, fieldInfo, FieldId, 1, cancellationToken).ConfigureAwait(false);
            var existing = await UserFieldCatalog.LoadAsync(database, schema, transaction.Connection, transaction.Transaction, cancellationToken)
                .ConfigureAwait(false);
            HaloFieldNames.CheckFree(name, existing.Fields.Select(f => f.Definition));

            var definition = new HaloFieldDefinition
            {
                Id = id,
                Name = name,
                Label = string.IsNullOrEmpty(label) ? name : label,
                Type = HaloFieldDefinition.TextType,
                Usage = HaloFieldDefinition.UserUsage,
            };
            var values = new List<(string Column, object? Value)>
            {
                (FieldId, definition.Id),
                (FieldName, definition.Name),
                (FieldLabel, definition.Label),
                (FieldType, definition.Type),
                (FieldUsage, definition.Usage),
                (FieldStoreInFieldData, true),
            };
            if (fieldInfo.Has(FieldNewStorage))
            {
                values.Add((FieldNewStorage, true));
            }

            using (var insert = RowCommand.Insert(transaction, fieldInfo, values.Select(v => v.Column).ToList()))
            {
                foreach (var (column, value) in values)
                {
                    insert.Set(column, value);
                }

                await insert.ExecuteAsync("creating User custom field " + name, cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
            database.LogDone("created User Text field " + name + " (FIid " + id + ")", watch);
            return definition;
        }
    }
}
