// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo.Api;
using Xunit.Abstractions;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// Issue 8, the cost of the write safety: when Halo's answer to a batch POST /api/Users does not say what it saved,
/// the creates wait (ParkedCreates) and one read-back by link value settles many batches, instead of one read of
/// every user per batch. Outcomes: every customer imported exactly once, no link twice, and the read-back's list
/// reads bounded by the rule "at most half a read request per write request, plus the last read-back".
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ReadBackCostTests
{
    private const int Customers = 1000;

    private readonly ITestOutputHelper _output;

    public ReadBackCostTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("FirstObject")]
    [InlineData("EmptyBody")]
    [InlineData("EmptyArray")]
    public async Task Creates_left_unknown_are_read_back_once_for_many_batches(string answer)
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0, HaloVariantSets.Arguments("UsersPostAnswer=" + answer));
        var usersBefore = world.Snapshot().Users.Count;
        HaloApiTestKit.ResetCounts(world.Host);

        var results = await world.ImportAsync();

        var halo = world.Snapshot();
        Assert.Empty(halo.Duplicates);
        Assert.Equal(Customers, results.Count);
        Assert.Equal(Customers, results.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(results, r => r.Action == ImportAction.Failed);
        Assert.Equal(Customers, halo.LinkValues.Count);
        var created = results.Count(r => r.Action == ImportAction.Created);
        Assert.Equal(usersBefore + created, halo.Users.Count);

        var posts = HaloApiTestKit.Count(world.Host, "POST /halo/api/Users");
        var lists = HaloApiTestKit.Count(world.Host, "GET /halo/api/Users");
        var readBacks = world.Log.Warnings.Count(w => w.Contains(UserImporter.ReadBackWarning, StringComparison.Ordinal));
        var firstRead = Pages(usersBefore);
        var lastReadBack = Pages(halo.Users.Count);
        _output.WriteLine($"{answer}: {posts} POST, {lists} user list GETs ({firstRead} for the import's read), {readBacks} read-back(s), {created} created.");
        // Nothing written twice: one POST per batch of 50 writes, as with an answer that says everything.
        Assert.Equal((results.Count(r => r.Action != ImportAction.Unchanged && r.Action != ImportAction.Skipped) + 49) / 50, posts);
        Assert.InRange(readBacks, 1, posts / 4);
        Assert.InRange(lists - firstRead, 1, (posts / 2) + lastReadBack);
    }

    [Fact]
    public async Task A_few_creates_left_unknown_are_read_back_from_their_site_not_from_every_user()
    {
        const int Others = 1000;
        await using var world = await VariantWorld.StartAsync(3, 0, HaloVariantSets.Arguments("UsersPostAnswer=EmptyBody"));
        await HaloApiTestKit.SeedAsync(world.Host, new
        {
            fields = new[] { new { id = 1, name = VariantWorld.LinkField, type = 0, usage = 4 }, new { id = 2, name = "GcAccountRef", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Unassigned Customers" }, new { id = 2, name = "Somebody Else Ltd" } },
            sites = new[] { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true }, new { id = 2, name = "Main", client_id = 2, isinvoicesite = true } },
            users = Enumerable.Range(1, Others).Select(i => new { id = i, name = "Contact " + i, site_id = 2 }).ToList(),
        });
        HaloApiTestKit.ResetCounts(world.Host);

        var results = await world.ImportAsync();

        Assert.Equal(3, results.Count(r => r.Action == ImportAction.Created));
        Assert.Empty(world.Snapshot().Duplicates);
        Assert.Equal(3, world.Snapshot().LinkValues.Count);
        // The import's read of every user and, the users spanning several pages, its second read before the first
        // create (AbsenceCheck); then one page of the Default Site's users: the read-back never reads the 1,000 users.
        Assert.Equal((2 * Pages(Others)) + 1, HaloApiTestKit.Count(world.Host, "GET /halo/api/Users"));
    }

    private static int Pages(int users) => Math.Max(1, (users + HaloVariantSets.PageCap - 1) / HaloVariantSets.PageCap);
}
