// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.Config;

namespace GoCardlessHalo.Core.Tests.Sync;

public sealed class SyncLockAndAuditTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConfigLocation _location;

    public SyncLockAndAuditTests()
    {
        _location = ConfigLocation.Resolve(_dir.Path, new FakePlatform());
    }

    public void Dispose() => _dir.Dispose();

    // A Halo of its own per test: the lock folder is machine-wide.
    private readonly SyncTarget _halo = SyncTarget.For(HaloTargetKind.Api, "https://halo-" + Guid.NewGuid().ToString("N") + ".example.com (tenant t)");

    private static SyncRunHolder Holder(string command, string configuration) => SyncRunHolder.Current(command, configuration);

    [Fact]
    public async Task ASecondConfigurationOnTheSameHaloWaitsThenFailsNamingTheFirstRun()
    {
        using var first = await SyncLock.AcquireAsync(_halo, Holder("Import-GcUser", "/etc/system/GoCardlessHalo.yml"), TimeSpan.FromSeconds(1), CancellationToken.None);
        var sameHaloOtherSpelling = SyncTarget.For(HaloTargetKind.Api, _halo.Description.ToUpperInvariant() + " ");

        var error = await Assert.ThrowsAsync<GcHaloException>(() =>
            SyncLock.AcquireAsync(sameHaloOtherSpelling, Holder("Sync-GcPayment", "/home/admin/GoCardlessHalo.yml"), TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Equal("SyncLockTimeout", error.ErrorId);
        Assert.Contains("Import-GcUser with configuration '/etc/system/GoCardlessHalo.yml'", error.Message);
        Assert.Contains("process " + System.Diagnostics.Process.GetCurrentProcess().Id, error.Message);
        Assert.Contains("started " + DateTime.UtcNow.ToString("yyyy-MM-dd"), error.Message);
    }

    [Fact]
    public async Task AnotherHaloIsNotBlocked()
    {
        using var first = await SyncLock.AcquireAsync(_halo, Holder("Import-GcUser", "a"), TimeSpan.FromSeconds(1), CancellationToken.None);

        using var other = await SyncLock.AcquireAsync(SyncTarget.For(HaloTargetKind.Api, "https://other-" + Guid.NewGuid().ToString("N") + ".example.com"), Holder("Import-GcUser", "b"), TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(SyncLock.CurrentHolder(_halo));
    }

    [Fact]
    public async Task TheLockIsFreeOnceReleasedAndRemembersWhoRanLast()
    {
        (await SyncLock.AcquireAsync(_halo, Holder("Import-GcUser", "/first.yml"), TimeSpan.FromSeconds(1), CancellationToken.None)).Dispose();

        Assert.Null(SyncLock.CurrentHolder(_halo));
        Assert.Equal("/first.yml", SyncLock.LastRun(_halo)?.Configuration);
        using var second = await SyncLock.AcquireAsync(_halo, Holder("Import-GcUser", "/second.yml"), TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal("/second.yml", SyncLock.CurrentHolder(_halo)?.Configuration);
    }

    [Fact]
    public async Task WaitingForTheLockCanBeCancelled()
    {
        using var first = await SyncLock.AcquireAsync(_halo, Holder("first", "a"), TimeSpan.FromSeconds(1), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncLock.AcquireAsync(_halo, Holder("second", "b"), TimeSpan.FromMinutes(5), cancel.Token));
    }

    [Fact]
    public void AnAuditLogFromAnEarlierMonthIsRotatedBesideItAndTheNewOneIsOwnerOnly()
    {
        var audit = new AuditLog(_location, "run-2");
        File.WriteAllText(audit.Path, "{\"old\":true}\n");
        File.SetLastWriteTimeUtc(audit.Path, new DateTime(2026, 1, 31, 23, 0, 0, DateTimeKind.Utc));

        audit.Write("user.created", "halo-user:8", "CU2", null, null);

        var rotated = Path.Combine(Path.GetDirectoryName(audit.Path)!, "GoCardlessHalo.audit.20260131-230000.jsonl");
        Assert.Equal("{\"old\":true}", File.ReadAllText(rotated).Trim());
        Assert.Single(File.ReadAllLines(audit.Path));
#if NET
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(audit.Path));
        }
#endif
    }

    [Fact]
    public void AuditLinesAreSelfContainedJson()
    {
        var audit = new AuditLog(_location, "run-1");

        audit.Write("user.created", "halo-user:7", "CU1", null, new Dictionary<string, string?> { ["Email"] = "a@example.com" });
        audit.Write("user.updated", "halo-user:7", "CU1", new Dictionary<string, string?> { ["Email"] = "a@example.com" }, new Dictionary<string, string?> { ["Email"] = "b@example.com" });

        var lines = File.ReadAllLines(audit.Path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("user.created", lines[0].GetProperty("action").GetString());
        Assert.False(lines[0].TryGetProperty("before", out _));
        Assert.Equal("b@example.com", lines[1].GetProperty("after").GetProperty("Email").GetString());
        Assert.All(lines, l => Assert.Equal("run-1", l.GetProperty("run").GetString()));
    }

    [Fact]
    public void TheLinesOfOneBatchAreAppendedTogetherInOrderAfterEarlierLines()
    {
        var audit = new AuditLog(_location, "run-3");
        audit.Write("payment.watermark", "ledger", null, null, new Dictionary<string, string?> { ["watermark"] = "2026-01-01T00:00:00Z" });

        audit.WriteAll(Enumerable.Range(1, 50).Select(i => new AuditChange("user.created", AuditEntry.HaloUserPrefix + i, "CU" + i, null, new Dictionary<string, string?> { ["Name"] = "User " + i })));
        audit.WriteAll(Array.Empty<AuditChange>());

        var entries = new AuditLogReader(audit.Path).Read(new AuditQuery()).ToList();
        Assert.Equal(51, entries.Count);
        Assert.Equal("payment.watermark", entries[0].Action);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (int?)i), entries.Skip(1).Select(e => e.HaloUserId));
        Assert.All(entries, e => Assert.Equal("run-3", e.RunId));
    }
}
