// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>Payments keep their failure (issue 11): cause, description and the time the status changed, filterable; history has no change time.</summary>
public sealed class PaymentFailureKeptTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentFailureKeptTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task History_has_no_change_time_and_a_failure_since_keeps_its_cause_description_and_time()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        var first = await world.SyncAsync();
        Assert.All(first.Changes, c => Assert.Equal(PaymentChangeOrigin.Backfill, c.Origin));
        var history = await world.QueryAsync(new PaymentQuery());
        Assert.Contains(history, p => p.Status == Failed); // the data set has old failures…
        Assert.All(history, p => Assert.Null(p.StatusChangedAt)); // …which are history, not changes
        Assert.Empty(await world.QueryAsync(new PaymentQuery { ChangedSince = DateTimeOffset.MinValue }));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var submitted = world.LinkedPaymentIn(Submitted);
        await world.TransitionAsync(submitted.Id, Failed);
        await world.SyncAsync();

        var changed = Assert.Single(await world.QueryAsync(new PaymentQuery { ChangedSince = before }));
        Assert.Equal((submitted.Id, Failed, "insufficient_funds"), (changed.PaymentId, changed.Status, changed.FailureCause));
        Assert.Equal("The customer's account had insufficient funds to make this payment.", changed.FailureDescription);
        Assert.True(changed.StatusChangedAt >= before && changed.StatusChangedAt <= DateTimeOffset.UtcNow.AddSeconds(1), changed.StatusChangedAt?.ToString("O"));
        Assert.Empty(await world.QueryAsync(new PaymentQuery { ChangedSince = DateTimeOffset.UtcNow.AddMinutes(1) }));

        // A rerun with nothing new writes nothing and keeps what the row says.
        var again = await world.SyncAsync();
        Assert.Empty(again.Changes);
        Assert.Equal(changed, Assert.Single(await world.QueryAsync(new PaymentQuery { ChangedSince = before })) with { LedgerUpdatedAt = changed.LedgerUpdatedAt });
    }
}
