// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The collection attempts in the module's ledger (gch_collection, beside gch_payment: the Halo SQL database on
    /// the SQL target, the ledger file beside the settings on the API target). Each write is its own committed
    /// transaction, because each records a fact about GoCardless that must survive a crash a moment later.
    /// </summary>
    internal sealed class CollectionLedger
    {
        private readonly PaymentLedger ledger;

        public CollectionLedger(PaymentLedger ledger)
        {
            this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        }

        /// <summary>Where the ledger is (<see cref="PaymentLedger.Location"/>): the location its audit intents are journaled against.</summary>
        public string Location => ledger.Location;

        /// <summary>The stored rows of the given payments (those that exist).</summary>
        public Task<Dictionary<string, PaymentRecord>> FindPaymentsAsync(IEnumerable<string> paymentIds, CancellationToken cancellationToken) =>
            ledger.FindPaymentsAsync(paymentIds, cancellationToken);

        /// <summary>Every attempt, grouped by invoice, oldest attempt first.</summary>
        public async Task<IReadOnlyList<CollectionRow>> LoadAsync(CancellationToken cancellationToken)
        {
            await ledger.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<CollectionRow>();
            await foreach (var row in ledger.Database.QueryAsync("reading invoice collections", CollectionSql.SelectAll, LiteralSqlNames.Instance, null, Read, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        }

        /// <summary>The latest attempt of each invoice, as the planner wants it.</summary>
        public static IReadOnlyDictionary<int, PriorCollection> Latest(IEnumerable<CollectionRow> rows) =>
            rows.GroupBy(r => r.InvoiceId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Attempt).Last().ToPrior());

        /// <summary>Records that a payment is about to be created with this key (committed before the request is sent).</summary>
        public Task RecordIntentAsync(CollectionRow row, DateTimeOffset now, CancellationToken cancellationToken) =>
            ExecuteAsync(CollectionSql.InsertIntent, "recording the collection of invoice " + row.InvoiceNumber, (d, c) =>
            {
                LedgerRows.Int(d, c, "@invoiceId", row.InvoiceId);
                LedgerRows.Int(d, c, "@attempt", row.Attempt);
                LedgerRows.Text(d, c, "@invoiceNumber", row.InvoiceNumber, LedgerRows.ReferenceLength);
                LedgerRows.Text(d, c, "@idempotencyKey", row.IdempotencyKey, 128);
                LedgerRows.Text(d, c, "@mandateId", row.MandateId, LedgerRows.IdLength);
                LedgerRows.Text(d, c, "@customerId", row.CustomerId, LedgerRows.IdLength);
                LedgerRows.Int(d, c, "@haloUserId", row.HaloUserId);
                LedgerRows.Long(d, c, "@amount", row.Amount);
                LedgerRows.Long(d, c, "@invoiceTotal", row.InvoiceTotal);
                LedgerRows.Text(d, c, "@currency", row.Currency, LedgerRows.CurrencyLength);
                LedgerRows.Date(d, c, "@chargeDate", row.ChargeDate);
                LedgerRows.Timestamp(d, c, "@now", now);
                LedgerRows.Flag(d, c, "@retryIfPossible", row.RetryIfPossible);
            }, cancellationToken);

        /// <summary>Completes an attempt with the payment GoCardless created (or returned for the key).</summary>
        public Task RecordPaymentAsync(CollectionRow row, string paymentId, string status, DateTimeOffset now, CancellationToken cancellationToken) =>
            ExecuteAsync(CollectionSql.RecordPayment, "recording payment " + paymentId + " for invoice " + row.InvoiceNumber, (d, c) =>
            {
                LedgerRows.Text(d, c, "@paymentId", paymentId, LedgerRows.IdLength);
                LedgerRows.Text(d, c, "@paymentStatus", status, LedgerRows.StatusLength);
                LedgerRows.Timestamp(d, c, "@now", now);
                LedgerRows.Int(d, c, "@invoiceId", row.InvoiceId);
                LedgerRows.Int(d, c, "@attempt", row.Attempt);
            }, cancellationToken);

        /// <summary>Collections whose payment status moved since it was last settled into Halo.</summary>
        public async Task<IReadOnlyList<UnsettledCollection>> LoadUnsettledAsync(CancellationToken cancellationToken)
        {
            await ledger.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<UnsettledCollection>();
            await foreach (var row in ledger.Database.QueryAsync("reading collections to settle", CollectionSql.SelectUnsettled, LiteralSqlNames.Instance, null, r => new UnsettledCollection
            {
                InvoiceId = SqlReaderValues.Int(r, 0),
                Attempt = SqlReaderValues.Int(r, 1),
                InvoiceNumber = r.GetString(2),
                PaymentId = r.GetString(3),
                Amount = SqlReaderValues.Long(r, 4),
                Currency = r.GetString(5),
                CustomerId = r.GetString(6),
                SettledStatus = r.IsDBNull(7) ? null : r.GetString(7),
                Status = r.GetString(8),
                ChargeDate = r.GetDateTime(9).Date,
                WillAttemptRetry = LedgerRows.Flag(r, 10) == true,
                HaloUserId = r.IsDBNull(11) ? (int?)null : SqlReaderValues.Int(r, 11),
                FailureCause = r.IsDBNull(12) ? null : r.GetString(12),
                FailureDescription = r.IsDBNull(13) ? null : r.GetString(13),
                StatusChangedAt = r.IsDBNull(14) ? (DateTimeOffset?)null : LedgerRows.Utc(r, 14),
            }, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        }

        /// <summary>The status each payment's collection was last settled at (gch_collection.payment_status), by payment id.</summary>
        public async Task<IReadOnlyDictionary<string, string?>> LoadSettledStatusesAsync(CancellationToken cancellationToken)
        {
            await ledger.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var statuses = new Dictionary<string, string?>(StringComparer.Ordinal);
            await foreach (var row in ledger.Database.QueryAsync("reading settled collections", CollectionSql.SelectSettledStatuses, LiteralSqlNames.Instance, null, r => (Payment: r.GetString(0), Status: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken).ConfigureAwait(false))
            {
                statuses[row.Payment] = row.Status;
            }

            return statuses;
        }

        /// <summary>Records that Halo now reflects <paramref name="status"/> for this collection (after the Halo write, never before).</summary>
        public Task RecordSettledAsync(UnsettledCollection row, string status, DateTimeOffset now, CancellationToken cancellationToken) =>
            ExecuteAsync(CollectionSql.RecordSettledStatus, "recording the settled status of invoice " + row.InvoiceNumber, (d, c) =>
            {
                LedgerRows.Text(d, c, "@paymentStatus", status, LedgerRows.StatusLength);
                LedgerRows.Timestamp(d, c, "@now", now);
                LedgerRows.Int(d, c, "@invoiceId", row.InvoiceId);
                LedgerRows.Int(d, c, "@attempt", row.Attempt);
            }, cancellationToken);

        /// <summary>
        /// Stores in gch_payment the payment GoCardless answered a cancel with (status cancelled), through the same decision
        /// payment sync makes, so the planner sees the attempt did not collect and Sync-GcPayment's settlement leaves (or makes)
        /// the invoice unpaid in Halo; the sync's later read of the same payment then finds nothing to change.
        /// </summary>
        public async Task RecordCancelledAsync(CollectionRow row, Payment payment, DashboardLinks dashboard, IClock clock, CancellationToken cancellationToken)
        {
            using var writer = await ledger.BeginWriteAsync(clock, cancellationToken).ConfigureAwait(false);
            var stored = await writer.FindPaymentsAsync(new[] { payment.Id }, cancellationToken).ConfigureAwait(false);
            stored.TryGetValue(payment.Id, out var before);
            var after = PaymentDecisions.Row(payment, before?.CustomerId ?? row.CustomerId, before is null ? row.HaloUserId : before.HaloUserId);
            if (PaymentDecisions.Decide(after, new ObservedPayment(payment.Id, payment), before, PaymentChangeOrigin.Reconciliation, dashboard, writer.Now) is { } write)
            {
                await (before is null ? writer.InsertPaymentAsync(write.After, cancellationToken) : writer.UpdatePaymentAsync(write.After, cancellationToken)).ConfigureAwait(false);
            }

            writer.Commit();
        }

        /// <summary>Forgets an attempt GoCardless refused outright (it created nothing), so the invoice can be planned again.</summary>
        public Task ForgetIntentAsync(CollectionRow row, CancellationToken cancellationToken) =>
            ExecuteAsync(CollectionSql.DeleteIntent, "forgetting the refused collection of invoice " + row.InvoiceNumber, (d, c) =>
            {
                LedgerRows.Int(d, c, "@invoiceId", row.InvoiceId);
                LedgerRows.Int(d, c, "@attempt", row.Attempt);
            }, cancellationToken);

        private static CollectionRow Read(DbDataReader reader) => new CollectionRow
        {
            InvoiceId = SqlReaderValues.Int(reader, 0),
            Attempt = SqlReaderValues.Int(reader, 1),
            InvoiceNumber = reader.GetString(2),
            IdempotencyKey = reader.GetString(3),
            MandateId = reader.GetString(4),
            CustomerId = reader.GetString(5),
            HaloUserId = reader.IsDBNull(6) ? (int?)null : SqlReaderValues.Int(reader, 6),
            Amount = SqlReaderValues.Long(reader, 7),
            InvoiceTotal = SqlReaderValues.Long(reader, 8),
            Currency = reader.GetString(9),
            ChargeDate = reader.GetDateTime(10).Date,
            PaymentId = reader.IsDBNull(11) ? null : reader.GetString(11),
            PaymentStatus = reader.IsDBNull(12) ? null : reader.GetString(12),
            RetryIfPossible = LedgerRows.Flag(reader, 13) == true,
            WillAttemptRetry = LedgerRows.Flag(reader, 14) == true,
        };

        private async Task ExecuteAsync(SqlTemplate template, string operation, Action<SqlDialect, DbCommand> bind, CancellationToken cancellationToken)
        {
            await ledger.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = await ledger.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var command = transaction.CreateCommand(template, LiteralSqlNames.Instance);
            bind(transaction.Dialect, command);
            await transaction.GuardAsync(operation, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            transaction.Commit();
        }
    }
}
