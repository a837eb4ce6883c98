// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Health;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.Config;
using GoCardlessHalo.Core.Tests.Halo.Api;
using GoCardlessHalo.Emulator;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Health;

/// <summary>
/// One configuration folder for health runs: settings written through the real ConfigStore, secrets in fake
/// environment variables, sync state beside the settings, and a fixed clock. Every run is checked for the
/// runner's invariants: all checks, in order, and no secret in any result.
/// </summary>
internal sealed class HealthHarness : IDisposable
{
    public const string TokenVariable = "GCH_TEST_GC_TOKEN";
    public const string HaloSecretVariable = "GCH_TEST_HALO_SECRET";
    public const string EmulatorToken = "emulator-token";

    private readonly TempDirectory _directory = new();

    public HealthHarness()
    {
        Location = ConfigLocation.Resolve(_directory.Path, Platform);
    }

    public FakePlatform Platform { get; } = new();

    public ConfigLocation Location { get; }

    public ModuleSettings Settings { get; } = new() { Enabled = true, DefaultSite = "Head Office" };

    public ManualClock Clock { get; } = new();

    public ISecretVault? Vault { get; set; }

    public SyncStateStore State => new(Location);

    public string File(string name) => _directory.File(name);

    public void UseGoCardless(EmulatorHost host, string token = EmulatorToken)
    {
        Settings.GoCardless.BaseUri = host.GoCardlessUri;
        Settings.GoCardless.AccessToken = SecretReference.Environment(TokenVariable);
        Platform.Variables[TokenVariable] = token;
    }

    public void UseHaloApi(EmulatorHost host, string secret = HaloApiTestKit.ClientSecret)
    {
        Settings.Halo.Target = HaloTargetKind.Api;
        Settings.Halo.Url = host.HaloUri;
        Settings.Halo.ClientId = HaloApiTestKit.ClientId;
        Settings.Halo.ClientSecret = SecretReference.Environment(HaloSecretVariable);
        Platform.Variables[HaloSecretVariable] = secret;
    }

    public void UseSqlite(string path)
    {
        Settings.Halo.Target = HaloTargetKind.Sqlite;
        Settings.Halo.DatabasePath = path;
    }

    /// <summary>Both kinds of sync succeeded recently.</summary>
    public void RecordRecentSyncs()
    {
        State.RecordSuccess(SyncKind.Import, Clock.UtcNow - TimeSpan.FromHours(1));
        State.RecordSuccess(SyncKind.Payments, Clock.UtcNow - TimeSpan.FromMinutes(20));
    }

    /// <summary>The payment ledger the API target keeps beside the settings, migrated.</summary>
    public async Task CreateLedgerAsync()
    {
        using var ledger = SqlDatabase.CreateOrOpenSqlite(Location.Beside(PaymentLedger.EmbeddedFileName));
        await LedgerMigrations.Migrator(ledger).ApplyAsync(CancellationToken.None);
    }

    public ModuleHealth Health(HealthOptions? options = null) =>
        new(Location, new SecretResolver(Platform, Vault), log: null, options: options ?? new HealthOptions { Clock = Clock });

    /// <summary>Saves the settings (unless told not to), runs every check and checks the invariants.</summary>
    public async Task<IReadOnlyList<HealthCheck>> RunAsync(bool save = true, HealthOptions? options = null)
    {
        if (save)
        {
            new ConfigStore(Location).Save(Settings);
        }

        var results = new List<HealthCheck>();
        await foreach (var check in Health(options).RunAsync(CancellationToken.None))
        {
            results.Add(check);
        }

        Assert.Equal(HealthCheckNames.All, results.Select(r => r.Name));
        AssertNoSecrets(results);
        return results;
    }

    public void AssertNoSecrets(IEnumerable<HealthCheck> results)
    {
        foreach (var check in results)
        {
            foreach (var secret in Platform.Variables.Values)
            {
                Assert.DoesNotContain(secret, check.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(secret, check.Detail ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose() => _directory.Dispose();

    public static HealthCheck Check(IReadOnlyList<HealthCheck> results, string name) => results.Single(r => r.Name == name);

    /// <summary>Every check except <paramref name="except"/> has <paramref name="status"/>.</summary>
    public static void AssertAll(IReadOnlyList<HealthCheck> results, HealthStatus status, params string[] except)
    {
        foreach (var check in results.Where(r => !except.Contains(r.Name)))
        {
            Assert.True(check.Status == status, $"expected {status}: {check} {check.Detail}");
        }
    }
}

/// <summary>A SecretManagement vault that records the thread of every lookup (Get-Secret needs the pipeline thread).</summary>
internal sealed class ThreadRecordingVault : ISecretVault
{
    public const string Secret = "vault-held-secret-5d1e";

    public List<int> Threads { get; } = new();

    public bool IsAvailable => true;

    public string? GetSecret(string name)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        return Secret;
    }
}
