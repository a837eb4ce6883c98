// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>
/// Opens a <see cref="HaloSqlTarget"/> on a fresh embedded database in a temporary file, created and seeded by the
/// module's own embedded-database code. Deletes the files when disposed.
/// </summary>
public sealed class SqliteHaloTargetFactory : IHaloTargetFactory, IDisposable
{
    private readonly List<string> files = new();

    /// <summary>A new, empty embedded database file (Halo's tables, no rows).</summary>
    public async Task<SqlOptions> CreateDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "gch-halo-" + Guid.NewGuid().ToString("N") + ".db");
        lock (files)
        {
            files.Add(path);
        }

        return await HaloSqliteDatabase.CreateAsync(path, CancellationToken.None);
    }

    public async Task<IHaloTarget> CreateAsync(HaloSeed seed)
    {
        var options = await CreateDatabaseAsync();
        using (var database = new SqlDatabase(options))
        {
            await HaloSqliteDatabase.SeedAsync(database, ToSeedData(seed), CancellationToken.None);
        }

        var target = new HaloSqlTarget(options);
        await target.OpenAsync(CancellationToken.None);
        return target;
    }

    public static HaloSeedData ToSeedData(HaloSeed seed)
    {
        var data = new HaloSeedData();
        data.Clients.AddRange(seed.Clients);
        data.Sites.AddRange(seed.Sites);
        data.Fields.AddRange(seed.Fields);
        data.Users.AddRange(seed.Users);
        data.Invoices.AddRange(seed.Invoices);
        return data;
    }

    public void Dispose()
    {
        foreach (var path in files)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
    }
}
