// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Health;
using static GoCardlessHalo.Core.Health.HealthCheckNames;
using static GoCardlessHalo.Core.Tests.Health.HealthHarness;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Health;

/// <summary>The Configuration check, and what happens to the others when the settings cannot be used. No network.</summary>
public sealed class HealthConfigurationTests : IDisposable
{
    private readonly HealthHarness _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task Without_a_settings_file_configuration_fails_and_everything_else_is_skipped()
    {
        var results = await _setup.RunAsync(save: false);

        var configuration = Check(results, Configuration);
        Assert.Equal(HealthStatus.Failed, configuration.Status);
        Assert.Equal("ModuleNotConfigured", configuration.ErrorId);
        Assert.Contains("Run Enable-GcModule", configuration.Message);
        AssertAll(results, HealthStatus.Skipped, Configuration);
        Assert.Contains("The settings could not be loaded", Check(results, LastImport).Message);
    }

    [Fact]
    public async Task An_invalid_settings_file_fails_with_its_line_and_is_left_alone()
    {
        const string Broken = "version: 1\nenabled: [oops\n";
        File.WriteAllText(_setup.Location.SettingsPath, Broken);

        var results = await _setup.RunAsync(save: false);

        var configuration = Check(results, Configuration);
        Assert.Equal(HealthStatus.Failed, configuration.Status);
        Assert.Equal(ErrorIds.ConfigFileInvalid, configuration.ErrorId);
        Assert.Contains("line ", configuration.Message);
        AssertAll(results, HealthStatus.Skipped, Configuration);
        Assert.Equal(Broken, File.ReadAllText(_setup.Location.SettingsPath));
    }

    [Fact]
    public async Task Every_configuration_problem_is_listed_and_both_sides_are_skipped()
    {
        // Hand-edited: no access token, and a Sqlite target without a file.
        File.WriteAllText(_setup.Location.SettingsPath, "version: 1\nenabled: true\ngoCardless:\n  environment: Sandbox\nhalo:\n  target: Sqlite\n");

        var results = await _setup.RunAsync(save: false);

        var configuration = Check(results, Configuration);
        Assert.Equal(HealthStatus.Failed, configuration.Status);
        Assert.Equal("AccessTokenRequired", configuration.ErrorId);
        Assert.StartsWith("2 problems in the settings", configuration.Message);
        Assert.Contains("HaloDatabasePathRequired: ", configuration.Detail);
        Assert.Contains("The GoCardless settings cannot be used", Check(results, GoCardlessToken).Message);
        Assert.Contains("The Halo settings cannot be used", Check(results, HaloConnection).Message);
        Assert.Equal(HealthStatus.Warning, Check(results, LastImport).Status);
        AssertAll(results, HealthStatus.Skipped, Configuration, LastImport, LastPaymentSync);
    }

    [Fact]
    public async Task Secrets_are_resolved_on_the_thread_that_asks_for_the_first_result()
    {
        var vault = new ThreadRecordingVault();
        _setup.Vault = vault;
        _setup.Settings.GoCardless.AccessToken = SecretReference.SecretManagement("GcToken");
        _setup.UseSqlite(_setup.File("halo.db"));
        new ConfigStore(_setup.Location).Save(_setup.Settings);

        var enumerator = _setup.Health().RunAsync(CancellationToken.None).GetAsyncEnumerator();
        try
        {
            var thread = Environment.CurrentManagedThreadId;
            var first = enumerator.MoveNextAsync();

            Assert.True(first.IsCompleted, "the Configuration result must not wait for anything");
            Assert.True(await first);
            Assert.Equal(Configuration, enumerator.Current.Name);
            Assert.Equal(HealthStatus.Passed, enumerator.Current.Status);
            Assert.Contains("access token from the SecretManagement secret GcToken", enumerator.Current.Message);
            Assert.Equal(new[] { thread }, vault.Threads);
            Assert.DoesNotContain(ThreadRecordingVault.Secret, enumerator.Current.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    [Fact]
    public async Task Cancellation_ends_the_run_instead_of_becoming_a_failed_check()
    {
        _setup.Settings.GoCardless.AccessToken = SecretReference.Environment(TokenVariable);
        _setup.Platform.Variables[TokenVariable] = EmulatorToken;
        _setup.UseSqlite(_setup.File("halo.db"));
        new ConfigStore(_setup.Location).Save(_setup.Settings);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _setup.Health().RunAsync(cancellation.Token))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
    }

    [Fact]
    public void Thresholds_that_make_no_sense_are_refused()
    {
        var options = new HealthOptions { SyncWarningAge = TimeSpan.FromDays(3), SyncFailureAge = TimeSpan.FromDays(1) };

        Assert.Throws<ArgumentException>(() => _setup.Health(options));
    }
}
