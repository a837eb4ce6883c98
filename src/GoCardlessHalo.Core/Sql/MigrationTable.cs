// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sql
{
    /// <summary>The <see cref="SqlMigrator"/>'s own bookkeeping: the table recording which migrations a database has.</summary>
    internal static class MigrationTable
    {
        /// <summary>The table recording applied migrations.</summary>
        public const string Name = "gch_migration";

        // Bookkeeping. SQL Server: an application lock serialises concurrent Enable-GcModule runs, which could
        // otherwise both see the migration table missing.
        internal static readonly SqlTemplate AcquireLock = new SqlTemplate(
            nameof(AcquireLock),
            "DECLARE @result int; EXEC @result = sp_getapplock @Resource = N'GoCardlessHalo.migrations', @LockMode = N'Exclusive',"
            + " @LockOwner = N'Transaction', @LockTimeout = 60000;"
            + " IF @result < 0 THROW 51000, N'Another GoCardlessHalo process is applying migrations; try again in a minute.', 1;",
            null);

        internal static readonly SqlTemplate MigrationTableExists = new SqlTemplate(
            nameof(MigrationTableExists),
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = @schema AND TABLE_NAME = @table",
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table");

        internal static readonly SqlTemplate CreateMigrationTable = new SqlTemplate(
            nameof(CreateMigrationTable),
            "IF NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = @schema AND TABLE_NAME = @table)"
            + " CREATE TABLE {gch_migration} (version int NOT NULL CONSTRAINT PK_gch_migration PRIMARY KEY, name nvarchar(200) NOT NULL, applied_at datetime2 NOT NULL)",
            "CREATE TABLE IF NOT EXISTS {gch_migration} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");

        internal static readonly SqlTemplate SelectApplied = new SqlTemplate(
            nameof(SelectApplied), "SELECT version FROM {gch_migration} ORDER BY version");

        internal static readonly SqlTemplate RecordApplied = new SqlTemplate(
            nameof(RecordApplied), "INSERT INTO {gch_migration} (version, name, applied_at) VALUES (@version, @name, @appliedAt)");
    }
}
