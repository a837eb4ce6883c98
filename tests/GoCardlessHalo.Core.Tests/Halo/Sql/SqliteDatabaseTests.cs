// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>Base of the SQL-specific tests: embedded databases in temporary files, deleted afterwards.</summary>
public abstract class SqliteDatabaseTests : IDisposable
{
    protected SqliteHaloTargetFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes whatever else a test class created.</summary>
    protected virtual void CleanUp()
    {
    }

    /// <summary>An opened target on a database holding <see cref="HaloBehaviourSeed"/>.</summary>
    protected async Task<(SqlOptions Options, HaloSqlTarget Target)> OpenSeededAsync()
    {
        var target = (HaloSqlTarget)await Factory.CreateAsync(HaloBehaviourSeed.Create());
        return (target.Database.Options, target);
    }
}
