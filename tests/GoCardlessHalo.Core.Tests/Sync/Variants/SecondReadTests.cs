// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo.Api;
using static GoCardlessHalo.Core.Tests.Sync.Variants.DeletedDuringReadTests;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// Issue 8, the last two places a paged read of Halo could make the import give a customer a second user: a create
/// needs two reads that both did not see the link. (a) A user linked in Halo that the ledger's link map does not
/// name (linked by hand, by Halo's own GoCardless integration, or with no ledger), missed by the import's read
/// because users were deleted and as many created while it paged: every user is read again before the first create
/// (AbsenceCheck). (b) A create Halo saved but whose answer did not say so, hidden from the read-back the same way:
/// the links the read-back did not find are looked for again before anything is written again
/// (SavedUserReadBack.FindConfirmedAsync). And what the second read must not cost: nothing on an Unchanged rerun,
/// on a Halo whose users fit one page, or on a SQL target (<c>Sync/Import/SqlSecondReadTests</c>).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class SecondReadTests
{
    [Fact]
    public async Task A_linked_user_the_link_map_does_not_know_missed_by_the_read_is_not_created_again()
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0);
        var customers = await SeedAsync(world);
        // No ledger, so no link map: only a second read can show the users the first one missed.
        var churn = new ChurnBeforePage(world, page: 2, Enumerable.Range(1, Unlinked), created: Unlinked);

        var results = await world.ImportAsync(o => o.HttpMessageHandler = churn);

        Assert.True(churn.Deleted, "users were deleted and created during the read (before page 2 of the user list)");
        AssertEveryCustomerLinkedOnce(world, customers, results);
        Assert.DoesNotContain(results, r => r.Action == ImportAction.Created);
        var skipped = results.Where(r => r.Action == ImportAction.Skipped).ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, r => Assert.Contains($"Halo user {r.HaloUserId} ", r.Plan.Reason, StringComparison.Ordinal));
        Assert.All(skipped, r => Assert.Contains("Run Import-GcUser again", r.Plan.Reason, StringComparison.Ordinal));
        Assert.All(skipped, r => Assert.False(r.Plan.WritesToHalo));
        Assert.Contains(world.Log.Warnings, w => w.Contains("read every Halo user again before the first user is created or linked", StringComparison.Ordinal) && w.Contains($"{Unlinked} of them holding a GoCardless link", StringComparison.Ordinal));

        // The next run updates the skipped customers' users: still one user each.
        var rerun = await world.ImportAsync();
        AssertEveryCustomerLinkedOnce(world, customers, rerun);
        Assert.DoesNotContain(rerun, r => r.Action is ImportAction.Created or ImportAction.Skipped);
    }

    [Fact]
    public async Task A_create_halo_saved_hidden_from_the_read_back_by_churn_is_not_written_again()
    {
        // Every variant world caps pages at 40 rows (HaloVariantSets.PageCap): 280 users fill 7 pages exactly.
        const int Others = 7 * HaloVariantSets.PageCap;
        await using var world = await VariantWorld.StartAsync(3, 0, HaloVariantSets.Arguments("UsersPostAnswer=EmptyBody"));
        await HaloApiTestKit.SeedAsync(world.Host, new
        {
            fields = new[] { new { id = 1, name = VariantWorld.LinkField, type = 0, usage = 4 }, new { id = 2, name = "GcAccountRef", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Unassigned Customers" } },
            sites = new[] { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true } },
            users = Enumerable.Range(1, Others).Select(i => new { id = i, name = "Contact " + i, site_id = 1 }).ToList(),
        });
        // The 3 users Halo saves (ids 281-283; its empty answer does not say so) start page 8 of the read-back of the
        // Default Site. Just before that page, 3 users of page 1 are deleted and 3 created: the saved users move onto
        // page 7, already read, and page 8 shows the new ones; record_count does not move.
        var churn = new ChurnBeforePage(world, page: 8, Enumerable.Range(1, 3), created: 3, filter: "site_id=1");
        HaloApiTestKit.ResetCounts(world.Host);

        var results = await world.ImportAsync(o => o.HttpMessageHandler = churn);

        Assert.True(churn.Deleted, "users were deleted and created during the read-back (before its page 8)");
        var halo = world.Snapshot();
        Assert.Empty(halo.Duplicates);
        Assert.Equal(3, halo.LinkValues.Count);
        Assert.Equal(3, results.Count(r => r.Action == ImportAction.Created));
        Assert.Equal(new[] { Others + 1, Others + 2, Others + 3 }, results.Select(r => r.HaloUserId ?? 0).OrderBy(id => id));
        // Written once (the other POST is the churn's creation): the second look found what the churn hid from the first.
        Assert.Equal(1 + 1, HaloApiTestKit.Count(world.Host, "POST /halo/api/Users"));
        Assert.Contains(world.Log.Warnings, w => w.Contains("3 found only by the second read, so not written again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unchanged_rerun_on_a_multi_page_halo_reads_the_users_once()
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0);
        var customers = await SeedAsync(world);
        AssertEveryCustomerLinkedOnce(world, customers, await world.ImportAsync());
        var users = world.Snapshot().Users.Count;
        HaloApiTestKit.ResetCounts(world.Host);

        var results = await world.ImportAsync();

        Assert.All(results, r => Assert.Equal(ImportAction.Unchanged, r.Action));
        Assert.True(users > HaloVariantSets.PageCap, "the users span more than one page");
        Assert.Equal(Pages(users), HaloApiTestKit.Count(world.Host, "GET /halo/api/Users"));
    }

    [Fact]
    public async Task An_import_that_creates_on_a_single_page_halo_reads_the_users_once()
    {
        await using var world = await VariantWorld.StartAsync(20, 0);
        await HaloApiTestKit.SeedAsync(world.Host, new
        {
            fields = new[] { new { id = 1, name = VariantWorld.LinkField, type = 0, usage = 4 }, new { id = 2, name = "GcAccountRef", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Unassigned Customers" } },
            sites = new[] { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true } },
            users = Enumerable.Range(1, 50).Select(i => new { id = i, name = "Contact " + i, site_id = 1 }).ToList(),
        });
        HaloApiTestKit.ResetCounts(world.Host);

        var results = await world.ImportAsync();

        Assert.Equal(20, results.Count(r => r.Action == ImportAction.Created));
        Assert.Equal(1, HaloApiTestKit.Count(world.Host, "GET /halo/api/Users"));
        Assert.DoesNotContain(world.Log.Messages, m => m.Contains("read every Halo user again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_planned_cost_counts_the_second_read_only_once_a_create_is_planned_after_a_read_of_several_pages()
    {
        const int Others = 250;
        await using var world = await VariantWorld.StartAsync(20, 0);
        await HaloApiTestKit.SeedAsync(world.Host, new
        {
            fields = new[] { new { id = 1, name = VariantWorld.LinkField, type = 0, usage = 4 }, new { id = 2, name = "GcAccountRef", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Unassigned Customers" } },
            sites = new[] { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true } },
            users = Enumerable.Range(1, Others).Select(i => new { id = i, name = "Contact " + i, site_id = 1 }).ToList(),
        });
        using var target = world.Target();
        await target.OpenAsync(CancellationToken.None);
        var importer = new UserImporter(target, new ImportOptions { LinkField = VariantWorld.LinkField, Mappings = VariantHalo.ImportMappings, DefaultSite = VariantHalo.DefaultSite }, world.Log, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        Assert.Equal(0, importer.Cost(0, 50).SecondRead);

        using var client = world.GoCardless();
        var plans = (await client.ListCustomersAsync().ToListAsync()).Select(importer.Plan).ToList();
        var cost = importer.Cost(plans.Count(p => p.WritesToHalo), 50);
        HaloApiTestKit.ResetCounts(world.Host);
        var results = await importer.WriteAsync(plans, CancellationToken.None);

        Assert.Equal(20, results.Count(r => r.Action == ImportAction.Created));
        // As predicted: the field definitions and the pages of every user, read once more before the first create.
        Assert.Equal(1 + Pages(Others), cost.SecondRead);
        Assert.Contains($"The reads include {cost.SecondRead} for a second read of every user", cost.ToString(), StringComparison.Ordinal);
        Assert.Equal(Pages(Others), HaloApiTestKit.Count(world.Host, "GET /halo/api/Users"));
        Assert.Equal(1, HaloApiTestKit.Count(world.Host, "GET /halo/api/FieldInfo"));
    }

    // These worlds run the emulator's default page cap, the 100 the product asks for.
    private static int Pages(int users) => Math.Max(1, (users + ImportCost.PageSize - 1) / ImportCost.PageSize);
}
