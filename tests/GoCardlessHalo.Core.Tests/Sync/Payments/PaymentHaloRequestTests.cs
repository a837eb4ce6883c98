// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Api;
using GoCardlessHalo.Emulator.Admin;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>
/// Hosted Halo's request budget (issue 12): a payment sync through the Halo API reads only the users whose summary
/// changes and writes them in batches; a run with nothing new asks Halo for nothing; a link moved by an agent is
/// caught, not written over, and makes the next run read every linked user again. Counted by the emulator.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PaymentHaloRequestTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentHaloRequestTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task Halo_requests_follow_the_users_whose_summary_changes_not_the_linked_users()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 1000, payments: 4000, linked: _ => true, seed: 11);
        using var halo = await ApiTargetAsync(world);
        var first = await SyncAsync(world, halo);
        var firstListPages = Count("GET /halo/api/Users");

        var moved = world.LinkedPayments.Where(p => p.Status == PaidOut).GroupBy(world.CustomerOf).Select(g => g.First()).Take(8).ToList();
        foreach (var payment in moved)
        {
            await world.TransitionAsync(payment.Id, ChargedBack);
        }

        HaloApiTestKit.ResetCounts(emulator.Host);
        var incremental = await SyncAsync(world, halo);
        var incrementalRequests = HaloRequests();
        var readsById = Count("GET /halo/api/Users/{id:int}");
        var incrementalListPages = Count("GET /halo/api/Users");
        var posts = Count("POST /halo/api/Users");

        HaloApiTestKit.ResetCounts(emulator.Host);
        var rerun = await SyncAsync(world, halo);

        Assert.True(firstListPages >= 10, "the first run reads every linked user (no link map yet): " + firstListPages);
        Assert.InRange(first.Statistics.HaloUsersWritten, world.UserByCustomer.Count / 2, world.UserByCustomer.Count);
        Assert.Equal(moved.Count, incremental.Changes.Count);
        Assert.Equal(0, incrementalListPages);
        Assert.True(incremental.Statistics.HaloUsersWritten > 0 && incremental.Statistics.HaloUsersWritten <= moved.Count);
        Assert.Equal(incremental.Statistics.HaloUsersWritten, readsById);
        Assert.Equal((incremental.Statistics.HaloUsersWritten + 49) / 50, posts);
        Assert.True(incrementalRequests <= 10 + readsById + posts, "Halo requests of the incremental run: " + incrementalRequests);
        Assert.Empty(rerun.Changes);
        Assert.True(HaloRequests() <= 5, "Halo requests of a rerun with nothing new: " + HaloRequests());
        Assert.Equal(0, rerun.Statistics.HaloUsersWritten);
    }

    [Fact]
    public async Task A_user_an_agent_relinked_since_the_link_map_is_not_written_and_the_next_run_reads_every_linked_user()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 120, payments: 600, linked: _ => true, seed: 12);
        using var halo = await ApiTargetAsync(world);
        await SyncAsync(world, halo);
        var payment = world.LinkedPayments.First(p => p.Status == PaidOut);
        var customer = world.CustomerOf(payment);
        var user = world.UserByCustomer[customer];
        await halo.WriteUsersAsync(new[] { new HaloUserWrite { Id = user, CustomFields = { [PaymentWorld.LinkField] = "CU_SOMEONE_ELSE" } } }, CancellationToken.None);
        await world.TransitionAsync(payment.Id, ChargedBack);
        var summaryBefore = (await halo.GetUsersAsync(new HaloUserQuery { UserIds = new[] { user } }, CancellationToken.None).ToListAsync()).Single().CustomFields[PaymentWorld.SummaryMappings[0].HaloField];

        HaloApiTestKit.ResetCounts(emulator.Host);
        var caught = await SyncAsync(world, halo);
        var listPagesWhenCaught = Count("GET /halo/api/Users");
        var summaryAfter = (await halo.GetUsersAsync(new HaloUserQuery { UserIds = new[] { user } }, CancellationToken.None).ToListAsync()).Single().CustomFields[PaymentWorld.SummaryMappings[0].HaloField];
        HaloApiTestKit.ResetCounts(emulator.Host);
        await SyncAsync(world, halo);

        Assert.Equal(0, listPagesWhenCaught);
        Assert.Equal(0, caught.Statistics.HaloUsersWritten);
        Assert.Equal(summaryBefore, summaryAfter);
        Assert.Contains(world.Log.Lines, l => l.StartsWith("WARNING", System.StringComparison.Ordinal) && l.Contains("no longer holds the GoCardless link", System.StringComparison.Ordinal));
        Assert.True(Count("GET /halo/api/Users") > 0, "the run after a moved link reads every linked user");
    }

    private static async Task<SyncOutcome> SyncAsync(PaymentWorld world, IHaloTarget halo)
    {
        using var gc = world.Emulator.Client();
        var sync = world.Synchronizer(gc, o => o.Mappings = PaymentWorld.SummaryMappings, halo: halo);
        var changes = await sync.SyncAsync(CancellationToken.None).ToListAsync();
        return new SyncOutcome(changes, sync.LastRun!);
    }

    // The world's linked users, seeded into the emulator's Halo API (the ledger stays the world's).
    private async Task<HaloApiTarget> ApiTargetAsync(PaymentWorld world)
    {
        var data = PaymentWorld.SeedData(world.UserByCustomer);
        var seed = new HaloSeed();
        seed.Clients.AddRange(data.Clients);
        seed.Sites.AddRange(data.Sites);
        seed.Users.AddRange(data.Users);
        seed.Fields.AddRange(data.Fields);
        await HaloApiTestKit.SeedAsync(emulator.Host, ApiHaloTargetFactory.ToHaloShapes(seed));
        return await HaloApiTestKit.OpenAsync(emulator.Host);
    }

    private int Count(string methodAndRoute) => HaloApiTestKit.Count(emulator.Host, methodAndRoute);

    private int HaloRequests() => emulator.Host.GetService<RequestLog>().Count("/halo");
}
