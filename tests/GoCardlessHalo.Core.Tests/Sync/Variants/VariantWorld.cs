// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.Config;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo.Api;
using GoCardlessHalo.Emulator;
using GoCardlessHalo.Emulator.Halo;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// One emulator (GoCardless + Halo with the given start-up arguments) holding the matrix data set, and the engine
/// runs against it the way Import-GcUser and Sync-GcPayment make them: the API target, the import queue, the
/// payment synchronizer with its ledger beside a configuration folder. The data set is the same on every world:
/// GoCardless generated from one seed, Halo seeded from it (see <see cref="VariantHalo"/>).
/// </summary>
public sealed class VariantWorld : IAsyncDisposable
{
    public const int Customers = 2500;
    public const int Payments = 5000;
    public const int Seed = 8;
    public const string LinkField = "GoCardlessCustomerId";

    private readonly TempDirectory _temp = new();
    private readonly ConfigLocation _location;

    private VariantWorld(EmulatorHost host)
    {
        Host = host;
        _location = ConfigLocation.Resolve(_temp.Path, new FakePlatform());
    }

    public EmulatorHost Host { get; }

    public RecordingLog Log { get; } = new();

    public static Task<VariantWorld> StartAsync(params string[] emulatorArgs) => StartAsync(Customers, Payments, emulatorArgs);

    /// <summary>A world of <paramref name="customers"/> and <paramref name="payments"/> (same seed, so a smaller world is a prefix-like sample of the same generator).</summary>
    public static async Task<VariantWorld> StartAsync(int customers, int payments, params string[] emulatorArgs)
    {
        var world = new VariantWorld(await EmulatorHost.StartAsync(emulatorArgs));
        await HaloApiTestKit.AdminAsync(world.Host, "gocardless/generate", new { customers, payments, seed = Seed });
        using var client = world.GoCardless();
        var all = await client.ListCustomersAsync().ToListAsync();
        await HaloApiTestKit.SeedAsync(world.Host, VariantHalo.Seed(all, LinkField));
        return world;
    }

    public GoCardlessClient GoCardless(HttpMessageHandler? handler = null) => new(new GoCardlessClientOptions
    {
        BaseUri = Host.GoCardlessUri,
        AccessToken = "emulator-token",
        Clock = new RecordingClock(),
        HttpMessageHandler = handler,
    });

    /// <summary>
    /// A Halo API target as ModuleConnections builds it (default page and batch sizes), on a clock that never sleeps,
    /// giving up on an answer after 5 s (the fault tests' stalls last a minute).
    /// </summary>
    public HaloApiTarget Target(Action<HaloApiOptions>? configure = null)
    {
        var options = HaloApiTestKit.Options(Host);
        options.Timeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        return new HaloApiTarget(options, Log);
    }

    /// <summary>
    /// Import-GcUser for every customer: one read of Halo, then customers planned and written in batches of 50. With
    /// <paramref name="linkMap"/>, as Import-GcUser runs once the ledger exists beside the configuration: the read is
    /// checked against the ledger's link map, and the map refreshed at the end.
    /// </summary>
    public async Task<List<ImportResult>> ImportAsync(Action<HaloApiOptions>? configure = null, bool linkMap = false)
    {
        using var target = Target(configure);
        await target.OpenAsync(CancellationToken.None);
        var options = new ImportOptions { LinkField = LinkField, Mappings = VariantHalo.ImportMappings, DefaultSite = VariantHalo.DefaultSite };
        var importer = new UserImporter(target, options, Log, new AuditLog(_location, Guid.NewGuid().ToString("N")));
        using var ledger = linkMap ? PaymentLedger.OpenBesideConfiguration(_location, Log) : null;
        await importer.PrepareAsync(ledger, CancellationToken.None);
        var queue = new ImportQueue(importer, batchSize: 50);
        var results = new List<ImportResult>();
        using var client = GoCardless();
        await foreach (var customer in client.ListCustomersAsync())
        {
            var (plan, written) = await queue.PlanAsync(customer, CancellationToken.None);
            results.AddRange(written);
            results.AddRange(plan.WritesToHalo ? await queue.AddAsync(plan, CancellationToken.None) : new[] { UserImporter.WithoutWrite(plan) });
        }

        results.AddRange(await queue.FlushAsync(CancellationToken.None));
        if (ledger is not null)
        {
            await importer.RefreshLinkMapAsync(ledger, CancellationToken.None);
        }

        return results;
    }

    /// <summary>Sync-GcPayment: the ledger beside the configuration, the summary fields written to linked users.</summary>
    public async Task<PaymentSyncStatistics> SyncPaymentsAsync(Action<HaloApiOptions>? configure = null)
    {
        using var target = Target(configure);
        await target.OpenAsync(CancellationToken.None);
        using var ledger = PaymentLedger.OpenBesideConfiguration(_location, Log);
        using var client = GoCardless();
        var options = new PaymentSyncOptions { LinkField = LinkField, Mappings = VariantHalo.PaymentMappings };
        var synchronizer = new PaymentSynchronizer(client, target, ledger, options, Log, new AuditLog(_location, Guid.NewGuid().ToString("N")));
        await synchronizer.SyncAsync(CancellationToken.None).ToListAsync();
        return synchronizer.LastRun!;
    }

    /// <summary>The payment ids the ledger holds.</summary>
    public async Task<HashSet<string>> LedgerPaymentsAsync()
    {
        using var ledger = PaymentLedger.OpenBesideConfiguration(_location, Log);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var record in ledger.QueryAsync(new PaymentQuery(), null, CancellationToken.None))
        {
            ids.Add(record.PaymentId);
        }

        return ids;
    }

    /// <summary>What the ledger must hold: every GoCardless payment of a customer Halo links.</summary>
    public async Task<HashSet<string>> ExpectedPaymentsAsync(HaloSnapshot halo)
    {
        using var client = GoCardless();
        var linked = halo.LinkValues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mandates = (await client.ListMandatesAsync().ToListAsync()).Where(m => m.CustomerId is not null && linked.Contains(m.CustomerId)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return (await client.ListPaymentsAsync().ToListAsync()).Where(p => p.MandateId is not null && mandates.Contains(p.MandateId)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Halo's users as the emulator holds them (read in-process, so no variant colours the picture).</summary>
    public HaloSnapshot Snapshot() => Host.GetService<HaloStore>().Locked(HaloSnapshot.Of);

    public async Task AddFaultAsync(object rule) => await HaloApiTestKit.FaultAsync(Host, rule);

    public async Task ClearFaultsAsync()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUri };
        (await http.DeleteAsync("__admin/faults")).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _temp.Dispose();
    }
}
