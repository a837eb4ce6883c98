// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.GoCardless;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// Issue 8 for Sync-GcPayment's settlement: its audit line is journaled before the settled status is recorded in
/// gch_collection, so a run killed between that write and the line loses nothing; the next writing Sync-GcPayment logs it
/// under the killed run's id when the ledger holds the settled status (ConfirmedCollections), and drops it otherwise.
/// </summary>
public sealed class CollectionSettlementJournalTests : CollectionWorldTests
{
    private static readonly string[] SettlementActions = { ConfirmedCollections.Paid, ConfirmedCollections.Unpaid, ConfirmedCollections.PaidVoid };

    public CollectionSettlementJournalTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData(ConfirmedCollections.Paid, new[] { "submitted", "confirmed", "paid_out" })]
    [InlineData(ConfirmedCollections.Unpaid, new[] { "submitted", "failed" })]
    public async Task A_run_killed_after_recording_the_settled_status_and_before_its_line_has_it_logged_once_by_the_next_run(string action, string[] statuses)
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, statuses);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            World.SyncAsync(audit: World.AuditOf("killed"), settledRecorded: _ => throw new OperationCanceledException("killed")));

        var rerun = await World.SyncAsync(audit: World.AuditOf("rerun"));
        var third = await World.SyncAsync(audit: World.AuditOf("third"));

        Assert.Empty(rerun);
        Assert.Empty(third);
        var line = Assert.Single(SettlementLines());
        Assert.Equal((action, "killed", (string?)"rerun", (string?)payment, (string?)statuses.Last()), (line.Action, line.RunId, line.ReconciledBy, line.After!["payment"], line.After["paymentStatus"]));
        Assert.Empty(File.ReadAllText(World.AuditOf("reader").PendingPath));
    }

    [Fact]
    public async Task A_settlement_journaled_and_never_recorded_is_dropped_and_settled_and_logged_once_by_the_next_run()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed", "paid_out");
        string location;
        using (var ledger = World.OpenLedger())
        {
            location = ledger.Location;
        }

        // The killed run's intent, its settled status never recorded (killed between Halo and the ledger, or before Halo).
        World.AuditOf("killed").Intend(location, new[]
        {
            new AuditChange(ConfirmedCollections.Paid, CollectionAudit.InvoicePrefix + "1", "CU1", new Dictionary<string, string?> { ["paymentStatus"] = "pending_submission" }, new Dictionary<string, string?>
            {
                ["invoice"] = "INV-1",
                ["payment"] = payment,
                ["paymentStatus"] = "paid_out",
                ["amount"] = "120.00 GBP",
                ["reason"] = "killed before the ledger heard of it",
            }),
        });

        var rerun = await World.SyncAsync(audit: World.AuditOf("rerun"));

        Assert.Equal(SettlementAction.MarkedPaid, Assert.Single(rerun).Action);
        var line = Assert.Single(SettlementLines());
        Assert.Equal((ConfirmedCollections.Paid, "rerun", (string?)null, (string?)payment), (line.Action, line.RunId, line.ReconciledBy, line.After!["payment"]));
        Assert.Single(await World.HaloPaymentsAsync(1));
        Assert.Empty(File.ReadAllText(World.AuditOf("reader").PendingPath));
    }

    private List<AuditEntry> SettlementLines() =>
        new AuditLogReader(World.AuditOf("reader").Path).Read(new AuditQuery()).Where(e => SettlementActions.Contains(e.Action)).ToList();
}
