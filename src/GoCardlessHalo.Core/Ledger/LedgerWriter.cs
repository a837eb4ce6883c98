// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Internal;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>
    /// Writes to the ledger inside one transaction: nothing is visible until <see cref="Commit"/>, and disposing
    /// without it rolls everything back, so payments and the watermark that covers them land together or not at all.
    /// Each statement's command is built once and reused for every row.
    /// </summary>
    internal sealed class LedgerWriter : IDisposable
    {
        /// <summary>Ids per lookup: far below SQL Server's 2,100 parameters and SQLite's limit.</summary>
        public const int LookupChunk = 500;

        private readonly DatabaseTransaction transaction;
        private readonly Dictionary<string, DbCommand> commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);

        public LedgerWriter(DatabaseTransaction transaction, DateTimeOffset now)
        {
            this.transaction = transaction;
            Now = now;
        }

        /// <summary>The time written to updated_at / backfilled_at by this transaction.</summary>
        public DateTimeOffset Now { get; }

        /// <summary>Rows inserted, updated or deleted so far.</summary>
        public long RowsWritten { get; private set; }

        private SqlDialect Dialect => transaction.Dialect;

        /// <summary>The stored rows of the given payments (those that exist), read inside the transaction.</summary>
        public async Task<Dictionary<string, PaymentRecord>> FindPaymentsAsync(IEnumerable<string> paymentIds, CancellationToken cancellationToken)
        {
            var found = new Dictionary<string, PaymentRecord>(StringComparer.Ordinal);
            foreach (var chunk in paymentIds.Distinct(StringComparer.Ordinal).Batches(LookupChunk))
            {
                var command = Command(LedgerSql.SelectPaymentsById, chunk.Count);
                for (var i = 0; i < chunk.Count; i++)
                {
                    LedgerRows.Text(Dialect, command, SqlDialect.ParameterName(i), chunk[i], LedgerRows.IdLength);
                }

                await transaction.GuardAsync(
                    "reading stored payments",
                    async () =>
                    {
                        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var row = LedgerRows.ReadPayment(reader);
                            found[row.PaymentId] = row;
                        }

                        return found.Count;
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return found;
        }

        public Task InsertPaymentAsync(PaymentRecord row, CancellationToken cancellationToken) =>
            ExecuteAsync(LedgerSql.InsertPayment, "storing payment " + row.PaymentId, (d, c) => LedgerRows.BindPayment(d, c, row, Now), cancellationToken);

        public Task UpdatePaymentAsync(PaymentRecord row, CancellationToken cancellationToken) =>
            ExecuteAsync(LedgerSql.UpdatePayment, "updating payment " + row.PaymentId, (d, c) => LedgerRows.BindPayment(d, c, row, Now), cancellationToken);

        /// <summary>Attributes all of a customer's payments to <paramref name="haloUserId"/> (null: no longer linked).</summary>
        public Task SetPaymentsUserAsync(string customerId, int? haloUserId, CancellationToken cancellationToken) =>
            ExecuteAsync(
                LedgerSql.UpdatePaymentsUser,
                "re-attributing the payments of " + customerId,
                (d, c) =>
                {
                    LedgerRows.Int(d, c, "@haloUserId", haloUserId);
                    LedgerRows.Timestamp(d, c, "@updatedAt", Now);
                    LedgerRows.Text(d, c, "@customerId", customerId, LedgerRows.IdLength);
                },
                cancellationToken);

        public Task SaveMandateAsync(MandateRow mandate, bool exists, CancellationToken cancellationToken) =>
            ExecuteAsync(
                exists ? LedgerSql.UpdateMandate : LedgerSql.InsertMandate,
                "storing mandate " + mandate.MandateId,
                (d, c) =>
                {
                    LedgerRows.Text(d, c, "@mandateId", mandate.MandateId, LedgerRows.IdLength);
                    LedgerRows.Text(d, c, "@customerId", mandate.CustomerId, LedgerRows.IdLength);
                    LedgerRows.Text(d, c, "@status", mandate.Status, LedgerRows.StatusLength);
                    LedgerRows.Timestamp(d, c, "@createdAt", mandate.CreatedAt);
                    LedgerRows.Timestamp(d, c, "@updatedAt", Now);
                },
                cancellationToken);

        /// <summary>Records a linked customer as backfilled (insert) or moves its link to another user (update).</summary>
        public Task SaveCustomerAsync(string customerId, int haloUserId, bool exists, CancellationToken cancellationToken) =>
            ExecuteAsync(
                exists ? LedgerSql.UpdateCustomer : LedgerSql.InsertCustomer,
                "recording linked customer " + customerId,
                (d, c) =>
                {
                    LedgerRows.Text(d, c, "@customerId", customerId, LedgerRows.IdLength);
                    LedgerRows.Int(d, c, "@haloUserId", haloUserId);
                    LedgerRows.Timestamp(d, c, "@updatedAt", Now);
                },
                cancellationToken);

        public Task DeleteCustomerAsync(string customerId, CancellationToken cancellationToken) =>
            ExecuteAsync(LedgerSql.DeleteCustomer, "forgetting unlinked customer " + customerId, (d, c) => LedgerRows.Text(d, c, "@customerId", customerId, LedgerRows.IdLength), cancellationToken);

        public Task AddSeenEventAsync(string eventId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
            ExecuteAsync(
                LedgerSql.InsertSeenEvent,
                "recording event " + eventId,
                (d, c) =>
                {
                    LedgerRows.Text(d, c, "@eventId", eventId, LedgerRows.IdLength);
                    LedgerRows.Timestamp(d, c, "@createdAt", createdAt);
                },
                cancellationToken);

        /// <summary>Forgets events older than <paramref name="before"/>: no later run reads that far back.</summary>
        public Task PruneSeenEventsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
            ExecuteAsync(LedgerSql.PruneSeenEvents, "pruning seen events", (d, c) => LedgerRows.Timestamp(d, c, "@before", before), cancellationToken);

        public Task SetWatermarkAsync(DateTimeOffset watermark, CancellationToken cancellationToken) =>
            SetStateAsync(PaymentLedger.WatermarkName, watermark, cancellationToken);

        /// <summary>Records when the non-final payments were read again by id.</summary>
        public Task SetReconciledAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
            SetStateAsync(PaymentLedger.ReconciledName, at, cancellationToken);

        /// <summary>Replaces the link map with <paramref name="links"/> and records when it was read from Halo.</summary>
        public async Task ReplaceLinksAsync(IEnumerable<(string CustomerId, int HaloUserId)> links, DateTimeOffset readAt, CancellationToken cancellationToken)
        {
            await ExecuteAsync(LedgerSql.DeleteLinks, "clearing the link map", (d, c) => { }, cancellationToken).ConfigureAwait(false);
            foreach (var (customer, user) in links.Distinct())
            {
                await ExecuteAsync(
                    LedgerSql.InsertLink,
                    "recording the link of " + customer,
                    (d, c) =>
                    {
                        LedgerRows.Text(d, c, "@customerId", customer, LedgerRows.IdLength);
                        LedgerRows.Int(d, c, "@haloUserId", user);
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            await SetStateAsync(PaymentLedger.LinkMapName, readAt, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Makes the next payment sync read every linked user again (a link was found to have moved).</summary>
        public Task ExpireLinksAsync(CancellationToken cancellationToken) =>
            ExecuteAsync(LedgerSql.DeleteSyncState, "expiring the link map", (d, c) => LedgerRows.Text(d, c, "@name", PaymentLedger.LinkMapName, LedgerRows.SyncStateNameLength), cancellationToken);

        /// <summary>Records the value Halo holds in one user's summary field.</summary>
        public async Task SaveSummaryAsync(int haloUserId, string haloField, string? value, CancellationToken cancellationToken)
        {
            Action<SqlDialect, DbCommand> bind = (d, c) =>
            {
                LedgerRows.Text(d, c, "@value", value, LedgerRows.SummaryValueLength);
                LedgerRows.Timestamp(d, c, "@updatedAt", Now);
                LedgerRows.Int(d, c, "@haloUserId", haloUserId);
                LedgerRows.Text(d, c, "@haloField", haloField, LedgerRows.SyncStateNameLength);
            };
            if (await ExecuteAsync(LedgerSql.UpdateSummary, "recording the summary of user " + haloUserId, bind, cancellationToken).ConfigureAwait(false) == 0)
            {
                await ExecuteAsync(LedgerSql.InsertSummary, "recording the summary of user " + haloUserId, bind, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task SetStateAsync(string name, DateTimeOffset value, CancellationToken cancellationToken)
        {
            Action<SqlDialect, DbCommand> bind = (d, c) =>
            {
                LedgerRows.Timestamp(d, c, "@watermark", value);
                LedgerRows.Timestamp(d, c, "@updatedAt", Now);
                LedgerRows.Text(d, c, "@name", name, LedgerRows.SyncStateNameLength);
            };
            if (await ExecuteAsync(LedgerSql.UpdateWatermark, "storing " + name + " state", bind, cancellationToken).ConfigureAwait(false) == 0)
            {
                await ExecuteAsync(LedgerSql.InsertWatermark, "storing " + name + " state", bind, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Commit() => transaction.Commit();

        public void Dispose()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            transaction.Dispose();
        }

        private async Task<int> ExecuteAsync(SqlTemplate template, string operation, Action<SqlDialect, DbCommand> bind, CancellationToken cancellationToken)
        {
            var command = Command(template, 0);
            bind(Dialect, command);
            var rows = await transaction.GuardAsync(operation, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            RowsWritten += Math.Max(0, rows);
            return rows;
        }

        // One command per statement (and per IN-list length), reused for every row with new parameter values.
        private DbCommand Command(SqlTemplate template, int listLength)
        {
            var key = template.Name + "/" + listLength;
            if (!commands.TryGetValue(key, out var command))
            {
                var slots = listLength > 0 ? new Dictionary<string, string> { ["values"] = SqlDialect.ParameterList(listLength) } : null;
                command = transaction.CreateCommand(template, LiteralSqlNames.Instance, slots);
                commands[key] = command;
            }

            return command;
        }
    }
}
