// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>
    /// The module's migrations, in order, and the statements that keep track of them. Never edit a released
    /// migration: add a new one, because databases that applied the old text will not apply it again.
    /// </summary>
    public static class LedgerMigrations
    {
        /// <summary>
        /// Migration 1, the payment ledger of Sync-GcPayment: payments (amounts in minor units, times in UTC),
        /// event ids already processed (deduplication inside the overlap window), and named sync watermarks that
        /// are updated in the same transaction as the payments they cover.
        /// </summary>
        internal static readonly SqlTemplate CreatePayment = new SqlTemplate(
            nameof(CreatePayment),
            "CREATE TABLE {gch_payment} ("
            + "payment_id nvarchar(64) NOT NULL CONSTRAINT PK_gch_payment PRIMARY KEY, customer_id nvarchar(64) NOT NULL,"
            + " mandate_id nvarchar(64) NOT NULL, halo_user_id int NULL, amount bigint NOT NULL,"
            + " amount_refunded bigint NOT NULL CONSTRAINT DF_gch_payment_amount_refunded DEFAULT 0, currency nvarchar(3) NOT NULL,"
            + " status nvarchar(40) NOT NULL, charge_date date NOT NULL, description nvarchar(1000) NULL, reference nvarchar(255) NULL,"
            + " created_at datetime2 NOT NULL, updated_at datetime2 NOT NULL, source_event_id nvarchar(64) NULL)",
            "CREATE TABLE {gch_payment} ("
            + "payment_id TEXT NOT NULL PRIMARY KEY, customer_id TEXT NOT NULL, mandate_id TEXT NOT NULL, halo_user_id INTEGER NULL,"
            + " amount INTEGER NOT NULL, amount_refunded INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL, status TEXT NOT NULL,"
            + " charge_date TEXT NOT NULL, description TEXT NULL, reference TEXT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
            + " source_event_id TEXT NULL)");

        internal static readonly SqlTemplate IndexPaymentCustomer = new SqlTemplate(
            nameof(IndexPaymentCustomer), "CREATE INDEX IX_gch_payment_customer_id ON {gch_payment} (customer_id)");

        internal static readonly SqlTemplate IndexPaymentUser = new SqlTemplate(
            nameof(IndexPaymentUser), "CREATE INDEX IX_gch_payment_halo_user_id ON {gch_payment} (halo_user_id)");

        internal static readonly SqlTemplate IndexPaymentStatus = new SqlTemplate(
            nameof(IndexPaymentStatus), "CREATE INDEX IX_gch_payment_status ON {gch_payment} (status)");

        internal static readonly SqlTemplate CreateEventSeen = new SqlTemplate(
            nameof(CreateEventSeen),
            "CREATE TABLE {gch_event_seen} (event_id nvarchar(64) NOT NULL CONSTRAINT PK_gch_event_seen PRIMARY KEY, created_at datetime2 NOT NULL)",
            "CREATE TABLE {gch_event_seen} (event_id TEXT NOT NULL PRIMARY KEY, created_at TEXT NOT NULL)");

        // Pruning events older than the overlap window reads by age.
        internal static readonly SqlTemplate IndexEventSeenCreated = new SqlTemplate(
            nameof(IndexEventSeenCreated), "CREATE INDEX IX_gch_event_seen_created_at ON {gch_event_seen} (created_at)");

        internal static readonly SqlTemplate CreateSyncState = new SqlTemplate(
            nameof(CreateSyncState),
            "CREATE TABLE {gch_sync_state} (name nvarchar(100) NOT NULL CONSTRAINT PK_gch_sync_state PRIMARY KEY,"
            + " watermark datetime2 NULL, cursor_value nvarchar(4000) NULL, updated_at datetime2 NOT NULL)",
            "CREATE TABLE {gch_sync_state} (name TEXT NOT NULL PRIMARY KEY, watermark TEXT NULL, cursor_value TEXT NULL, updated_at TEXT NOT NULL)");

        /// <summary>
        /// Migration 2, what the payment sync needs besides payments: every mandate (payments link to mandates, not
        /// customers, so this is the mandate → customer map, with the mandate's status for the summary), and the
        /// customers whose history is in the ledger (linked to a Halo user and backfilled), so a customer linked
        /// later is recognised and gets its own backfill.
        /// </summary>
        internal static readonly SqlTemplate CreateMandate = new SqlTemplate(
            nameof(CreateMandate),
            "CREATE TABLE {gch_mandate} (mandate_id nvarchar(64) NOT NULL CONSTRAINT PK_gch_mandate PRIMARY KEY, customer_id nvarchar(64) NULL,"
            + " status nvarchar(40) NOT NULL, created_at datetime2 NOT NULL, updated_at datetime2 NOT NULL)",
            "CREATE TABLE {gch_mandate} (mandate_id TEXT NOT NULL PRIMARY KEY, customer_id TEXT NULL, status TEXT NOT NULL,"
            + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)");

        internal static readonly SqlTemplate IndexMandateCustomer = new SqlTemplate(
            nameof(IndexMandateCustomer), "CREATE INDEX IX_gch_mandate_customer_id ON {gch_mandate} (customer_id, created_at)");

        internal static readonly SqlTemplate CreateCustomer = new SqlTemplate(
            nameof(CreateCustomer),
            "CREATE TABLE {gch_customer} (customer_id nvarchar(64) NOT NULL CONSTRAINT PK_gch_customer PRIMARY KEY, halo_user_id int NOT NULL,"
            + " backfilled_at datetime2 NOT NULL)",
            "CREATE TABLE {gch_customer} (customer_id TEXT NOT NULL PRIMARY KEY, halo_user_id INTEGER NOT NULL, backfilled_at TEXT NOT NULL)");

        // Get-GcPayment lists a user's or customer's payments newest first, and the summary takes each customer's
        // latest payment: both read this index in order. It starts with customer_id, so it replaces migration 1's
        // customer index; an index more on a table written a hundred thousand rows at a time costs more than it saves.
        internal static readonly SqlTemplate IndexPaymentCustomerCharge = new SqlTemplate(
            nameof(IndexPaymentCustomerCharge), "CREATE INDEX IX_gch_payment_customer_charge ON {gch_payment} (customer_id, charge_date, created_at)");

        internal static readonly SqlTemplate DropIndexPaymentCustomer = new SqlTemplate(
            nameof(DropIndexPaymentCustomer),
            "DROP INDEX IX_gch_payment_customer_id ON {gch_payment}",
            "DROP INDEX IX_gch_payment_customer_id");

        /// <summary>
        /// Migration 3, what lets a payment sync spend Halo requests only on change: the link map (every GoCardless
        /// customer → Halo user link, as the last full read of Halo showed it; refreshed by Import-GcUser's read and
        /// by the payment sync when it is older than a day), and each user's payment summary values as Halo last
        /// held them, so only users whose summary differs are read and written.
        /// </summary>
        internal static readonly SqlTemplate CreateLink = new SqlTemplate(
            nameof(CreateLink),
            "CREATE TABLE {gch_link} (customer_id nvarchar(64) NOT NULL, halo_user_id int NOT NULL,"
            + " CONSTRAINT PK_gch_link PRIMARY KEY (customer_id, halo_user_id))",
            "CREATE TABLE {gch_link} (customer_id TEXT NOT NULL, halo_user_id INTEGER NOT NULL, PRIMARY KEY (customer_id, halo_user_id))");

        internal static readonly SqlTemplate CreateSummary = new SqlTemplate(
            nameof(CreateSummary),
            "CREATE TABLE {gch_summary} (halo_user_id int NOT NULL, halo_field nvarchar(100) NOT NULL, value nvarchar(4000) NULL,"
            + " updated_at datetime2 NOT NULL, CONSTRAINT PK_gch_summary PRIMARY KEY (halo_user_id, halo_field))",
            "CREATE TABLE {gch_summary} (halo_user_id INTEGER NOT NULL, halo_field TEXT NOT NULL, value TEXT NULL, updated_at TEXT NOT NULL,"
            + " PRIMARY KEY (halo_user_id, halo_field))");

        /// <summary>
        /// Migration 4, invoice collection (issue 9): one row per collection attempt of a Halo invoice, written before
        /// the payment is created (payment_id null: the outcome is not yet known) and completed with the payment's id
        /// as soon as GoCardless answers. A row left without payment_id is resolved on the next run by re-sending the
        /// same Idempotency-Key, never by a second charge.
        /// </summary>
        internal static readonly SqlTemplate CreateCollection = new SqlTemplate(
            nameof(CreateCollection),
            "CREATE TABLE {gch_collection} (invoice_id int NOT NULL, attempt int NOT NULL, invoice_number nvarchar(255) NOT NULL,"
            + " idempotency_key nvarchar(128) NOT NULL, mandate_id nvarchar(64) NOT NULL, customer_id nvarchar(64) NOT NULL, halo_user_id int NULL,"
            + " amount bigint NOT NULL, invoice_total bigint NOT NULL, currency nvarchar(3) NOT NULL, charge_date date NOT NULL,"
            + " payment_id nvarchar(64) NULL, payment_status nvarchar(40) NULL, created_at datetime2 NOT NULL, updated_at datetime2 NOT NULL,"
            + " CONSTRAINT PK_gch_collection PRIMARY KEY (invoice_id, attempt))",
            "CREATE TABLE {gch_collection} (invoice_id INTEGER NOT NULL, attempt INTEGER NOT NULL, invoice_number TEXT NOT NULL,"
            + " idempotency_key TEXT NOT NULL, mandate_id TEXT NOT NULL, customer_id TEXT NOT NULL, halo_user_id INTEGER NULL,"
            + " amount INTEGER NOT NULL, invoice_total INTEGER NOT NULL, currency TEXT NOT NULL, charge_date TEXT NOT NULL,"
            + " payment_id TEXT NULL, payment_status TEXT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
            + " PRIMARY KEY (invoice_id, attempt))");

        // Sync-GcPayment finds the invoice a payment collected.
        internal static readonly SqlTemplate IndexCollectionPayment = new SqlTemplate(
            nameof(IndexCollectionPayment), "CREATE INDEX IX_gch_collection_payment_id ON {gch_collection} (payment_id)");

        /// <summary>
        /// Migration 5 (issue 11), what a payment keeps of its failure: GoCardless's cause and description of the event
        /// that moved it (details.cause, details.description), and when its status changed (that event's created_at; the
        /// sync's time for a change found without an event; null for history read by the first run's backfill).
        /// </summary>
        internal static readonly SqlTemplate AddPaymentFailureCause = new SqlTemplate(
            nameof(AddPaymentFailureCause), "ALTER TABLE {gch_payment} ADD failure_cause nvarchar(100) NULL", "ALTER TABLE {gch_payment} ADD COLUMN failure_cause TEXT NULL");

        internal static readonly SqlTemplate AddPaymentFailureDescription = new SqlTemplate(
            nameof(AddPaymentFailureDescription), "ALTER TABLE {gch_payment} ADD failure_description nvarchar(1000) NULL", "ALTER TABLE {gch_payment} ADD COLUMN failure_description TEXT NULL");

        internal static readonly SqlTemplate AddPaymentStatusChangedAt = new SqlTemplate(
            nameof(AddPaymentStatusChangedAt), "ALTER TABLE {gch_payment} ADD status_changed_at datetime2 NULL", "ALTER TABLE {gch_payment} ADD COLUMN status_changed_at TEXT NULL");

        // Get-GcPayment -ChangedSince reads by it.
        internal static readonly SqlTemplate IndexPaymentStatusChangedAt = new SqlTemplate(
            nameof(IndexPaymentStatusChangedAt), "CREATE INDEX IX_gch_payment_status_changed_at ON {gch_payment} (status_changed_at)");

        /// <summary>
        /// Migration 6 (issue 9), GoCardless's own retries (Success+, https://developer.gocardless.com/introduction/success-plus/):
        /// whether a collection's create asked for <c>retry_if_possible</c> (so an interrupted attempt is re-sent unchanged), and
        /// what the payment's last failure said of a retry (the <c>failed</c> event's <c>details.will_attempt_retry</c>; null
        /// when no failure said), which keeps an invoice GoCardless will retry from being charged again by -Retry.
        /// </summary>
        internal static readonly SqlTemplate AddCollectionRetryIfPossible = new SqlTemplate(
            nameof(AddCollectionRetryIfPossible),
            "ALTER TABLE {gch_collection} ADD retry_if_possible bit NOT NULL CONSTRAINT DF_gch_collection_retry_if_possible DEFAULT 0",
            "ALTER TABLE {gch_collection} ADD COLUMN retry_if_possible INTEGER NOT NULL DEFAULT 0");

        internal static readonly SqlTemplate AddPaymentWillAttemptRetry = new SqlTemplate(
            nameof(AddPaymentWillAttemptRetry), "ALTER TABLE {gch_payment} ADD will_attempt_retry bit NULL", "ALTER TABLE {gch_payment} ADD COLUMN will_attempt_retry INTEGER NULL");

        /// <summary>The runner that applies <see cref="All"/> to <paramref name="database"/> (Halo's SQL database or the ledger's own).</summary>
        public static SqlMigrator Migrator(SqlDatabase database) => new SqlMigrator(database, All);

        /// <summary>Every migration, in version order.</summary>
        public static IReadOnlyList<SqlMigration> All { get; } = new[]
        {
            new SqlMigration(1, "payment ledger", new[]
            {
                CreatePayment, IndexPaymentCustomer, IndexPaymentUser, IndexPaymentStatus, CreateEventSeen, IndexEventSeenCreated, CreateSyncState,
            }),
            new SqlMigration(2, "payment sync mandates and linked customers", new[]
            {
                CreateMandate, IndexMandateCustomer, CreateCustomer, IndexPaymentCustomerCharge, DropIndexPaymentCustomer,
            }),
            new SqlMigration(3, "payment sync link map and summary values", new[] { CreateLink, CreateSummary }),
            new SqlMigration(4, "invoice collections", new[] { CreateCollection, IndexCollectionPayment }),
            new SqlMigration(5, "payment failure cause and status change time", new[]
            {
                AddPaymentFailureCause, AddPaymentFailureDescription, AddPaymentStatusChangedAt, IndexPaymentStatusChangedAt,
            }),
            new SqlMigration(6, "GoCardless retries of collections", new[] { AddCollectionRetryIfPossible, AddPaymentWillAttemptRetry }),
        };
    }
}
