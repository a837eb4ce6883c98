// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Sync.Mandates;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Sync.Payments;

namespace GoCardlessHalo.Core.Tests.Sync.Mandates;

/// <summary>Failures that cannot be missed (issue 11): mandate changes come out of the sync as objects, never the first run's history; mandates list with their Halo user.</summary>
public sealed class MandateChangeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public MandateChangeTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Theory]
    [InlineData("cancelled", true)]
    [InlineData("failed", true)]
    [InlineData("expired", true)]
    [InlineData("blocked", true)]
    [InlineData("suspended_by_payer", true)]
    [InlineData("active", false)]
    [InlineData("pending_submission", false)]
    [InlineData(null, false)]
    public void OnlyMandatesThatCanNoLongerCollectNeedAttention(string? status, bool failure) =>
        Assert.Equal(failure, MandateStatuses.IsFailure(status));

    [Fact]
    public async Task TheFirstRunReportsNoMandateHistoryThenACancelledMandateComesOutWithItsHaloUser()
    {
        using var world = await CreateAsync();
        Assert.Contains(world.Mandates, m => MandateStatuses.IsFailure(m.Status) && m.CustomerId is { } c && world.UserByCustomer.ContainsKey(c)); // history exists
        using var client = emulator.Client();
        var first = world.Synchronizer(client);
        await first.SyncAsync(CancellationToken.None).ToListAsync();
        Assert.Empty(first.MandateChanges.Drain());
        Assert.Empty(first.MandateChanges.Failures);

        var customer = world.UserByCustomer.Keys.First(c => world.Mandates.Any(m => m.CustomerId == c && m.Status == "active"));
        var mandate = world.Mandates.First(m => m.CustomerId == customer && m.Status == "active");
        await emulator.PostAdminAsync("gocardless/mandates/" + mandate.Id + "/transition", new { status = "cancelled" });
        var second = world.Synchronizer(client);
        await second.SyncAsync(CancellationToken.None).ToListAsync();

        var change = Assert.Single(second.MandateChanges.Drain());
        Assert.Equal((mandate.Id, customer, "active", "cancelled"), (change.MandateId, change.CustomerId, change.OldStatus, change.NewStatus));
        Assert.Equal(world.UserByCustomer[customer], change.HaloUserId);
        Assert.True(change.IsFailure);
        Assert.Equal(mandate.Id + " of " + customer + ": active -> cancelled", Assert.Single(second.MandateChanges.Failures));
        Assert.Empty(second.MandateChanges.Drain()); // drained once
    }

    [Fact]
    public async Task MandatesListWithTheirHaloUserAndOnlyForLinkedCustomersUnlessOneIsNamed()
    {
        using var world = await CreateAsync();
        using var client = emulator.Client();
        var listing = new MandateListing(client, world.Halo, PaymentWorld.LinkField);

        var all = await listing.ListAsync(new MandateQuery(), CancellationToken.None).ToListAsync();
        var failing = await listing.ListAsync(new MandateQuery { Statuses = MandateStatuses.FailureStatuses }, CancellationToken.None).ToListAsync();
        var unlinked = world.Mandates.First(m => m.CustomerId is { } c && !world.UserByCustomer.ContainsKey(c)).CustomerId!;
        var named = await listing.ListAsync(new MandateQuery { CustomerId = unlinked }, CancellationToken.None).ToListAsync();
        var (customer, user) = world.UserByCustomer.First();
        var byUser = await listing.ListAsync(new MandateQuery { HaloUserId = user }, CancellationToken.None).ToListAsync();

        Assert.Equal(world.Mandates.Count(m => m.CustomerId is { } c && world.UserByCustomer.ContainsKey(c)), all.Count);
        Assert.All(all, m => Assert.Equal(world.UserByCustomer[m.Mandate.CustomerId!], m.User!.Id));
        Assert.NotEmpty(failing);
        Assert.All(failing, m => Assert.True(MandateStatuses.IsFailure(m.Mandate.Status)));
        Assert.Equal(world.Mandates.Count(m => m.CustomerId == unlinked), named.Count);
        Assert.All(named, m => Assert.Null(m.User));
        Assert.Equal(world.Mandates.Count(m => m.CustomerId == customer), byUser.Count);
        Assert.All(byUser, m => Assert.Equal(user, m.User!.Id));
        Assert.Contains(all, m => m.Mandate.Status == "active");
        Assert.All(all.Where(m => m.Mandate.Status == "active"), m => Assert.NotNull(m.Mandate.NextPossibleChargeDate));
        var error = await Assert.ThrowsAsync<GcHaloException>(() => listing.ListAsync(new MandateQuery { HaloUserId = 999999 }, CancellationToken.None).ToListAsync());
        Assert.Equal(ErrorIds.HaloUserNotLinked, error.ErrorId);
    }

    private Task<PaymentWorld> CreateAsync() =>
        PaymentWorld.CreateAsync(emulator, customers: 40, payments: 300, linked: i => i % 2 == 0, seed: 7);
}
