// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Activation;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// Puts the integration data set into a Halo target and enables the module on it as Enable-GcModule would:
/// the embedded database is created and seeded, the link field and the mapped fields are created through the
/// target, the module's tables migrated; the emulated Halo API is seeded with the same records and fields.
/// Both end with ModuleActivation's checks (link field present, Default Site resolves).
/// </summary>
public static class TargetSetup
{
    public static async Task PrepareAsync(BenchConnections connections, IntegrationDataSet data, BenchEmulator emulator, CancellationToken cancellationToken)
    {
        var fields = new[] { connections.Settings.Halo.LinkField }.Concat(BenchConnections.Mappings.Select(m => m.HaloField)).ToList();
        if (connections.Kind == HaloTargetKind.Sqlite)
        {
            var options = await HaloSqliteDatabase.CreateAsync(connections.Settings.Halo.DatabasePath!, cancellationToken, connections.Log);
            using var database = new SqlDatabase(options, connections.Log);
            await HaloSqliteDatabase.SeedAsync(database, data.ToSqliteSeed(), cancellationToken);
        }
        else
        {
            await emulator.SeedHaloAsync(data.ToApiSeed(fields));
        }

        using var activation = new ModuleActivation(connections.Settings, connections.Module, connections.Log);
        await activation.OpenHaloAsync(cancellationToken);
        if (await activation.LinkFieldMissingAsync(cancellationToken))
        {
            await activation.CreateLinkFieldAsync(cancellationToken);
        }

        var existing = new UserFieldResolver(await activation.Target.GetUserFieldsAsync(cancellationToken));
        foreach (var field in fields.Where(f => existing.Find(f) is null))
        {
            await activation.Target.CreateUserTextFieldAsync(field, field, cancellationToken);
        }

        if ((await activation.PendingMigrationsAsync(cancellationToken)).Count > 0)
        {
            await activation.ApplyMigrationsAsync(cancellationToken);
        }

        await activation.CheckDefaultSiteAsync(cancellationToken);
    }
}
