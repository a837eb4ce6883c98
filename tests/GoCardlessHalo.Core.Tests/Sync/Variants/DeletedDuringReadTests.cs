// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// Issue 8, defect 3 end to end: Halo users deleted while Import-GcUser pages through the users shift the linked
/// users after them onto pages already read; never seen, they would be created again. Here 80 unlinked users (the
/// lowest ids, all on page 1) are deleted just before page 2 is served. The import must create no one: every customer
/// stays linked to its one user. When as many users are created as deleted, <c>record_count</c> does not move and the
/// pager cannot tell; the ledger's link map names the users the read missed, which are read by id (MissedLinks).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DeletedDuringReadTests
{
    internal const int Unlinked = 80;
    internal const int Customers = 150;

    [Fact]
    public async Task Users_deleted_while_the_import_reads_halo_cause_no_duplicate()
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0);
        var customers = await SeedAsync(world);
        var deleter = new ChurnBeforePage(world, page: 2, Enumerable.Range(1, Unlinked), created: 0);

        var results = await world.ImportAsync(o => o.HttpMessageHandler = deleter);

        Assert.True(deleter.Deleted, "the deletion happened during the read (before page 2 of the user list)");
        AssertEveryCustomerLinkedOnce(world, customers, results);
    }

    [Fact]
    public async Task Users_deleted_and_as_many_created_while_the_import_reads_halo_cause_no_duplicate()
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0);
        var customers = await SeedAsync(world);
        // A first import fills the ledger's link map, as every Import-GcUser does once the ledger exists.
        AssertEveryCustomerLinkedOnce(world, customers, await world.ImportAsync(linkMap: true));
        var deleter = new ChurnBeforePage(world, page: 2, Enumerable.Range(1, Unlinked), created: Unlinked);
        HaloApiTestKit.ResetCounts(world.Host);

        var results = await world.ImportAsync(o => o.HttpMessageHandler = deleter, linkMap: true);

        Assert.True(deleter.Deleted, "the deletion happened during the read (before page 2 of the user list)");
        AssertEveryCustomerLinkedOnce(world, customers, results);
        // The record count did not move, so the pager read once; the users it missed (the first 80 of page 2, moved
        // onto page 1 after it was read) were read by id: exactly those, no more.
        Assert.Equal(Unlinked, HaloApiTestKit.Count(world.Host, "GET /halo/api/Users/{id:int}"));
        Assert.Contains(world.Log.Warnings, w => w.Contains($"{Unlinked} Halo user(s) the link map names were not in the read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mapped_user_deleted_in_halo_is_created_again_once()
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0);
        var customers = await SeedAsync(world);
        await world.ImportAsync(linkMap: true);
        using (var admin = await HaloApiTestKit.HaloHttpAsync(world.Host))
        {
            (await admin.DeleteAsync("api/Users/1000")).EnsureSuccessStatusCode();
        }

        var results = await world.ImportAsync(linkMap: true);

        // Gone from Halo: read by id once, not found, so its customer gets a user again (and only one).
        Assert.Equal(customers[0].Id, Assert.Single(results, r => r.Action == ImportAction.Created).CustomerId);
        AssertEveryCustomerLinkedOnce(world, customers, results);
    }

    internal static async Task<List<Core.GoCardless.Customer>> SeedAsync(VariantWorld world)
    {
        using var gc = world.GoCardless();
        var customers = await gc.ListCustomersAsync().ToListAsync();
        var users = Enumerable.Range(1, Unlinked).Select(i => (object)new { id = i, name = "Old contact " + i, site_id = 1 })
            .Concat(customers.Select((c, i) => (object)new { id = 1000 + i, name = "Linked " + i, emailaddress = c.Email, site_id = 1, customfields = new[] { new { id = 1, value = c.Id } } }))
            .ToList();
        await HaloApiTestKit.SeedAsync(world.Host, new
        {
            fields = new[] { new { id = 1, name = VariantWorld.LinkField, type = 0, usage = 4 }, new { id = 2, name = "GcAccountRef", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Unassigned Customers" } },
            sites = new[] { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true } },
            users,
        });
        return customers;
    }

    internal static void AssertEveryCustomerLinkedOnce(VariantWorld world, IReadOnlyList<Core.GoCardless.Customer> customers, IReadOnlyList<ImportResult> results)
    {
        Assert.Equal(customers.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal), results.Select(r => r.CustomerId).OrderBy(id => id, StringComparer.Ordinal));
        var halo = world.Snapshot();
        Assert.Empty(halo.Duplicates);
        Assert.Equal(customers.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal), halo.LinkValues.OrderBy(id => id, StringComparer.Ordinal));
    }
}
