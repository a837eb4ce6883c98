// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.FrameworkHost;

/// <summary>
/// The engine's part, in its own class so that nothing here is compiled (and no engine type is asked for) before
/// Program has registered the module's resolver.
/// </summary>
internal static class Import
{
    private const int Customers = 25;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Run(Uri emulator, string workFolder, Action<string, bool, string> check) =>
        RunAsync(emulator, workFolder, check).GetAwaiter().GetResult();

    private static async Task RunAsync(Uri emulator, string workFolder, Action<string, bool, string> check)
    {
        using (var admin = new HttpClient { BaseAddress = emulator })
        {
            (await admin.PostAsync("__admin/reset", null)).EnsureSuccessStatusCode();
            var body = new StringContent("{\"customers\":" + Customers + ",\"payments\":0,\"seed\":7}", Encoding.UTF8, "application/json");
            (await admin.PostAsync("__admin/gocardless/generate", body)).EnsureSuccessStatusCode();
        }

        // Settings through YAML, both ways: the engine's YamlDotNet 16 must be the one answering, not the older one.
        var store = new ConfigStore(ConfigLocation.Resolve(workFolder, CurrentPlatform.Instance));
        var saved = new ModuleSettings();
        saved.DefaultSite = "Default Site";
        store.Save(saved);
        var settings = store.Load(out _);
        check("settings round-trip through YAML", settings.DefaultSite == "Default Site" && File.Exists(store.Location.SettingsPath), store.Location.SettingsPath);

        var database = Path.Combine(workFolder, "halo.db");
        var options = await HaloSqliteDatabase.CreateAsync(database, CancellationToken.None);
        using (var seed = new GoCardlessHalo.Core.Sql.SqlDatabase(options))
        {
            await HaloSqliteDatabase.SeedAsync(seed, HaloSeedData.DefaultSiteOnly(), CancellationToken.None);
        }

        // The link field, as Enable-GcModule creates it.
        using (var target = new HaloSqlTarget(options))
        {
            await target.OpenAsync(CancellationToken.None);
            await target.CreateUserTextFieldAsync(settings.Halo.LinkField, "GoCardless customer", CancellationToken.None);
        }

        var first = await ImportAllAsync(emulator, options, settings);
        check("the first import creates every customer in the embedded SQLite Halo", first.Count(r => r.Action == ImportAction.Created) == Customers && first.All(r => r.Error is null),
            Describe(first));
        var second = await ImportAllAsync(emulator, options, settings);
        check("an import rerun creates nothing", second.Count == Customers && second.All(r => r.Action != ImportAction.Created && r.Error is null), Describe(second));
    }

    private static async Task<List<ImportResult>> ImportAllAsync(Uri emulator, GoCardlessHalo.Core.Sql.SqlOptions options, ModuleSettings settings)
    {
        using var client = new GoCardlessClient(new GoCardlessClientOptions { BaseUri = new Uri(emulator, "gocardless"), AccessToken = "emulator-token" });
        using var target = new HaloSqlTarget(options);
        await target.OpenAsync(CancellationToken.None);
        var importOptions = ImportOptions.FromSettings(settings, MatchMode.Exact);
        var importer = new UserImporter(target, importOptions, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        var plans = new List<ImportPlan>();
        await foreach (var customer in client.ListCustomersAsync())
        {
            plans.Add(importer.Plan(customer));
        }

        var results = plans.Where(p => !p.WritesToHalo).Select(UserImporter.WithoutWrite).ToList();
        results.AddRange(await importer.WriteAsync(plans.Where(p => p.WritesToHalo).ToList(), CancellationToken.None));
        return results;
    }

    private static string Describe(IEnumerable<ImportResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Action).Select(g => g.Count() + " " + g.Key))
        + string.Concat(results.Where(r => r.Error is not null).Take(1).Select(r => "; first error: " + r.Error!.Message));
}
