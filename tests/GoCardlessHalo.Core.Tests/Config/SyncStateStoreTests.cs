// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Tests.Config;

/// <summary>The sync state beside the settings is informational: whatever is wrong with the file, it reads as empty.</summary>
public sealed class SyncStateStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SyncStateStore _store;

    public SyncStateStoreTests()
    {
        _store = new SyncStateStore(ConfigLocation.Resolve(_dir.Path, new FakePlatform()));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_recorded_outcome_reads_back()
    {
        var when = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        _store.RecordFailure(SyncKind.Payments, when, "GoCardless refused the token.");

        var state = _store.Load();
        Assert.Equal(when, state[SyncKind.Payments].LastErrorAt);
        Assert.Equal("GoCardless refused the token.", state[SyncKind.Payments].LastError);
        Assert.Null(state[SyncKind.Import].LastAttempt);
    }

    [Fact]
    public void A_start_records_its_machine_and_a_withdrawn_start_restores_the_one_before()
    {
        var when = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        _store.RecordStart(SyncKind.Import, when, "RMM-AGENT-2");

        _store.RecordStart(SyncKind.Import, when.AddDays(1), "THIS-PC");
        var started = _store.Load()[SyncKind.Import];
        _store.RecordStartWithdrawn(SyncKind.Import, when, "RMM-AGENT-2");
        var withdrawn = _store.Load()[SyncKind.Import];

        Assert.Equal((when.AddDays(1), "THIS-PC"), (started.LastStart!.Value, started.LastMachine));
        Assert.Equal((when, "RMM-AGENT-2"), (withdrawn.LastStart!.Value, withdrawn.LastMachine));
        Assert.Null(_store.Load()[SyncKind.Payments].LastMachine);
    }

    [Fact]
    public void A_file_that_is_not_json_reads_as_empty()
    {
        File.WriteAllText(_store.Path, "{ not json");

        Assert.All(_store.Load().Values, s => Assert.Null(s.LastAttempt));
    }

    [Fact]
    public void A_file_another_process_holds_reads_as_empty()
    {
        _store.RecordSuccess(SyncKind.Import, DateTimeOffset.UtcNow);
        using var held = new FileStream(_store.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        Assert.All(_store.Load().Values, s => Assert.Null(s.LastAttempt));
    }
}
