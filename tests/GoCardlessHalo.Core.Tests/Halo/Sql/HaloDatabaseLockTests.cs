// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>
/// Issue 8: two runs on two machines share one Halo database; the lock row in gch_run_lock keeps them apart.
/// Two target instances on one SQLite file stand in for the two machines.
/// </summary>
public sealed class HaloDatabaseLockTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "gch-lock-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly List<SqlDatabase> _databases = new();

    [Fact]
    public async Task A_second_target_on_the_same_database_waits_and_is_told_who_holds_the_lock()
    {
        using var first = Target();
        using var second = Target();
        await first.LockRunAsync(Holder("config-A"), TimeSpan.Zero, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => second.LockRunAsync(Holder("config-B"), TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(ErrorIds.SyncLockTimeout, error.ErrorId);
        Assert.Contains("config-A", error.Message);
        Assert.Contains("process " + Process.GetCurrentProcess().Id, error.Message);
    }

    [Fact]
    public async Task Disposing_the_holder_releases_the_lock_for_the_next_run()
    {
        using var second = Target();
        using (var first = Target())
        {
            await first.LockRunAsync(Holder("config-A"), TimeSpan.Zero, CancellationToken.None);
        }

        await second.LockRunAsync(Holder("config-B"), TimeSpan.Zero, CancellationToken.None);
        using var third = Target();
        var error = await Assert.ThrowsAsync<GcHaloException>(() => third.LockRunAsync(Holder("config-C"), TimeSpan.Zero, CancellationToken.None));
        Assert.Contains("config-B", error.Message);
    }

    [Fact]
    public async Task A_lock_whose_process_is_gone_is_taken_over()
    {
        using var ended = Process.Start(new ProcessStartInfo("dotnet", "--version") { UseShellExecute = false, RedirectStandardOutput = true })!;
        ended.WaitForExit();
        var gone = Holder("config-dead");
        gone.ProcessId = ended.Id;
        using var first = Target();
        await first.LockRunAsync(gone, TimeSpan.Zero, CancellationToken.None);
        using var second = Target();

        await second.LockRunAsync(Holder("config-B"), TimeSpan.Zero, CancellationToken.None);

        using var third = Target();
        var error = await Assert.ThrowsAsync<GcHaloException>(() => third.LockRunAsync(Holder("config-C"), TimeSpan.Zero, CancellationToken.None));
        Assert.Contains("config-B", error.Message);
    }

    [Fact]
    public void A_holder_is_stale_on_another_machine_only_after_the_stale_age()
    {
        var now = DateTimeOffset.UtcNow;
        var remote = new SyncRunHolder { Machine = "another-machine-" + Guid.NewGuid().ToString("N"), ProcessId = 1, StartedAt = now };

        Assert.False(HaloDatabaseLock.IsStale(remote, now.AddHours(1)));
        Assert.True(HaloDatabaseLock.IsStale(remote, now + HaloDatabaseLock.StaleAfter + TimeSpan.FromMinutes(1)));
        Assert.False(HaloDatabaseLock.IsStale(SyncRunHolder.Current("Import-GcUser", "here"), now));
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        File.Delete(_path);
    }

    // Each target has its own database object and connections, as a run on another machine would.
    private HaloSqlTarget Target()
    {
        var database = SqlDatabase.CreateOrOpenSqlite(_path);
        _databases.Add(database);
        return new HaloSqlTarget(database);
    }

    private static SyncRunHolder Holder(string configuration) => SyncRunHolder.Current("Import-GcUser", configuration);
}
