// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Health;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo.Sql;
using static GoCardlessHalo.Core.Health.HealthCheckNames;
using static GoCardlessHalo.Core.Tests.Health.HealthHarness;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Health;

/// <summary>The health check of a setup on an embedded SQLite Halo (GoCardless is the in-process emulator).</summary>
public sealed class HealthSqliteTargetTests : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly HealthHarness _setup = new();
    private SqlOptions _database = null!;

    public HealthSqliteTargetTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        _database = await HaloSqliteDatabase.CreateAsync(_setup.File("halo.db"), CancellationToken.None);
        var seed = HaloSeedData.Sample();
        seed.Fields.Add(new HaloFieldDefinition { Id = 1, Name = "GoCardlessCustomerId", Label = "GoCardless customer", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage });
        seed.Fields.Add(new HaloFieldDefinition { Id = 2, Name = "Department", Label = "Department", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage });
        using (var database = new SqlDatabase(_database))
        {
            await HaloSqliteDatabase.SeedAsync(database, seed, CancellationToken.None);
            await LedgerMigrations.Migrator(database).ApplyAsync(CancellationToken.None);
        }

        _setup.UseGoCardless(_emulator.Host);
        _setup.UseSqlite(_database.SqlitePath);
        _setup.Settings.DefaultSite = "Unassigned Customers/Default Site";
        _setup.Settings.FieldMappings.Add(new FieldMapping("account_ref", "Department"));
        _setup.RecordRecentSyncs();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task A_good_setup_passes_every_check()
    {
        var results = await _setup.RunAsync();

        AssertAll(results, HealthStatus.Passed);
        Assert.Contains("the login can read AREA, SITE, USERS, FIELDINFO, FieldData", Check(results, HaloPermissions).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"up to date (migration {LedgerMigrations.All.Count}: ", Check(results, ModuleTables).Message);
        Assert.Contains("switched off (MODULESETUP: no row whose MSName mentions GoCardless)", Check(results, HaloNativeIntegration).Message);
    }

    [Fact]
    public async Task Pending_migrations_fail_and_say_how_to_apply_them()
    {
        await RawSqlite.ExecuteAsync(_database, "DROP TABLE gch_migration");

        var results = await _setup.RunAsync();

        var tables = Check(results, ModuleTables);
        Assert.Equal(HealthStatus.Failed, tables.Status);
        Assert.Equal("MigrationsPending", tables.ErrorId);
        Assert.Contains("1: payment ledger", tables.Message);
        Assert.Contains("Run Enable-GcModule", tables.Message);
    }

    [Fact]
    public async Task Halo_s_own_integrator_enabled_in_modulesetup_is_a_warning()
    {
        await RawSqlite.ExecuteAsync(_database,
            "INSERT INTO MODULESETUP (MSid, MSName, MSHaloIntegratorEnabled, MSHaloIntegratorLastSync) VALUES (7, 'Xero', 1, NULL), (42, 'GoCardless', 1, '2026-01-04 22:00:00')");

        var results = await _setup.RunAsync();

        var native = Check(results, HaloNativeIntegration);
        Assert.Equal(HealthStatus.Warning, native.Status);
        Assert.Contains("switched on (MODULESETUP MSid 42 'GoCardless'); it last synced at 2026-01-04 22:00:00", native.Message);
    }

    [Fact]
    public async Task A_gocardless_row_with_the_integrator_off_passes()
    {
        await RawSqlite.ExecuteAsync(_database, "INSERT INTO MODULESETUP (MSid, MSName, MSHaloIntegratorEnabled) VALUES (42, 'GoCardless', 0)");

        var native = Check(await _setup.RunAsync(), HaloNativeIntegration);

        Assert.Equal(HealthStatus.Passed, native.Status);
        Assert.Contains("switched off (MODULESETUP MSid 42 'GoCardless')", native.Message);
    }

    [Theory]
    [InlineData("DROP TABLE MODULESETUP", "has no MODULESETUP table")]
    [InlineData("DROP TABLE MODULESETUP; CREATE TABLE MODULESETUP (MSid int NOT NULL PRIMARY KEY, MSName nvarchar(100) NULL)", "has no column MSHaloIntegratorEnabled")]
    public async Task Without_halo_s_integrator_settings_the_check_is_skipped(string sql, string reason)
    {
        await RawSqlite.ExecuteAsync(_database, sql);

        var results = await _setup.RunAsync();

        var native = Check(results, HaloNativeIntegration);
        Assert.Equal(HealthStatus.Skipped, native.Status);
        Assert.Contains(reason, native.Message);
        AssertAll(results, HealthStatus.Passed, HaloNativeIntegration);
    }

    [Fact]
    public async Task A_missing_database_fails_the_connection_and_skips_everything_that_needs_it()
    {
        _setup.UseSqlite(_setup.File("elsewhere.db"));

        var results = await _setup.RunAsync();

        var connection = Check(results, HaloConnection);
        Assert.Equal(HealthStatus.Failed, connection.Status);
        Assert.Equal(ErrorIds.HaloSqliteFileNotFound, connection.ErrorId);
        foreach (var dependent in new[] { HaloPermissions, LinkField, FieldMappings, DefaultSite, ModuleTables, HaloNativeIntegration })
        {
            Assert.Equal(HealthStatus.Skipped, Check(results, dependent).Status);
        }

        AssertAll(results, HealthStatus.Passed, HaloConnection, HaloPermissions, LinkField, FieldMappings, DefaultSite, ModuleTables, HaloNativeIntegration);
    }

    [Fact]
    public async Task A_database_without_halo_s_tables_fails_the_connection_naming_them()
    {
        await RawSqlite.ExecuteAsync(_database, "DROP TABLE FieldData");

        var connection = Check(await _setup.RunAsync(), HaloConnection);

        Assert.Equal(HealthStatus.Failed, connection.Status);
        Assert.Equal(ErrorIds.HaloSchemaMissing, connection.ErrorId);
        Assert.Contains("missing table FieldData", connection.Message);
    }

    [Fact]
    public async Task A_link_field_that_is_not_text_fails_with_the_fix()
    {
        await RawSqlite.ExecuteAsync(_database, "UPDATE FIELDINFO SET FIType = 2 WHERE FIName = 'GoCardlessCustomerId'");

        var link = Check(await _setup.RunAsync(), LinkField);

        Assert.Equal(HealthStatus.Failed, link.Status);
        Assert.Contains("is not of type Text", link.Message);
        Assert.Contains("Enable-GcModule -LinkField", link.Message);
    }
}
