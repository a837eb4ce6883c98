// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Tests.GoCardless;
using Xunit.Abstractions;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>
/// The figures of the closing note: 10,000 customers (all linked) and 100,000 payments; a full first sync, an
/// incremental sync after 100 transitions, and a rerun. Request counts are asserted; times are only reported.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PaymentSyncFigureTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;
    private readonly ITestOutputHelper output;

    public PaymentSyncFigureTests(EmulatorFixture emulator, ITestOutputHelper output)
    {
        this.emulator = emulator;
        this.output = output;
    }

    [Fact]
    public async Task Syncing_100000_payments_of_10000_linked_customers_takes_a_request_per_500_and_two_requests_per_increment()
    {
        var setup = Stopwatch.StartNew();
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 10_000, payments: 100_000, linked: _ => true, seed: 42);
        output.WriteLine($"set-up (generate, snapshot through the client, embedded Halo with {world.UserByCustomer.Count:N0} linked users): {setup.ElapsedMilliseconds:N0} ms");
        var mappings = PaymentWorld.SummaryMappings;

        var first = await world.SyncAsync(o => o.Mappings = mappings);
        var firstRequests = GoCardlessRequests();
        var counts = await world.Ledger.CountAsync(CancellationToken.None);
        output.WriteLine($"first sync: {first.Statistics}");
        output.WriteLine($"  GoCardless requests: {firstRequests} ({Routes()}); ledger rows: {counts}");
        foreach (var line in world.Log.Lines.Where(l => l.StartsWith("VERBOSE Sync-GcPayment", StringComparison.Ordinal) && l.Contains(" ms", StringComparison.Ordinal)))
        {
            output.WriteLine("  " + line);
        }

        var moved = world.LinkedPayments.Where(p => p.Status == PaidOut).Take(100).ToList();
        foreach (var payment in moved)
        {
            await emulator.PostAdminAsync("gocardless/payments/" + payment.Id + "/transition", new { status = ChargedBack });
        }

        emulator.ClearRequestCounts();
        var incremental = await world.SyncAsync(o => o.Mappings = mappings);
        var incrementalRequests = GoCardlessRequests();
        output.WriteLine($"incremental sync after 100 transitions: {incremental.Statistics}");
        output.WriteLine($"  GoCardless requests: {incrementalRequests} ({Routes()})");

        emulator.ClearRequestCounts();
        var rerun = await world.SyncAsync(o => o.Mappings = mappings);
        output.WriteLine($"rerun with nothing new: {rerun.Statistics}; GoCardless requests: {GoCardlessRequests()}");

        var mandatePages = (world.Mandates.Count + 499) / 500;
        Assert.Equal(2 + mandatePages + 200, firstRequests);
        Assert.Equal(world.LinkedPayments.Count, first.Changes.Count);
        Assert.Equal(world.LinkedPayments.Count, (int)counts.Payments);
        Assert.Equal(10_000, (int)counts.Customers);
        Assert.Equal(2, incrementalRequests);
        Assert.Equal(moved.Select(p => p.Id).OrderBy(id => id), incremental.Changes.Select(c => c.PaymentId).OrderBy(id => id));
        Assert.True(incremental.Statistics.HaloUsersWritten <= 100);
        Assert.Empty(rerun.Changes);
        Assert.Equal((0L, 0), (rerun.Statistics.LedgerRowsWritten, rerun.Statistics.HaloUsersWritten));
        Assert.Equal(2, GoCardlessRequests());
    }

    private int GoCardlessRequests() => emulator.Requests.Where(r => r.Key.Contains(" /gocardless/")).Sum(r => r.Value);

    private string Routes() => string.Join(", ", emulator.Requests.Where(r => r.Key.Contains(" /gocardless/")).Select(r => r.Key + " " + r.Value));
}
