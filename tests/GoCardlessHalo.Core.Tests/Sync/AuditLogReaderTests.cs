// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.Config;
using Xunit;

namespace GoCardlessHalo.Core.Tests.Sync;

public sealed class AuditLogReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConfigLocation _location;

    public AuditLogReaderTests() => _location = ConfigLocation.Resolve(_dir.Path, new FakePlatform());

    public void Dispose() => _dir.Dispose();

    private AuditLogReader Reader => new(_location.Beside(AuditLog.FileName));

    private static Dictionary<string, string?> Values(string key, string? value) => new() { [key] = value };

    [Fact]
    public void Reads_what_the_log_wrote_with_before_after_and_the_Halo_user()
    {
        var log = new AuditLog(_location, "run-1");
        log.Write("user.updated", "halo-user:42", "CU1", Values("phone", "0100"), Values("phone", "0200"));
        log.Write("mandate.status", "mandate:MD1", "CU2", null, Values("status", "cancelled"));

        var entries = Reader.Read(new AuditQuery()).ToList();

        Assert.Equal(new[] { "user.updated", "mandate.status" }, entries.Select(e => e.Action));
        Assert.Equal(42, entries[0].HaloUserId);
        Assert.Null(entries[1].HaloUserId);
        Assert.Equal("0100", entries[0].Before!["phone"]);
        Assert.Equal("0200", entries[0].After!["phone"]);
        Assert.Null(entries[1].Before);
        Assert.All(entries, e => Assert.Equal("run-1", e.RunId));
    }

    [Fact]
    public void Filters_by_customer_user_run_action_and_time()
    {
        var first = new AuditLog(_location, "run-1");
        first.Write("user.created", "halo-user:1", "CU1", null, Values("name", "A"));
        first.Write("user.created", "halo-user:2", "CU2", null, Values("name", "B"));
        var second = new AuditLog(_location, "run-2");
        second.Write("user.updated", "halo-user:2", "CU2", Values("name", "B"), Values("name", "Bee"));
        second.Write("mandate.status", "mandate:MD9", "CU1", null, Values("status", "failed"));

        Assert.Equal(new[] { "user.created", "mandate.status" }, Reader.Read(new AuditQuery { CustomerId = "CU1" }).Select(e => e.Action));
        Assert.Equal(new[] { "run-1", "run-2" }, Reader.Read(new AuditQuery { HaloUserId = 2 }).Select(e => e.RunId));
        Assert.Equal(2, Reader.Read(new AuditQuery { RunId = "run-2" }).Count());
        Assert.Single(Reader.Read(new AuditQuery { ActionMatches = a => a.StartsWith("mandate.", StringComparison.Ordinal) }));
        Assert.Empty(Reader.Read(new AuditQuery { Until = DateTimeOffset.UtcNow.AddDays(-1) }));
        Assert.Empty(Reader.Read(new AuditQuery { Since = DateTimeOffset.UtcNow.AddDays(1) }));
        Assert.Equal(4, Reader.Read(new AuditQuery { Since = DateTimeOffset.UtcNow.AddHours(-1), Until = DateTimeOffset.UtcNow.AddHours(1) }).Count());
    }

    [Fact]
    public void Reads_rotated_files_oldest_first_then_the_current_one_and_knows_the_last_run()
    {
        var path = _location.Beside(AuditLog.FileName);
        new AuditLog(_location, "run-old").Write("user.created", "halo-user:1", "CU1", null, null);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 31, 23, 0, 0, DateTimeKind.Utc));
        Assert.NotNull(AuditLog.RotateIfDue(path, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
        new AuditLog(_location, "run-mid").Write("user.updated", "halo-user:1", "CU1", null, null);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 2, 28, 23, 0, 0, DateTimeKind.Utc));
        Assert.NotNull(AuditLog.RotateIfDue(path, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        new AuditLog(_location, "run-new").Write("user.linked", "halo-user:1", "CU1", null, null);

        Assert.Equal(3, Reader.Files().Count);
        Assert.Equal(new[] { "run-old", "run-mid", "run-new" }, Reader.Read(new AuditQuery()).Select(e => e.RunId));
        Assert.Equal("run-new", Reader.LastRunId());
        // Rotated files older than -Since are not opened, and their lines would not match anyway.
        Assert.Equal(new[] { "run-new" }, Reader.Read(new AuditQuery { Since = DateTimeOffset.UtcNow.AddHours(-1) }).Select(e => e.RunId));
    }

    [Fact]
    public void A_run_that_logged_a_killed_runs_change_is_the_last_run_and_lists_it_under_its_own_id_too()
    {
        var killed = new AuditLog(_location, "run-killed");
        killed.Write("user.created", "halo-user:4", "CU4", null, Values("name", "D"));
        killed.Intend("halo", new[] { new AuditChange("user.updated", "halo-user:5", "CU5", Values("name", "A"), Values("name", "B")) });
        var rerun = new AuditLog(_location, "run-rerun");

        Assert.Equal(1, rerun.Reconcile("halo", action => action.StartsWith("user.", StringComparison.Ordinal), change => change, _ => { }));

        Assert.Equal("run-rerun", Reader.LastRunId());
        var found = Assert.Single(Reader.Read(new AuditQuery { RunId = "run-rerun" }));
        Assert.Equal(("run-killed", "run-rerun", 5), (found.RunId, found.ReconciledBy, found.HaloUserId));
        Assert.Equal(new[] { 4, 5 }, Reader.Read(new AuditQuery { RunId = "run-killed" }).Select(e => e.HaloUserId ?? 0));
    }

    [Fact]
    public void A_line_cut_short_by_a_killed_run_is_reported_and_skipped()
    {
        new AuditLog(_location, "run-1").Write("user.created", "halo-user:1", "CU1", null, null);
        File.AppendAllText(_location.Beside(AuditLog.FileName), "{\"time\":\"2026-");
        var skipped = new List<string>();

        var entries = Reader.Read(new AuditQuery(), skipped.Add).ToList();

        Assert.Single(entries);
        Assert.Single(skipped);
        Assert.Contains("line 2", skipped[0]);
    }

    [Fact]
    public void No_log_reads_as_nothing()
    {
        Assert.Empty(Reader.Read(new AuditQuery()));
        Assert.Null(Reader.LastRunId());
    }
}
