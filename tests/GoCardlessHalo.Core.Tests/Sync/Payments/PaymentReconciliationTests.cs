// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Timing;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>
/// Issue 8: an event GoCardless lists later than the overlap window behind the watermark is never read; the
/// periodic read-back of non-final payments by id still brings the status change into the ledger.
/// </summary>
public sealed class PaymentReconciliationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentReconciliationTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task A_change_whose_event_falls_behind_the_window_is_applied_by_the_next_due_reconciliation_reading_only_non_final_payments()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 40, payments: 600, linked: i => i % 2 == 0, seed: 11);
        await world.SyncAsync();
        // The watermark an hour ahead: the transition's event is then older than watermark − overlap, as an event
        // listed late would be.
        using (var writer = await world.Ledger.BeginWriteAsync(SystemClock.Instance, CancellationToken.None))
        {
            await writer.SetWatermarkAsync(DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
            writer.Commit();
        }

        var moved = world.LinkedPaymentIn(PendingSubmission);
        await world.TransitionAsync(moved.Id, Submitted);

        var notDue = await world.SyncAsync();
        Assert.Empty(notDue.Changes);
        Assert.Equal(0, notDue.Statistics.PaymentsReconciled);

        var nonFinal = (await world.QueryAsync(new PaymentQuery { Statuses = PendingPaymentReconciliation.NonFinalStatuses })).Select(p => p.PaymentId).ToList();
        emulator.ClearRequestCounts();
        var due = await world.SyncAsync(o => o.ReconcileEvery = TimeSpan.FromTicks(1));

        var change = Assert.Single(due.Changes);
        Assert.Equal((moved.Id, PendingSubmission, Submitted, PaymentChangeOrigin.Reconciliation), (change.PaymentId, change.OldStatus!, change.NewStatus, change.Origin));
        Assert.Equal(Submitted, (await world.QueryAsync(new PaymentQuery { CustomerId = world.CustomerOf(moved) })).Single(p => p.PaymentId == moved.Id).Status);
        Assert.Contains(moved.Id, nonFinal);
        Assert.Equal(nonFinal.Count, due.Statistics.PaymentsReconciled);
        Assert.Equal(nonFinal.Count, emulator.Count("GET /gocardless/payments/{id}"));

        emulator.ClearRequestCounts();
        var after = await world.SyncAsync();
        Assert.Empty(after.Changes);
        Assert.Equal(0, emulator.Count("GET /gocardless/payments/{id}"));
    }

    [Fact]
    public void A_negative_period_is_refused_with_a_message_saying_how_to_turn_it_off()
    {
        var options = new PaymentSyncOptions { ReconcileEvery = TimeSpan.FromHours(-1) };

        var error = Assert.Throws<GoCardlessHalo.Core.Errors.GcHaloException>(() => options.Validate());

        Assert.Contains("ReconcileEvery", error.Message);
        Assert.Contains("use 0", error.Message);
    }
}
