// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>Later runs: only what moved since the watermark comes out, once, with the right old and new status.</summary>
public sealed class PaymentIncrementalTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentIncrementalTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task Only_the_transitioned_payments_come_out_with_old_and_new_status_and_the_watermark_advances()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var watermarkBefore = await world.Ledger.GetWatermarkAsync(CancellationToken.None);
        var pending = world.LinkedPaymentIn(PendingSubmission);
        var submitted = world.LinkedPaymentIn(Submitted);
        var chargedBack = world.LinkedPaymentIn(PaidOut);
        var unlinked = world.Payments.First(p => p.Status == PaidOut && !world.UserByCustomer.ContainsKey(world.CustomerOf(p)));
        await world.TransitionAsync(pending.Id, Submitted);
        await world.TransitionAsync(submitted.Id, Confirmed);
        await world.TransitionAsync(chargedBack.Id, ChargedBack);
        await world.TransitionAsync(unlinked.Id, ChargedBack);
        emulator.ClearRequestCounts();

        var outcome = await world.SyncAsync();

        Assert.Equal(
            new[] { (pending.Id, PendingSubmission, Submitted), (submitted.Id, Submitted, Confirmed), (chargedBack.Id, PaidOut, ChargedBack) }.OrderBy(c => c.Item1),
            outcome.Changes.Select(c => (c.PaymentId, c.OldStatus!, c.NewStatus)).OrderBy(c => c.Item1));
        Assert.All(outcome.Changes, c => Assert.Equal(PaymentChangeOrigin.Event, c.Origin));
        Assert.Equal(new[] { "charged_back", "chargeback_settled" }, outcome.Changes.Single(c => c.PaymentId == chargedBack.Id).Actions);
        Assert.Equal("authorisation_disputed", outcome.Changes.Single(c => c.PaymentId == chargedBack.Id).Cause);
        Assert.Equal(world.UserByCustomer[world.CustomerOf(pending)], outcome.Changes.Single(c => c.PaymentId == pending.Id).HaloUserId);

        var watermarkAfter = await world.Ledger.GetWatermarkAsync(CancellationToken.None);
        Assert.True(watermarkAfter > watermarkBefore);
        Assert.Equal(outcome.Statistics.WatermarkAfter, watermarkAfter);
        Assert.Equal((PaymentSyncMode.Incremental, watermarkBefore), (outcome.Statistics.Mode, outcome.Statistics.WatermarkBefore));
        Assert.Equal(Confirmed, (await world.QueryAsync(new PaymentQuery { CustomerId = world.CustomerOf(submitted) })).Single(p => p.PaymentId == submitted.Id).Status);
        Assert.DoesNotContain(await world.QueryAsync(new PaymentQuery()), p => p.PaymentId == unlinked.Id);

        var audit = System.IO.File.ReadAllLines(world.Audit.Path);
        Assert.Single(audit, l => l.Contains("\"payment.status\"") && l.Contains("payment:" + chargedBack.Id)
            && l.Contains("\"before\":{\"status\":\"paid_out\"") && l.Contains("\"after\":{\"status\":\"charged_back\""));
        Assert.Equal(3, audit.Count(l => l.Contains("\"payment.status\"")));
        Assert.Single(audit, l => l.Contains("\"payment.watermark\"") && l.Contains("\"before\""));

        // Two event lists (payments with include=payment, mandates), one page each; nothing fetched one by one.
        Assert.Equal(2, emulator.Count("GET /gocardless/events"));
        Assert.Equal(2, emulator.Requests.Where(r => r.Key.Contains("/gocardless/")).Sum(r => r.Value));
    }

    [Fact]
    public async Task A_rerun_with_nothing_new_changes_nothing_writes_nothing_and_skips_the_events_it_already_applied()
    {
        using var world = await CreateAsync();
        var mappings = PaymentWorld.SummaryMappings;
        await world.SyncAsync(o => o.Mappings = mappings);
        var moved = world.LinkedPaymentIn(PendingSubmission);
        await world.TransitionAsync(moved.Id, Submitted);
        await world.SyncAsync(o => o.Mappings = mappings);
        var countsBefore = await world.Ledger.CountAsync(CancellationToken.None);

        var rerun = await world.SyncAsync(o => o.Mappings = mappings);

        Assert.Empty(rerun.Changes);
        Assert.Equal(0, rerun.Statistics.LedgerRowsWritten);
        Assert.Equal(0, rerun.Statistics.HaloUsersWritten);
        Assert.Equal(rerun.Statistics.WatermarkBefore, rerun.Statistics.WatermarkAfter);
        Assert.True(rerun.Statistics.EventsAlreadySeen >= 1, "the transition's event lies inside the overlap window and is read again");
        Assert.Equal(rerun.Statistics.EventsRead, rerun.Statistics.EventsAlreadySeen);
        Assert.Equal(countsBefore.ToString(), (await world.Ledger.CountAsync(CancellationToken.None)).ToString());
    }

    [Fact]
    public async Task An_event_read_again_inside_the_overlap_window_is_applied_once()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var payment = world.LinkedPaymentIn(PendingSubmission);
        await world.TransitionAsync(payment.Id, Submitted);
        var second = await world.SyncAsync();
        await world.TransitionAsync(payment.Id, Confirmed);

        var third = await world.SyncAsync();

        Assert.Equal(new[] { "submitted" }, Assert.Single(second.Changes).Actions);
        var change = Assert.Single(third.Changes);
        Assert.Equal((Submitted, Confirmed), (change.OldStatus, change.NewStatus));

        // The submitted event was listed again (it is within ten minutes of the watermark) but not applied again.
        Assert.Equal(new[] { "confirmed" }, change.Actions);
        Assert.Equal(1, third.Statistics.EventsAlreadySeen);

        // Without an overlap the old event is not even read.
        await world.TransitionAsync(payment.Id, PaidOut);
        var noOverlap = await world.SyncAsync(o => o.OverlapWindow = TimeSpan.Zero);
        Assert.Equal((0L, 1L), (noOverlap.Statistics.EventsAlreadySeen, noOverlap.Statistics.EventsRead));
    }

    [Fact]
    public async Task A_late_failure_after_payout_and_the_resubmission_are_recorded_as_changes()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var lateFailure = world.LinkedPaymentIn(PaidOut);
        var bothBetweenRuns = world.LinkedPaymentIn(PaidOut, lateFailure.Id);

        await world.TransitionAsync(lateFailure.Id, Failed);
        var failed = Assert.Single((await world.SyncAsync()).Changes);
        await world.TransitionAsync(lateFailure.Id, PendingSubmission);
        var resubmitted = Assert.Single((await world.SyncAsync()).Changes);
        await world.TransitionAsync(bothBetweenRuns.Id, Failed);
        await world.TransitionAsync(bothBetweenRuns.Id, PendingSubmission);
        var retriedBetweenRuns = Assert.Single((await world.SyncAsync()).Changes);

        Assert.Equal((PaidOut, Failed), (failed.OldStatus, failed.NewStatus));
        Assert.Equal(new[] { "failed", "late_failure_settled" }, failed.Actions);
        Assert.Equal("insufficient_funds", failed.Cause);
        Assert.Equal((Failed, PendingSubmission), (resubmitted.OldStatus, resubmitted.NewStatus));
        Assert.Equal(new[] { "resubmission_requested" }, resubmitted.Actions);

        // Retried before the next run: the newest state wins, and the failure is still visible in the actions.
        Assert.Equal((PaidOut, PendingSubmission), (retriedBetweenRuns.OldStatus, retriedBetweenRuns.NewStatus));
        Assert.Equal(new[] { "failed", "late_failure_settled", "resubmission_requested" }, retriedBetweenRuns.Actions);
    }

    [Fact]
    public async Task A_mandate_event_updates_the_mandate_status_with_one_mandate_read()
    {
        using var world = await CreateAsync();
        var mappings = PaymentWorld.SummaryMappings;
        await world.SyncAsync(o => o.Mappings = mappings);
        var customer = world.UserByCustomer.Keys.First(c => world.Mandates.Any(m => m.CustomerId == c && m.Status == "active"));
        var mandate = world.Mandates.Where(m => m.CustomerId == customer).OrderByDescending(m => m.CreatedAt).First();
        await emulator.PostAdminAsync("gocardless/mandates/" + mandate.Id + "/transition", new { status = "cancelled" });
        emulator.ClearRequestCounts();

        var outcome = await world.SyncAsync(o => o.Mappings = mappings);

        Assert.Empty(outcome.Changes);
        Assert.Equal(1, emulator.Count("GET /gocardless/mandates/{id}"));
        Assert.Equal(1, outcome.Statistics.HaloUsersWritten);
        var user = Assert.Single(await world.Halo.GetUsersAsync(new Core.Halo.HaloUserQuery { LinkField = PaymentWorld.LinkField, LinkValue = customer }, CancellationToken.None).ToListAsync());
        Assert.Equal("cancelled", user.CustomFields["GcMandateStatus"]);
    }

    private Task<PaymentWorld> CreateAsync() =>
        PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
}
