// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Connections;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>
/// One configuration, as Enable-GcModule would leave it, and the engine objects the sync cmdlets build from it
/// through <see cref="ModuleConnections"/>: the GoCardless client, the Halo target, the payment ledger and the
/// audit log. Secrets are env: references, as under an RMM tool. The one departure: the Halo API target's
/// client-side rate limiter runs on a <see cref="SkipWaitClock"/>, so its waits are measured instead of slept.
/// </summary>
public sealed class BenchConnections
{
    public const string DefaultSite = "Unassigned Customers/Default Site";
    public const string HaloClientId = "emulator-client";
    private const string GoCardlessTokenVariable = "GCH_BENCH_GOCARDLESS_TOKEN";
    private const string HaloSecretVariable = "GCH_BENCH_HALO_SECRET";

    /// <summary>One metadata field and two payment summary fields, as an administrator might map them.</summary>
    public static readonly IReadOnlyList<FieldMapping> Mappings = new[]
    {
        new FieldMapping("account_ref", "GcAccountRef"),
        new FieldMapping("payment.last_status", "GcLastPaymentStatus"),
        new FieldMapping("mandate.status", "GcMandateStatus"),
    };

    private readonly ModuleConnections _connections;
    private readonly SecretResolver _secrets;
    private readonly IEngineLog _log;

    private BenchConnections(ModuleSettings settings, string folder, IEngineLog log)
    {
        // The emulator's own test credentials: nothing secret, but passed the way real secrets are.
        Environment.SetEnvironmentVariable(GoCardlessTokenVariable, "emulator-token");
        Environment.SetEnvironmentVariable(HaloSecretVariable, "emulator-secret");
        Directory.CreateDirectory(folder);
        Settings = settings;
        Location = ConfigLocation.Resolve(Path.Combine(folder, ConfigLocation.SettingsFileName), CurrentPlatform.Instance);
        _secrets = new SecretResolver(CurrentPlatform.Instance, vault: null);
        _log = log;
        _connections = new ModuleConnections(settings, Location, _secrets, ClientInfo.Default, log);
    }

    public ModuleSettings Settings { get; }

    public ConfigLocation Location { get; }

    public HaloTargetKind Kind => Settings.Halo.Target!.Value;

    /// <summary>The engine's own wiring of these settings (for ModuleActivation).</summary>
    public ModuleConnections Module => _connections;

    public IEngineLog Log => _log;

    /// <summary>The embedded SQLite Halo at <c>halo.db</c> in <paramref name="folder"/>.</summary>
    public static BenchConnections ForSqlite(Uri goCardless, string folder, IEngineLog log)
    {
        var settings = Base(goCardless);
        settings.Halo.Target = HaloTargetKind.Sqlite;
        settings.Halo.DatabasePath = Path.Combine(folder, "halo.db");
        return new BenchConnections(settings, folder, log);
    }

    /// <summary>GoCardless only (the streaming figures need no Halo).</summary>
    public static BenchConnections ForGoCardless(Uri goCardless, string folder, IEngineLog log) => new(Base(goCardless), folder, log);

    /// <summary>The emulated Halo API.</summary>
    public static BenchConnections ForApi(Uri goCardless, Uri halo, string folder, IEngineLog log)
    {
        var settings = Base(goCardless);
        settings.Halo.Target = HaloTargetKind.Api;
        settings.Halo.Url = halo;
        settings.Halo.ClientId = HaloClientId;
        settings.Halo.ClientSecret = SecretReference.Environment(HaloSecretVariable);
        return new BenchConnections(settings, folder, log);
    }

    public GoCardlessClient CreateGoCardlessClient() => _connections.CreateGoCardlessClient();

    /// <summary>The configured Halo target wrapped in a counter, not yet opened.</summary>
    public HaloSession CreateHaloSession()
    {
        if (Kind != HaloTargetKind.Api)
        {
            return new HaloSession(_connections.CreateHaloTarget(), null);
        }

        // As ModuleConnections builds it (default page size, batch size and 300 requests per 5 minutes), on a clock that skips waits.
        var halo = Settings.Halo;
        var clock = new SkipWaitClock();
        var options = new HaloApiOptions
        {
            Url = halo.Url!.OriginalString,
            Tenant = halo.Tenant,
            ClientId = halo.ClientId!,
            ClientSecret = _secrets.Resolve(halo.ClientSecret!, "halo.clientSecret"),
            Scope = halo.Scope,
            ClientInfo = ClientInfo.Default,
            Clock = clock,
        };
        return new HaloSession(new HaloApiTarget(options, _log), clock);
    }

    /// <summary>The SQL target's own database, or the module-owned ledger file beside the settings for the API.</summary>
    public PaymentLedger OpenLedger(HaloSession session) => _connections.OpenLedger(session.Inner);

    public AuditLog NewAuditLog() => new(Location, Guid.NewGuid().ToString("N"));

    private static ModuleSettings Base(Uri goCardless) => new()
    {
        Enabled = true,
        GoCardless = new GoCardlessSettings
        {
            Environment = GoCardlessEnvironment.Sandbox,
            BaseUri = goCardless,
            AccessToken = SecretReference.Environment(GoCardlessTokenVariable),
        },
        DefaultSite = DefaultSite,
        FieldMappings = new List<FieldMapping>(Mappings),
    };
}
