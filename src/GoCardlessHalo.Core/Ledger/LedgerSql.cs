// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>
    /// Every statement the payment ledger sends, on the module's own gch_ tables (migrations 1 to 6). They are
    /// static templates so the T-SQL parse test finds and parses each one. Values are always parameters; the only
    /// fragment is {=values}, a list of @p0, @p1, … built by <see cref="SqlDialect.ParameterList"/>.
    /// </summary>
    internal static class LedgerSql
    {
        /// <summary>The columns of a payment row, in the order <see cref="LedgerRows.ReadPayment"/> reads them.</summary>
        public const string PaymentColumns =
            "payment_id, customer_id, mandate_id, halo_user_id, amount, amount_refunded, currency, status, charge_date,"
            + " description, reference, created_at, updated_at, source_event_id, failure_cause, failure_description, status_changed_at,"
            + " will_attempt_retry";

        public static readonly SqlTemplate SelectPaymentsById = new SqlTemplate(
            nameof(SelectPaymentsById), "SELECT " + PaymentColumns + " FROM {gch_payment} WHERE payment_id IN ({=values})");

        // "@x IS NULL OR …" keeps one statement for every filter combination; on SQL Server RECOMPILE lets the
        // optimiser use the index of the filters actually given instead of one plan for all of them.
        public static readonly SqlTemplate QueryPayments = new SqlTemplate(
            nameof(QueryPayments),
            QueryPaymentsText + " OPTION (RECOMPILE)",
            QueryPaymentsText);

        public static readonly SqlTemplate InsertPayment = new SqlTemplate(
            nameof(InsertPayment),
            "INSERT INTO {gch_payment} (" + PaymentColumns + ") VALUES (@paymentId, @customerId, @mandateId, @haloUserId, @amount,"
            + " @amountRefunded, @currency, @status, @chargeDate, @description, @reference, @createdAt, @updatedAt, @sourceEventId,"
            + " @failureCause, @failureDescription, @statusChangedAt, @willAttemptRetry)");

        public static readonly SqlTemplate UpdatePayment = new SqlTemplate(
            nameof(UpdatePayment),
            "UPDATE {gch_payment} SET customer_id = @customerId, mandate_id = @mandateId, halo_user_id = @haloUserId, amount = @amount,"
            + " amount_refunded = @amountRefunded, currency = @currency, status = @status, charge_date = @chargeDate,"
            + " description = @description, reference = @reference, created_at = @createdAt, updated_at = @updatedAt,"
            + " source_event_id = @sourceEventId, failure_cause = @failureCause, failure_description = @failureDescription,"
            + " status_changed_at = @statusChangedAt, will_attempt_retry = @willAttemptRetry WHERE payment_id = @paymentId");

        /// <summary>Re-attributes a customer's payments when its Halo link moves to another user or is removed.</summary>
        public static readonly SqlTemplate UpdatePaymentsUser = new SqlTemplate(
            nameof(UpdatePaymentsUser),
            "UPDATE {gch_payment} SET halo_user_id = @haloUserId, updated_at = @updatedAt WHERE customer_id = @customerId");

        public static readonly SqlTemplate SelectMandates = new SqlTemplate(
            nameof(SelectMandates), "SELECT mandate_id, customer_id, status, created_at FROM {gch_mandate}");

        public static readonly SqlTemplate InsertMandate = new SqlTemplate(
            nameof(InsertMandate),
            "INSERT INTO {gch_mandate} (mandate_id, customer_id, status, created_at, updated_at) VALUES (@mandateId, @customerId, @status, @createdAt, @updatedAt)");

        public static readonly SqlTemplate UpdateMandate = new SqlTemplate(
            nameof(UpdateMandate),
            "UPDATE {gch_mandate} SET customer_id = @customerId, status = @status, created_at = @createdAt, updated_at = @updatedAt WHERE mandate_id = @mandateId");

        public static readonly SqlTemplate SelectCustomers = new SqlTemplate(
            nameof(SelectCustomers), "SELECT customer_id, halo_user_id FROM {gch_customer}");

        public static readonly SqlTemplate InsertCustomer = new SqlTemplate(
            nameof(InsertCustomer),
            "INSERT INTO {gch_customer} (customer_id, halo_user_id, backfilled_at) VALUES (@customerId, @haloUserId, @updatedAt)");

        public static readonly SqlTemplate UpdateCustomer = new SqlTemplate(
            nameof(UpdateCustomer), "UPDATE {gch_customer} SET halo_user_id = @haloUserId WHERE customer_id = @customerId");

        public static readonly SqlTemplate DeleteCustomer = new SqlTemplate(
            nameof(DeleteCustomer), "DELETE FROM {gch_customer} WHERE customer_id = @customerId");

        public static readonly SqlTemplate SelectLinks = new SqlTemplate(
            nameof(SelectLinks), "SELECT customer_id, halo_user_id FROM {gch_link}");

        public static readonly SqlTemplate DeleteLinks = new SqlTemplate(
            nameof(DeleteLinks), "DELETE FROM {gch_link}");

        public static readonly SqlTemplate InsertLink = new SqlTemplate(
            nameof(InsertLink), "INSERT INTO {gch_link} (customer_id, halo_user_id) VALUES (@customerId, @haloUserId)");

        public static readonly SqlTemplate SelectSummaries = new SqlTemplate(
            nameof(SelectSummaries), "SELECT halo_user_id, halo_field, value FROM {gch_summary}");

        public static readonly SqlTemplate InsertSummary = new SqlTemplate(
            nameof(InsertSummary),
            "INSERT INTO {gch_summary} (halo_user_id, halo_field, value, updated_at) VALUES (@haloUserId, @haloField, @value, @updatedAt)");

        public static readonly SqlTemplate UpdateSummary = new SqlTemplate(
            nameof(UpdateSummary),
            "UPDATE {gch_summary} SET value = @value, updated_at = @updatedAt WHERE halo_user_id = @haloUserId AND halo_field = @haloField");

        public static readonly SqlTemplate DeleteSyncState = new SqlTemplate(
            nameof(DeleteSyncState), "DELETE FROM {gch_sync_state} WHERE name = @name");

        public static readonly SqlTemplate SelectSeenEvents = new SqlTemplate(
            nameof(SelectSeenEvents), "SELECT event_id FROM {gch_event_seen}");

        public static readonly SqlTemplate InsertSeenEvent = new SqlTemplate(
            nameof(InsertSeenEvent), "INSERT INTO {gch_event_seen} (event_id, created_at) VALUES (@eventId, @createdAt)");

        public static readonly SqlTemplate PruneSeenEvents = new SqlTemplate(
            nameof(PruneSeenEvents), "DELETE FROM {gch_event_seen} WHERE created_at < @before");

        public static readonly SqlTemplate SelectWatermark = new SqlTemplate(
            nameof(SelectWatermark), "SELECT watermark FROM {gch_sync_state} WHERE name = @name");

        public static readonly SqlTemplate InsertWatermark = new SqlTemplate(
            nameof(InsertWatermark), "INSERT INTO {gch_sync_state} (name, watermark, updated_at) VALUES (@name, @watermark, @updatedAt)");

        public static readonly SqlTemplate UpdateWatermark = new SqlTemplate(
            nameof(UpdateWatermark), "UPDATE {gch_sync_state} SET watermark = @watermark, updated_at = @updatedAt WHERE name = @name");

        /// <summary>Each customer's latest payment ("last" = latest charge date, ties by creation time), for the summary.</summary>
        public static readonly SqlTemplate SelectLatestPayments = new SqlTemplate(
            nameof(SelectLatestPayments),
            "SELECT customer_id, status, charge_date, amount, currency FROM (SELECT customer_id, status, charge_date, amount, currency,"
            + " ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY charge_date DESC, created_at DESC, payment_id DESC) AS position"
            + " FROM {gch_payment}) latest WHERE position = 1");

        /// <summary>The status of each customer's most recent mandate, for the summary.</summary>
        public static readonly SqlTemplate SelectLatestMandates = new SqlTemplate(
            nameof(SelectLatestMandates),
            "SELECT customer_id, status FROM (SELECT customer_id, status,"
            + " ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY created_at DESC, mandate_id DESC) AS position"
            + " FROM {gch_mandate} WHERE customer_id IS NOT NULL) latest WHERE position = 1");

        public static readonly SqlTemplate CountRows = new SqlTemplate(
            nameof(CountRows),
            "SELECT (SELECT COUNT(*) FROM {gch_payment}), (SELECT COUNT(*) FROM {gch_mandate}), (SELECT COUNT(*) FROM {gch_customer}),"
            + " (SELECT COUNT(*) FROM {gch_event_seen})");

        private const string QueryPaymentsText =
            "SELECT " + PaymentColumns + " FROM {gch_payment}"
            + " WHERE (@haloUserId IS NULL OR halo_user_id = @haloUserId) AND (@customerId IS NULL OR customer_id = @customerId)"
            + " AND (@anyStatus = 1 OR status IN ({=values})) AND (@since IS NULL OR charge_date >= @since)"
            + " AND (@changedSince IS NULL OR status_changed_at >= @changedSince)"
            + " ORDER BY charge_date DESC, created_at DESC, payment_id DESC";
    }
}
