// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>Links made or changed in Halo after the first sync: history arrives, and payments follow their user.</summary>
public sealed class PaymentLinkTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentLinkTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task A_customer_linked_after_the_first_backfill_gets_its_history_with_one_request()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var customer = UnlinkedCustomerWithPayments(world);
        var user = await world.LinkAsync(customer);
        emulator.ClearRequestCounts();

        var outcome = await world.SyncAsync();

        var history = world.Payments.Where(p => world.CustomerOf(p) == customer).ToList();
        Assert.Equal(history.Select(p => p.Id).OrderBy(id => id), outcome.Changes.Select(c => c.PaymentId).OrderBy(id => id));
        Assert.All(outcome.Changes, c => Assert.Equal((null, PaymentChangeOrigin.Backfill, user), (c.OldStatus, c.Origin, c.HaloUserId)));
        Assert.Equal(1, emulator.Count("GET /gocardless/payments"));
        Assert.Equal(0, emulator.Count("GET /gocardless/mandates"));
        Assert.Equal(1, outcome.Statistics.CustomersBackfilled);
        Assert.Equal(history.Count, (await world.QueryAsync(new PaymentQuery { HaloUserId = user })).Count);

        var again = await world.SyncAsync();
        Assert.Empty(again.Changes);
        Assert.Equal(0, again.Statistics.CustomersBackfilled);
    }

    [Fact]
    public async Task Many_newly_linked_customers_are_backfilled_in_one_pass_over_the_lists()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var customers = world.Customers.Select(c => c.Id).Where(c => !world.UserByCustomer.ContainsKey(c)).Take(3).ToList();
        foreach (var customer in customers)
        {
            await world.LinkAsync(customer);
        }

        emulator.ClearRequestCounts();

        var outcome = await world.SyncAsync(o => o.PerCustomerBackfillLimit = 2);

        var history = world.Payments.Where(p => customers.Contains(world.CustomerOf(p))).Select(p => p.Id).OrderBy(id => id);
        Assert.Equal(history, outcome.Changes.Select(c => c.PaymentId).OrderBy(id => id));
        Assert.Equal((1, 2), (emulator.Count("GET /gocardless/mandates"), emulator.Count("GET /gocardless/payments")));
        Assert.Equal(3, outcome.Statistics.CustomersBackfilled);
        Assert.Equal(world.UserByCustomer.Count, (int)(await world.Ledger.CountAsync(CancellationToken.None)).Customers);
    }

    [Fact]
    public async Task Payments_follow_a_link_that_moves_to_another_user_and_lose_a_link_that_is_removed()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var (moved, oldUser) = world.UserByCustomer.First(l => world.Payments.Any(p => world.CustomerOf(p) == l.Key));
        var (removed, removedUser) = world.UserByCustomer.Where(l => l.Key != moved).First(l => world.Payments.Any(p => world.CustomerOf(p) == l.Key));
        await world.Halo.WriteUsersAsync(
            new[]
            {
                new HaloUserWrite { Id = oldUser, CustomFields = { [PaymentWorld.LinkField] = string.Empty } },
                new HaloUserWrite { Id = removedUser, CustomFields = { [PaymentWorld.LinkField] = string.Empty } },
            },
            CancellationToken.None);
        var newUser = await world.LinkAsync(moved);

        var outcome = await world.SyncAsync();

        Assert.Empty(outcome.Changes);
        Assert.All(await world.QueryAsync(new PaymentQuery { CustomerId = moved }), p => Assert.Equal(newUser, p.HaloUserId));
        Assert.Empty(await world.QueryAsync(new PaymentQuery { HaloUserId = oldUser }));
        var orphaned = await world.QueryAsync(new PaymentQuery { CustomerId = removed });
        Assert.NotEmpty(orphaned);
        Assert.All(orphaned, p => Assert.Null(p.HaloUserId));
        Assert.Equal(world.UserByCustomer.Count - 1, (int)(await world.Ledger.CountAsync(CancellationToken.None)).Customers);
        var audit = System.IO.File.ReadAllLines(world.Audit.Path);
        Assert.Contains(audit, line => line.Contains("\"customer.link\"") && line.Contains(moved) && line.Contains("\"haloUserId\":\"" + newUser + "\""));
    }

    private static string UnlinkedCustomerWithPayments(PaymentWorld world) =>
        world.Customers.Select(c => c.Id).First(c => !world.UserByCustomer.ContainsKey(c) && world.Payments.Count(p => world.CustomerOf(p) == c) >= 3);

    private Task<PaymentWorld> CreateAsync() =>
        PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
}
