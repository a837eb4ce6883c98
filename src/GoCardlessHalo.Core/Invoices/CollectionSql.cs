// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The statements on gch_collection (migrations 4 and 6). Values are always parameters.</summary>
    internal static class CollectionSql
    {
        public const string Columns =
            "invoice_id, attempt, invoice_number, idempotency_key, mandate_id, customer_id, halo_user_id, amount, invoice_total, currency,"
            + " charge_date, payment_id, payment_status, created_at, updated_at, retry_if_possible";

        /// <summary>
        /// Every attempt; its status is the payment's latest in the ledger (gch_payment, which Sync-GcPayment and a cancel
        /// keep) when there is one, else the status last settled or recorded at creation; with what the payment's last
        /// failure said of GoCardless's own retry (gch_payment, migration 6).
        /// </summary>
        public static readonly SqlTemplate SelectAll = new SqlTemplate(
            nameof(SelectAll),
            "SELECT c.invoice_id, c.attempt, c.invoice_number, c.idempotency_key, c.mandate_id, c.customer_id, c.halo_user_id, c.amount,"
            + " c.invoice_total, c.currency, c.charge_date, c.payment_id, COALESCE(p.status, c.payment_status), c.retry_if_possible, p.will_attempt_retry"
            + " FROM {gch_collection} c LEFT JOIN {gch_payment} p ON p.payment_id = c.payment_id ORDER BY c.invoice_id, c.attempt");

        public static readonly SqlTemplate InsertIntent = new SqlTemplate(
            nameof(InsertIntent),
            "INSERT INTO {gch_collection} (" + Columns + ") VALUES (@invoiceId, @attempt, @invoiceNumber, @idempotencyKey, @mandateId,"
            + " @customerId, @haloUserId, @amount, @invoiceTotal, @currency, @chargeDate, NULL, NULL, @now, @now, @retryIfPossible)");

        public static readonly SqlTemplate RecordPayment = new SqlTemplate(
            nameof(RecordPayment),
            "UPDATE {gch_collection} SET payment_id = @paymentId, payment_status = @paymentStatus, updated_at = @now"
            + " WHERE invoice_id = @invoiceId AND attempt = @attempt");

        public static readonly SqlTemplate DeleteIntent = new SqlTemplate(
            nameof(DeleteIntent), "DELETE FROM {gch_collection} WHERE invoice_id = @invoiceId AND attempt = @attempt AND payment_id IS NULL");

        /// <summary>
        /// Collections whose payment's status in the ledger (gch_payment, kept by Sync-GcPayment) differs from the status last
        /// settled into Halo (gch_collection.payment_status): what <see cref="CollectionSettlement"/> has to bring Halo up to.
        /// </summary>
        public static readonly SqlTemplate SelectUnsettled = new SqlTemplate(
            nameof(SelectUnsettled),
            "SELECT c.invoice_id, c.attempt, c.invoice_number, c.payment_id, c.amount, c.currency, c.customer_id, c.payment_status, p.status, p.charge_date,"
            + " p.will_attempt_retry,"
            + " c.halo_user_id, p.failure_cause, p.failure_description, p.status_changed_at"
            + " FROM {gch_collection} c JOIN {gch_payment} p ON p.payment_id = c.payment_id"
            + " WHERE c.payment_status IS NULL OR c.payment_status <> p.status ORDER BY c.invoice_id, c.attempt");

        /// <summary>The status last settled into Halo (or recorded at creation) of every attempt with a payment, by payment id.</summary>
        public static readonly SqlTemplate SelectSettledStatuses = new SqlTemplate(
            nameof(SelectSettledStatuses),
            "SELECT payment_id, payment_status FROM {gch_collection} WHERE payment_id IS NOT NULL");

        public static readonly SqlTemplate RecordSettledStatus = new SqlTemplate(
            nameof(RecordSettledStatus),
            "UPDATE {gch_collection} SET payment_status = @paymentStatus, updated_at = @now WHERE invoice_id = @invoiceId AND attempt = @attempt");
    }
}
