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

    [Fact]
    public async Task ASecondRunWaitsThenFailsClearly()
    {
        using var first = await SyncLock.AcquireAsync(_location, "Import-GcUser", TimeSpan.FromSeconds(1), CancellationToken.None);

        var error = await Assert.ThrowsAsync<GcHaloException>(() =>
            SyncLock.AcquireAsync(_location, "Sync-GcPayment", TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Equal("SyncLockTimeout", error.ErrorId);
        Assert.Contains("Import-GcUser", error.Message);
    }

    [Fact]
    public async Task TheLockIsFreeOnceReleased()
    {
        (await SyncLock.AcquireAsync(_location, "first", TimeSpan.FromSeconds(1), CancellationToken.None)).Dispose();

        using var second = await SyncLock.AcquireAsync(_location, "second", TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task WaitingForTheLockCanBeCancelled()
    {
        using var first = await SyncLock.AcquireAsync(_location, "first", TimeSpan.FromSeconds(1), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncLock.AcquireAsync(_location, "second", TimeSpan.FromMinutes(5), cancel.Token));
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
}
