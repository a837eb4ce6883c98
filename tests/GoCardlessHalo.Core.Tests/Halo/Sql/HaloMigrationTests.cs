// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>The module's own tables: versioned, applied once, renderable without a database, writable in one transaction.</summary>
public sealed class HaloMigrationTests : SqliteDatabaseTests
{
    private readonly string ledgerPath = Path.Combine(Path.GetTempPath(), "gch-ledger-" + Guid.NewGuid().ToString("N"), "ledger.db");

    protected override void CleanUp()
    {
        if (Directory.Exists(Path.GetDirectoryName(ledgerPath)))
        {
            Directory.Delete(Path.GetDirectoryName(ledgerPath)!, recursive: true);
        }
    }

    [Fact]
    public async Task Pending_migrations_are_applied_once_and_recorded()
    {
        var options = await Factory.CreateDatabaseAsync();
        using var database = new SqlDatabase(options);
        var migrator = LedgerMigrations.Migrator(database);

        var pendingBefore = await migrator.GetPendingAsync(CancellationToken.None);
        var tablesAfterCheck = await RawSqlite.ScalarAsync(options, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'gch_%'");
        var applied = await migrator.ApplyAsync(CancellationToken.None);
        var appliedAgain = await migrator.ApplyAsync(CancellationToken.None);
        var pendingAfter = await migrator.GetPendingAsync(CancellationToken.None);

        Assert.Equal(LedgerMigrations.All.Select(m => m.Version), pendingBefore.Select(m => m.Version));
        Assert.Equal(0L, tablesAfterCheck);
        Assert.Equal(LedgerMigrations.All.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Empty(appliedAgain);
        Assert.Empty(pendingAfter);
        var recorded = await RawSqlite.RowsAsync(options, "SELECT version, name FROM gch_migration ORDER BY version");
        Assert.Equal(new object?[] { 1L, "payment ledger" }, recorded[0]);
        Assert.Equal(new object?[] { 2L, "payment sync mandates and linked customers" }, recorded[1]);
        Assert.Equal(new object?[] { 3L, "payment sync link map and summary values" }, recorded[2]);
        Assert.Equal(new object?[] { 4L, "invoice collections" }, recorded[3]);
        var paymentColumns = (await RawSqlite.RowsAsync(options, "SELECT name FROM pragma_table_info('gch_payment')")).Select(r => (string)r[0]!);
        Assert.Equal(
            new[] { "payment_id", "customer_id", "mandate_id", "halo_user_id", "amount", "amount_refunded", "currency", "status", "charge_date", "description", "reference", "created_at", "updated_at", "source_event_id", "failure_cause", "failure_description", "status_changed_at", "will_attempt_retry" },
            paymentColumns);
        var indexes = (await RawSqlite.RowsAsync(options, "SELECT name FROM pragma_index_list('gch_payment') WHERE origin = 'c'")).Select(r => (string)r[0]!).OrderBy(n => n);
        Assert.Equal(new[] { "IX_gch_payment_customer_charge", "IX_gch_payment_halo_user_id", "IX_gch_payment_status", "IX_gch_payment_status_changed_at" }, indexes);
        var mandateColumns = (await RawSqlite.RowsAsync(options, "SELECT name FROM pragma_table_info('gch_mandate')")).Select(r => (string)r[0]!);
        Assert.Equal(new[] { "mandate_id", "customer_id", "status", "created_at", "updated_at" }, mandateColumns);
        var customerColumns = (await RawSqlite.RowsAsync(options, "SELECT name FROM pragma_table_info('gch_customer')")).Select(r => (string)r[0]!);
        Assert.Equal(new[] { "customer_id", "halo_user_id", "backfilled_at" }, customerColumns);
        var collectionKey = (await RawSqlite.RowsAsync(options, "SELECT name FROM pragma_table_info('gch_collection') WHERE pk > 0 ORDER BY pk")).Select(r => (string)r[0]!);
        Assert.Equal(new[] { "invoice_id", "attempt" }, collectionKey);
        // Migration 6: what a create asked of GoCardless's retries, defaulting to "nothing" for attempts made before it.
        var retryColumn = Assert.Single(await RawSqlite.RowsAsync(options, "SELECT \"notnull\", dflt_value FROM pragma_table_info('gch_collection') WHERE name = 'retry_if_possible'"));
        Assert.Equal((1L, "0"), ((long)retryColumn[0]!, (string)retryColumn[1]!));
        // Halo's own tables (AREA, SITE, USERS, FIELDINFO, FieldData, MODULESETUP, Control4, IntegrationFieldMapping, INVOICEHEADER,
        // INVOICEDETAIL, InvoicePayment, CURRENCY, FAULTS) are untouched by the migrations.
        Assert.Equal(13L, await RawSqlite.CountAsync(options, "sqlite_master WHERE type = 'table' AND name NOT LIKE 'gch_%' AND name NOT LIKE 'sqlite_%'"));
    }

    [Fact]
    public async Task A_ledger_beside_the_configuration_is_created_on_first_use()
    {
        using var ledger = SqlDatabase.CreateOrOpenSqlite(ledgerPath);

        var applied = await LedgerMigrations.Migrator(ledger).ApplyAsync(CancellationToken.None);

        Assert.Equal(LedgerMigrations.All.Count, applied.Count);
        Assert.True(File.Exists(ledgerPath));
        Assert.Equal(9L, await RawSqlite.CountAsync(SqlOptions.ForSqlite(ledgerPath), "sqlite_master WHERE type = 'table' AND name LIKE 'gch_%'"));
    }

    [Fact]
    public void The_ddl_renders_for_both_dialects_without_a_database()
    {
        using var sqlServer = new SqlDatabase(SqlOptions.ForSqlServer("Server=tcp:127.0.0.1,1;Database=Halo;Connect Timeout=1") with { SchemaName = "halo" });
        using var sqlite = SqlDatabase.CreateOrOpenSqlite(ledgerPath);

        var tsql = LedgerMigrations.Migrator(sqlServer).RenderScript(LedgerMigrations.All);
        var sqliteScript = LedgerMigrations.Migrator(sqlite).RenderScript(LedgerMigrations.All);

        Assert.Contains("CREATE TABLE [halo].[gch_payment] (payment_id nvarchar(64) NOT NULL", tsql, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX IX_gch_payment_status ON [halo].[gch_payment] (status);", tsql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [halo].[gch_sync_state]", tsql, StringComparison.Ordinal);
        Assert.Contains("-- Migration 1: payment ledger", tsql, StringComparison.Ordinal);
        Assert.Contains("-- Migration 2: payment sync mandates and linked customers", tsql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [halo].[gch_mandate] (mandate_id nvarchar(64) NOT NULL", tsql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"gch_event_seen\" (event_id TEXT NOT NULL PRIMARY KEY", sqliteScript, StringComparison.Ordinal);
        Assert.False(File.Exists(ledgerPath));
    }

    [Fact]
    public async Task Ledger_rows_and_their_watermark_commit_or_roll_back_together()
    {
        var options = await Factory.CreateDatabaseAsync();
        using var database = new SqlDatabase(options);
        await LedgerMigrations.Migrator(database).ApplyAsync(CancellationToken.None);

        await WriteLedgerAsync(database, "PM001", commit: false);
        var afterRollback = (await RawSqlite.CountAsync(options, "gch_payment"), await RawSqlite.CountAsync(options, "gch_sync_state"));
        await WriteLedgerAsync(database, "PM002", commit: true);
        var afterCommit = (await RawSqlite.CountAsync(options, "gch_payment"), await RawSqlite.CountAsync(options, "gch_sync_state"));

        Assert.Equal((0L, 0L), afterRollback);
        Assert.Equal((1L, 1L), afterCommit);
        Assert.Equal("PM002", await RawSqlite.ScalarAsync(options, "SELECT payment_id FROM gch_payment"));
    }

    private static async Task WriteLedgerAsync(SqlDatabase database, string paymentId, bool commit)
    {
        using var transaction = await database.BeginTransactionAsync(CancellationToken.None);
        using (var command = transaction.Connection.CreateCommand())
        {
            command.Transaction = transaction.Transaction;
            command.CommandText = "INSERT INTO gch_payment (payment_id, customer_id, mandate_id, amount, currency, status, charge_date, created_at, updated_at)"
                + " VALUES ('" + paymentId + "', 'CU1', 'MD1', 1500, 'GBP', 'confirmed', '2026-03-01', '2026-03-01', '2026-03-01');"
                + " INSERT INTO gch_sync_state (name, watermark, updated_at) VALUES ('payments', '2026-03-01T00:00:00Z', '2026-03-01');";
            await command.ExecuteNonQueryAsync();
        }

        if (commit)
        {
            transaction.Commit();
        }
    }
}
