// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Sync.Inbox;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Sql;

namespace GoCardlessHalo.Core.Tests.Sync.Inbox;

/// <summary>The Default Site inbox (issue 11): who is there and why, which now match by the import's rule, and moves that never undo an agent's.</summary>
public sealed class DefaultSiteInboxTests : IDisposable
{
    private const string Link = "GoCardlessCustomerId";
    private const int DefaultSiteId = 30;
    private readonly SqliteHaloTargetFactory factory = new();

    private readonly Dictionary<string, Customer> customers = new[]
    {
        Customer("CU1EXACT", "Orchard Bakery Ltd"),
        Customer("CU2LOOSE", "Harbour Cafe Limited"),
        Customer("CU3PINNED", "Somebody Else"),
        Customer("CU4NOMATCH", "Orchad Bakers"),
        Customer("CU5AMBIG", "Orchard Bakery"),
    }.ToDictionary(c => c.Id);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ListsLinkedDefaultSiteUsersWithWhyTheyLandedAndWhichNowMatch()
    {
        using var target = await World();
        var inbox = Inbox(target, MatchMode.Normalized, PlacementOverride.Create("CU3PINNED", null, null, "Harbour Cafe/Kiosk"));
        await inbox.PrepareAsync(CancellationToken.None);

        var listed = new List<DefaultSiteUser>();
        await foreach (var user in inbox.ListAsync(CancellationToken.None))
        {
            listed.Add(user);
        }

        var byCustomer = listed.ToDictionary(u => u.CustomerId!);
        Assert.Equal(new[] { "CU1EXACT", "CU2LOOSE", "CU3PINNED", "CU4NOMATCH", "CU5AMBIG" }, byCustomer.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(("Exact", 10), (byCustomer["CU1EXACT"].Match, byCustomer["CU1EXACT"].Placement!.Site!.Id));
        Assert.Equal(("Normalized", 40), (byCustomer["CU2LOOSE"].Match, byCustomer["CU2LOOSE"].Placement!.Site!.Id));
        Assert.Equal(("Override", 41), (byCustomer["CU3PINNED"].Match, byCustomer["CU3PINNED"].Placement!.Site!.Id));
        var unmatched = byCustomer["CU4NOMATCH"];
        Assert.False(unmatched.CanMove);
        Assert.Contains("Orchard Bakery Ltd", unmatched.Placement!.NearestClients);
        Assert.Contains("'Orchad Bakers' matches no Halo customer (nearest: ", unmatched.Reason);
        Assert.False(byCustomer["CU5AMBIG"].CanMove);
        Assert.Contains("matches 2 Halo customers", byCustomer["CU5AMBIG"].Reason);
    }

    [Fact]
    public async Task TheInboxAndTheImportPlaceACustomerByTheSameRule()
    {
        using var target = await World();
        foreach (var mode in new[] { MatchMode.Exact, MatchMode.Normalized })
        {
            var inbox = Inbox(target, mode);
            await inbox.PrepareAsync(CancellationToken.None);
            var importer = new UserImporter(target, new ImportOptions { LinkField = Link, DefaultSite = DefaultSiteId.ToString(), MatchMode = mode }, NullEngineLog.Instance, null);
            await importer.PrepareAsync(CancellationToken.None);
            await foreach (var listed in inbox.ListAsync(CancellationToken.None))
            {
                // The same customer under a new id has no Halo user yet, so the import places it from scratch.
                var fresh = Customer("CU9" + listed.CustomerId, listed.Customer!.CompanyName!);
                var plan = importer.Plan(fresh);
                Assert.Equal(plan.Site?.Id, listed.Placement!.Site?.Id);
                Assert.Equal(plan.MatchedBy, listed.Placement.MatchedBy);
            }
        }
    }

    [Fact]
    public async Task AMoveTakesAMatchedUserToItsCustomerAndLeavesTheRest()
    {
        using var target = await World();
        var inbox = Inbox(target, MatchMode.Normalized);
        await inbox.PrepareAsync(CancellationToken.None);

        var exact = (await inbox.PlanMoveAsync(101, CancellationToken.None))!;
        var moved = await inbox.MoveAsync(exact, CancellationToken.None);
        var unmatched = await inbox.MoveAsync((await inbox.PlanMoveAsync(104, CancellationToken.None))!, CancellationToken.None);

        Assert.True(moved.Moved);
        Assert.Equal(10, (await ReadUser(target, 101)).SiteId);
        Assert.False(unmatched.Moved);
        Assert.Equal(DefaultSiteId, (await ReadUser(target, 104)).SiteId);
        Assert.Null(await inbox.PlanMoveAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task AUserAnAgentMovedAfterTheListingIsLeftWhereTheAgentPutIt()
    {
        using var target = await World();
        var inbox = Inbox(target, MatchMode.Normalized);
        await inbox.PrepareAsync(CancellationToken.None);
        var planned = (await inbox.PlanMoveAsync(101, CancellationToken.None))!;
        Assert.True(planned.CanMove);

        // The agent moves the user in Halo between the listing (or the -Confirm prompt) and the move.
        await target.WriteUsersAsync(new[] { new HaloUserWrite { Id = 101, SiteId = 20 } }, CancellationToken.None);
        var outcome = await inbox.MoveAsync(planned, CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.Contains("no longer in the Default Site", outcome.Reason);
        Assert.Equal(20, (await ReadUser(target, 101)).SiteId);
        Assert.False((await inbox.PlanMoveAsync(101, CancellationToken.None))!.CanMove);
    }

    [Fact]
    public async Task ALinkToACustomerGoCardlessDoesNotHaveIsReportedNotMoved()
    {
        using var target = await World();
        customers.Remove("CU1EXACT");
        var inbox = Inbox(target, MatchMode.Exact);
        await inbox.PrepareAsync(CancellationToken.None);

        var planned = (await inbox.PlanMoveAsync(101, CancellationToken.None))!;

        Assert.False(planned.CanMove);
        Assert.Contains("GoCardless has no customer CU1EXACT", planned.Reason);
        Assert.False((await inbox.MoveAsync(planned, CancellationToken.None)).Moved);
    }

    private DefaultSiteInbox Inbox(IHaloTarget target, MatchMode mode, params PlacementOverride[] overrides) =>
        new(target, Lookup, new ImportOptions { LinkField = Link, DefaultSite = DefaultSiteId.ToString(), MatchMode = mode, Overrides = overrides }, null);

    private Task<Customer> Lookup(string id, CancellationToken cancellationToken) =>
        customers.TryGetValue(id, out var customer)
            ? Task.FromResult(customer)
            : throw new GcHaloException(ErrorIds.GoCardlessNotFound, ErrorKind.NotFound, "no such customer");

    private static async Task<HaloUser> ReadUser(IHaloTarget target, int id)
    {
        await foreach (var user in target.GetUsersAsync(new HaloUserQuery { UserIds = new[] { id } }, CancellationToken.None))
        {
            return user;
        }

        throw new InvalidOperationException($"user {id} not found");
    }

    private async Task<IHaloTarget> World()
    {
        var seed = new HaloSeed();
        seed.Clients.AddRange(new[]
        {
            new HaloClient { Id = 1, Name = "Orchard Bakery Ltd" },
            new HaloClient { Id = 2, Name = "Orchard Bakery Pty Ltd" },
            new HaloClient { Id = 3, Name = "Unassigned Customers" },
            new HaloClient { Id = 4, Name = "Harbour Cafe" },
        });
        seed.Sites.AddRange(new[]
        {
            new HaloSite { Id = 10, Name = "Bakehouse", ClientId = 1, IsInvoiceSite = true },
            new HaloSite { Id = 20, Name = "Sydney", ClientId = 2, IsInvoiceSite = true },
            new HaloSite { Id = DefaultSiteId, Name = "Default Site", ClientId = 3, IsInvoiceSite = true },
            new HaloSite { Id = 40, Name = "Quay", ClientId = 4, IsInvoiceSite = true },
            new HaloSite { Id = 41, Name = "Kiosk", ClientId = 4 },
        });
        seed.Fields.Add(new HaloFieldDefinition { Id = 1, Name = Link, Label = "GoCardless customer", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage });
        var id = 101;
        foreach (var customer in customers.Values)
        {
            seed.Users.Add(User(id++, DefaultSiteId, customer.Id));
        }

        seed.Users.Add(User(200, DefaultSiteId, null)); // unlinked: not the module's to place
        seed.Users.Add(User(201, 10, "CU7ELSEWHERE")); // linked, but not in the Default Site
        return await factory.CreateAsync(seed);
    }

    private static HaloUser User(int id, int siteId, string? link)
    {
        var user = new HaloUser { Id = id, Name = "User " + id, SiteId = siteId };
        if (link is not null)
        {
            user.CustomFields[Link] = link;
        }

        return user;
    }

    private static Customer Customer(string id, string company) => new()
    {
        Id = id, GivenName = "Jane", FamilyName = id, Email = id.ToLowerInvariant() + "@example.com", CompanyName = company, Metadata = new Dictionary<string, string>(),
    };
}
