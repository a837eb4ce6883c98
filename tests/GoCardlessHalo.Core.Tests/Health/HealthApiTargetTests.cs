// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Health;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo.Api;
using GoCardlessHalo.Core.Tests.Halo.Sql;
using static GoCardlessHalo.Core.Health.HealthCheckNames;
using static GoCardlessHalo.Core.Tests.Health.HealthHarness;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Health;

/// <summary>The health check of a setup on the Halo API target, against the in-process emulator (both sides).</summary>
public sealed class HealthApiTargetTests : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly HealthHarness _setup = new();

    public HealthApiTargetTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await HaloApiTestKit.SeedAsync(_emulator.Host, HaloApiTestKit.SmallHalo(fields: new object[]
        {
            new { id = 1, name = "GoCardlessCustomerId", label = "GoCardless customer", type = 0, usage = 4 },
            new { id = 2, name = "Department", label = "Department", type = 0, usage = 4 },
            new { id = 3, name = "PreferredContact", label = "Preferred contact", type = 2, usage = 4 },
        }));
        _setup.UseGoCardless(_emulator.Host);
        _setup.UseHaloApi(_emulator.Host);
        _setup.Settings.FieldMappings.Add(new FieldMapping("account_ref", "Department"));
        _setup.RecordRecentSyncs();
        await _setup.CreateLedgerAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task A_good_setup_passes_every_check()
    {
        var results = await _setup.RunAsync();

        AssertAll(results, HealthStatus.Passed);
        Assert.Contains("accepted the access token", Check(results, GoCardlessToken).Message);
        Assert.EndsWith("halo) issued a token to the API application 'emulator-client' (scope 'all').", Check(results, HaloConnection).Message);
        Assert.Contains("Read customers (1), sites (2) and users (0); 3 User custom field(s) read.", Check(results, HaloPermissions).Message);
        Assert.Contains("Acme Widgets Ltd/Head Office (id 10)", Check(results, DefaultSite).Message);
        Assert.Contains("switched off (GET /api/Control)", Check(results, HaloNativeIntegration).Message);
        Assert.True(ModuleHealth.IsHealthy(results));
    }

    [Fact]
    public async Task A_wrong_access_token_fails_only_the_token_check()
    {
        _setup.UseGoCardless(_emulator.Host, token: "wrong-token-7f3a9c");

        var results = await _setup.RunAsync();

        var token = Check(results, GoCardlessToken);
        Assert.Equal(HealthStatus.Failed, token.Status);
        Assert.Equal("GoCardlessTokenInvalid", token.ErrorId);
        Assert.Contains("rejected the access token", token.Message);
        AssertAll(results, HealthStatus.Passed, GoCardlessToken);
        Assert.False(ModuleHealth.IsHealthy(results));
    }

    [Fact]
    public async Task A_wrong_halo_secret_fails_the_connection_and_skips_what_needs_it()
    {
        _setup.UseHaloApi(_emulator.Host, secret: "not-the-secret-91b2");

        var results = await _setup.RunAsync();

        var connection = Check(results, HaloConnection);
        Assert.Equal(HealthStatus.Failed, connection.Status);
        Assert.Equal("HaloAuthenticationFailed", connection.ErrorId);
        Assert.Contains("client secret", connection.Message);
        foreach (var dependent in new[] { HaloPermissions, LinkField, FieldMappings, DefaultSite, HaloNativeIntegration })
        {
            Assert.Equal(HealthStatus.Skipped, Check(results, dependent).Status);
        }

        Assert.Contains("needs HaloConnection, which failed", Check(results, HaloPermissions).Message);
        Assert.Contains("needs HaloPermissions, which was skipped", Check(results, LinkField).Message);
        AssertAll(results, HealthStatus.Passed, HaloConnection, HaloPermissions, LinkField, FieldMappings, DefaultSite, HaloNativeIntegration);
    }

    [Fact]
    public async Task A_refused_user_read_is_not_enough_permission()
    {
        await HaloApiTestKit.FaultAsync(_emulator.Host, new { kind = "status", status = 403, count = 5, service = "halo", pathContains = "/api/Users", body = "{\"Message\":\"Access denied\"}" });

        var results = await _setup.RunAsync();

        Assert.Equal(HealthStatus.Passed, Check(results, HaloConnection).Status);
        var permissions = Check(results, HaloPermissions);
        Assert.Equal(HealthStatus.Failed, permissions.Status);
        Assert.Equal("HaloPermissionDenied", permissions.ErrorId);
        Assert.StartsWith("Not enough permission: ", permissions.Message);
        Assert.Contains("read:customers", permissions.Message);
        Assert.Equal(HealthStatus.Skipped, Check(results, LinkField).Status);
        Assert.Equal(HealthStatus.Skipped, Check(results, DefaultSite).Status);
    }

    [Fact]
    public async Task A_missing_link_field_and_unusable_mappings_fail_with_the_fix()
    {
        _setup.Settings.Halo.LinkField = "GcCustomerRef";
        _setup.Settings.FieldMappings.Add(new FieldMapping("contact", "PreferredContact"));
        _setup.Settings.FieldMappings.Add(new FieldMapping("region", "Region"));

        var results = await _setup.RunAsync();

        var link = Check(results, LinkField);
        Assert.Equal(HealthStatus.Failed, link.Status);
        Assert.Equal("LinkFieldInvalid", link.ErrorId);
        Assert.Contains("no user custom field named 'GcCustomerRef'", link.Message);
        Assert.Contains("Enable-GcModule creates it", link.Message);
        var mappings = Check(results, FieldMappings);
        Assert.Equal(HealthStatus.Failed, mappings.Status);
        Assert.Equal("FieldMappingInvalidInHalo", mappings.ErrorId);
        Assert.StartsWith("2 of 3 field mapping(s) cannot be used", mappings.Message);
        Assert.Contains("'PreferredContact' is not of type Text", mappings.Message);
        Assert.Contains("no user custom field named 'Region'", mappings.Message);
        Assert.Contains("Set-GcFieldMapping", mappings.Message);
        Assert.Equal(2, mappings.Detail!.Split(Environment.NewLine).Length);
    }

    [Fact]
    public async Task A_mapping_into_the_link_field_fails()
    {
        _setup.Settings.FieldMappings.Add(new FieldMapping("customer_ref", "CFGoCardlessCustomerId"));

        var results = await _setup.RunAsync();

        var mappings = Check(results, FieldMappings);
        Assert.Equal(HealthStatus.Failed, mappings.Status);
        Assert.Contains("is the link field", mappings.Message);
    }

    [Fact]
    public async Task A_missing_ledger_is_a_warning_that_the_first_payment_sync_creates_it()
    {
        System.IO.File.Delete(_setup.Location.Beside(PaymentLedger.EmbeddedFileName));

        var results = await _setup.RunAsync();

        var tables = Check(results, ModuleTables);
        Assert.Equal(HealthStatus.Warning, tables.Status);
        Assert.Equal("LedgerMissing", tables.ErrorId);
        Assert.Contains("created on the first Sync-GcPayment", tables.Message);
        Assert.True(ModuleHealth.IsHealthy(results));
    }

    [Fact]
    public async Task A_ledger_behind_on_migrations_is_a_warning()
    {
        await RawSqlite.ExecuteAsync(SqlOptions.ForSqlite(_setup.Location.Beside(PaymentLedger.EmbeddedFileName)), "DROP TABLE gch_migration");

        var tables = Check(await _setup.RunAsync(), ModuleTables);

        Assert.Equal(HealthStatus.Warning, tables.Status);
        Assert.Equal("MigrationsPending", tables.ErrorId);
        Assert.Contains($"lacks {LedgerMigrations.All.Count} migration(s) (1: payment ledger, 2: ", tables.Message);
        Assert.Contains("the next Sync-GcPayment applies them", tables.Message);
    }

    [Fact]
    public async Task Halo_s_own_integrator_switched_on_is_a_warning_with_its_last_sync()
    {
        await HaloApiTestKit.AdminAsync(_emulator.Host, "halo/control", new { halointegrator_gocardless = true, halointegrator_gocardless_lastsync = "2026-01-05T08:00:00", halointegrator_gocardless_lasterror = "Customer CU1 has no email" });

        var results = await _setup.RunAsync();

        var native = Check(results, HaloNativeIntegration);
        Assert.Equal(HealthStatus.Warning, native.Status);
        Assert.Equal("HaloNativeIntegrationEnabled", native.ErrorId);
        Assert.Contains("switched on (GET /api/Control); it last synced at 2026-01-05T08:00:00", native.Message);
        Assert.Contains("Disable-GcModule", native.Message);
        Assert.Contains("Customer CU1 has no email", native.Detail);
    }

    [Fact]
    public async Task A_refused_settings_read_skips_the_integrator_check()
    {
        await HaloApiTestKit.FaultAsync(_emulator.Host, new { kind = "status", status = 403, count = 1, service = "halo", pathContains = "/api/Control", body = "{\"Message\":\"Access denied\"}" });

        var results = await _setup.RunAsync();

        var native = Check(results, HaloNativeIntegration);
        Assert.Equal(HealthStatus.Skipped, native.Status);
        Assert.Contains("Halo answered 403 to GET /api/Control", native.Message);
        AssertAll(results, HealthStatus.Passed, HaloNativeIntegration);
    }

    [Fact]
    public async Task A_default_site_that_names_no_site_fails_and_an_unset_one_warns()
    {
        _setup.Settings.DefaultSite = "Nowhere";
        var missing = Check(await _setup.RunAsync(), DefaultSite);
        _setup.Settings.DefaultSite = null;
        var unset = Check(await _setup.RunAsync(), DefaultSite);

        Assert.Equal(HealthStatus.Failed, missing.Status);
        Assert.Equal("DefaultSiteNotFound", missing.ErrorId);
        Assert.Equal(HealthStatus.Warning, unset.Status);
        Assert.Equal("DefaultSiteNotSet", unset.ErrorId);
        Assert.Contains("Enable-GcModule -DefaultSite", unset.Message);
    }

    [Fact]
    public async Task Stale_and_failed_syncs_are_reported()
    {
        _setup.State.RecordSuccess(SyncKind.Import, _setup.Clock.UtcNow - TimeSpan.FromDays(3));
        // The last payment sync succeeded 20 minutes ago (arranged); this attempt came after it.
        _setup.State.RecordFailure(SyncKind.Payments, _setup.Clock.UtcNow - TimeSpan.FromMinutes(5), "GoCardless answered 500.");

        var results = await _setup.RunAsync();

        var import = Check(results, LastImport);
        Assert.Equal(HealthStatus.Warning, import.Status);
        Assert.Equal("SyncStale", import.ErrorId);
        Assert.Contains("3 days ago", import.Message);
        var payments = Check(results, LastPaymentSync);
        Assert.Equal(HealthStatus.Failed, payments.Status);
        Assert.Contains("failed: GoCardless answered 500.", payments.Message);
    }

    [Fact]
    public async Task Runs_recorded_from_another_machine_are_a_SyncMachine_warning_naming_it()
    {
        var clean = Check(await _setup.RunAsync(), SyncMachine);
        _setup.State.RecordStart(SyncKind.Payments, _setup.Clock.UtcNow - TimeSpan.FromHours(1), "RMM-AGENT-2");
        _setup.State.RecordSuccess(SyncKind.Payments, _setup.Clock.UtcNow - TimeSpan.FromMinutes(50));

        var results = await _setup.RunAsync();

        Assert.Equal(HealthStatus.Passed, clean.Status);
        var machine = Check(results, SyncMachine);
        Assert.Equal((HealthStatus.Warning, "SyncOtherMachine"), (machine.Status, machine.ErrorId));
        Assert.Contains("the last Sync-GcPayment started on RMM-AGENT-2", machine.Message);
        Assert.Equal(HealthStatus.Passed, Check(results, LastPaymentSync).Status);
    }

    [Fact]
    public async Task An_unresolvable_token_fails_the_configuration_and_skips_only_the_token_check()
    {
        _setup.Platform.Variables.Remove(HealthHarness.TokenVariable);

        var results = await _setup.RunAsync();

        var configuration = Check(results, Configuration);
        Assert.Equal(HealthStatus.Failed, configuration.Status);
        Assert.Equal("SecretNotFound", configuration.ErrorId);
        Assert.Contains(HealthHarness.TokenVariable + " is not set", configuration.Message);
        Assert.Equal(HealthStatus.Skipped, Check(results, GoCardlessToken).Status);
        AssertAll(results, HealthStatus.Passed, Configuration, GoCardlessToken);
    }

    [Fact]
    public async Task A_sql_server_ledger_password_is_resolved_with_the_other_secrets_before_the_first_result()
    {
        var vault = new ThreadRecordingVault();
        _setup.Vault = vault;
        _setup.Settings.Ledger.ConnectionString = "Server=tcp:127.0.0.1,1;Database=GcLedger;User ID=gocardless;Connect Timeout=3;ConnectRetryCount=0";
        _setup.Settings.Ledger.Password = SecretReference.SecretManagement("LedgerPassword");
        new ConfigStore(_setup.Location).Save(_setup.Settings);

        // secret: references run Get-Secret, which works only on the thread that asks for the first result.
        var thread = Environment.CurrentManagedThreadId;
        var results = new List<HealthCheck>();
        await foreach (var check in _setup.Health().RunAsync(CancellationToken.None))
        {
            if (results.Count == 0)
            {
                Assert.Equal(new[] { thread }, vault.Threads);
            }

            results.Add(check);
        }

        Assert.Single(vault.Threads);
        Assert.Equal(HealthStatus.Failed, Check(results, ModuleTables).Status); // nothing listens on port 1
        Assert.All(results, r => Assert.DoesNotContain(ThreadRecordingVault.Secret, r.ToString() + r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_module_is_a_warning_and_everything_else_is_still_checked()
    {
        _setup.Settings.Enabled = false;

        var results = await _setup.RunAsync();

        var configuration = Check(results, Configuration);
        Assert.Equal(HealthStatus.Warning, configuration.Status);
        Assert.Equal("ModuleDisabled", configuration.ErrorId);
        Assert.Contains("refuse to run", configuration.Message);
        Assert.Contains("client secret from the environment variable " + HealthHarness.HaloSecretVariable, configuration.Detail);
        AssertAll(results, HealthStatus.Passed, Configuration);
    }
}
