// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Allocates ids the way Halo does, in the application: MAX(id) + 1 read inside the write transaction with the
    /// key range locked (SQL Server: UPDLOCK, HOLDLOCK; SQLite: the transaction began IMMEDIATE), so two writers can
    /// never take the same id. Halo itself may still race with us; AREA, SITE and USERS have no IDENTITY column (docs/schema.sql of https://github.com/provisiondata/ProvisionData.HaloPSA.ApiClient), which is why API writes are safer.
    /// </summary>
    internal static class IdAllocator
    {
        /// <summary>The first of <paramref name="count"/> consecutive free ids of <paramref name="table"/>.</summary>
        public static async Task<int> AllocateAsync(DatabaseTransaction transaction, DiscoveredTable table, string idColumn, int count, CancellationToken cancellationToken)
        {
            var dialect = transaction.Dialect;
            using var command = transaction.CreateCommand(
                HaloSqlTemplates.SelectMaxIdLocked,
                LiteralSqlNames.Instance,
                new Dictionary<string, string>
                {
                    ["table"] = dialect.QuoteTable(table.Name),
                    ["idColumn"] = dialect.QuoteIdentifier(table.Get(idColumn).Name),
                });
            var max = await transaction.GuardAsync("allocating " + count + " id(s) in " + table.Name, () => command.ExecuteScalarAsync(cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            var first = Convert.ToInt64(max, CultureInfo.InvariantCulture) + 1;
            if (first + count - 1 > int.MaxValue)
            {
                throw new InvalidOperationException(table.Name + " has no ids left above " + max + ".");
            }

            return (int)first;
        }
    }
}
