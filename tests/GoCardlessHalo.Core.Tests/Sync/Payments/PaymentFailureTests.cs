// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Tests.GoCardless;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>A run that fails part-way leaves the cursor where it was; the next run loses nothing and repeats nothing.</summary>
public sealed class PaymentFailureTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentFailureTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Theory]
    [InlineData("status")]
    [InlineData("malformed")]
    public async Task A_fault_on_the_second_events_page_fails_the_run_keeps_the_watermark_and_the_rerun_picks_up_every_change(string kind)
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        await world.SyncAsync();
        var expected = new List<(string, string, string)>();
        foreach (var payment in world.LinkedPayments.Where(p => p.Status == PaidOut).Take(4))
        {
            await world.TransitionAsync(payment.Id, ChargedBack);
            expected.Add((payment.Id, PaidOut, ChargedBack));
        }

        var pending = world.LinkedPaymentIn(PendingSubmission);
        await world.TransitionAsync(pending.Id, Submitted);
        expected.Add((pending.Id, PendingSubmission, Submitted));
        var watermark = await world.Ledger.GetWatermarkAsync(CancellationToken.None);
        var counts = (await world.Ledger.CountAsync(CancellationToken.None)).ToString();
        var statuses = await StatusesAsync(world);
        await emulator.PostAdminAsync("faults", new { kind, status = 500, count = 10, skip = 1, service = "gocardless", pathContains = "/events" });

        // Four charge-backs (two events each) and a submission: nine events, five pages of two.
        var error = await Assert.ThrowsAnyAsync<Core.Errors.GcHaloException>(() => world.SyncAsync(o => o.PageSize = 2));

        Assert.Equal(kind == "status" ? ErrorIds.GoCardlessServerError : ErrorIds.GoCardlessInvalidResponse, error.ErrorId);
        Assert.Equal(watermark, await world.Ledger.GetWatermarkAsync(CancellationToken.None));
        Assert.Equal(counts, (await world.Ledger.CountAsync(CancellationToken.None)).ToString());
        Assert.Equal(statuses, await StatusesAsync(world));

        (await emulator.Admin.DeleteAsync("__admin/faults")).EnsureSuccessStatusCode();
        var rerun = await world.SyncAsync(o => o.PageSize = 2);
        var afterwards = await world.SyncAsync(o => o.PageSize = 2);

        Assert.Equal(expected.OrderBy(c => c.Item1), rerun.Changes.Select(c => (c.PaymentId, c.OldStatus!, c.NewStatus)).OrderBy(c => c.Item1));
        Assert.True(await world.Ledger.GetWatermarkAsync(CancellationToken.None) > watermark);
        Assert.Empty(afterwards.Changes);
    }

    private static async Task<string> StatusesAsync(PaymentWorld world) =>
        string.Join(",", (await world.QueryAsync(new Core.Ledger.PaymentQuery())).Select(p => p.PaymentId + "=" + p.Status));
}
