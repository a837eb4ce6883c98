// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Tests.Sync;

/// <summary>Issue 8: runs from another machine against one Halo are told apart from this machine's (the rule behind the warnings).</summary>
public sealed class OtherMachineRunsTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    private static Dictionary<SyncKind, SyncRunState> State(string? importMachine, string? paymentsMachine) => new()
    {
        [SyncKind.Import] = new SyncRunState { LastStart = Started, LastMachine = importMachine },
        [SyncKind.Payments] = new SyncRunState { LastStart = Started.AddHours(1), LastMachine = paymentsMachine },
    };

    [Fact]
    public void Runs_started_on_another_machine_are_found_with_their_kind_machine_and_start()
    {
        var found = OtherMachineRuns.Find(State("RMM-AGENT-2", "THIS-PC"), "THIS-PC");

        var run = Assert.Single(found);
        Assert.Equal((SyncKind.Import, "RMM-AGENT-2", (DateTimeOffset?)Started), (run.Kind, run.Machine, run.Started));
    }

    [Theory]
    [InlineData("this-pc", "THIS-PC ")]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void This_machine_in_any_case_and_state_without_a_machine_are_not_another_machine(string? import, string? payments)
    {
        Assert.Empty(OtherMachineRuns.Find(State(import, payments), "THIS-PC"));
        Assert.Null(OtherMachineRuns.Warning(HaloTargetKind.Api, State(import, payments), "THIS-PC"));
    }

    [Fact]
    public void The_api_target_is_warned_naming_each_other_machine_and_when_its_run_started()
    {
        var warning = OtherMachineRuns.Warning(HaloTargetKind.Api, State("RMM-AGENT-2", "SERVER-9"), "THIS-PC");

        Assert.NotNull(warning);
        Assert.Contains("the last Import-GcUser started on RMM-AGENT-2 at 2026-01-05 09:30 UTC", warning, StringComparison.Ordinal);
        Assert.Contains("the last Sync-GcPayment started on SERVER-9 at 2026-01-05 10:30 UTC", warning, StringComparison.Ordinal);
        Assert.Contains("this is THIS-PC", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HaloTargetKind.SqlServer)]
    [InlineData(HaloTargetKind.Sqlite)]
    public void A_sql_target_is_not_warned_because_the_lock_inside_halos_database_keeps_machines_apart(HaloTargetKind kind)
    {
        Assert.NotEmpty(OtherMachineRuns.Find(State("RMM-AGENT-2", null), "THIS-PC"));
        Assert.Null(OtherMachineRuns.Warning(kind, State("RMM-AGENT-2", null), "THIS-PC"));
    }
}
