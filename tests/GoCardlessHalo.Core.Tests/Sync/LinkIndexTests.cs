// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync;

/// <summary>The one index of which Halo user holds which GoCardless customer (import and payment sync both build it).</summary>
public sealed class LinkIndexTests
{
    [Fact]
    public void Spellings_of_one_customer_are_one_customer_owned_by_the_lowest_user()
    {
        var index = new LinkIndex(new (string?, int)[] { (" cu123 ", 7), ("CU123", 3), ("cu9", 5), ("  ", 4), (null, 6) });

        Assert.Equal(2, index.CustomerCount);
        Assert.Equal(new[] { 7, 3 }, index.UsersOf("Cu123"));
        Assert.Equal(3, index.UserOf("cu123"));
        Assert.True(index.IsLinked(" CU9"));
        Assert.False(index.IsLinked("CU4"));
        Assert.Null(index.UserOf(" "));
        Assert.Equal(new[] { ("CU123", 7), ("CU123", 3), ("CU9", 5) }, index.Links);
        Assert.Equal(new[] { new KeyValuePair<string, int>("CU123", 3), new KeyValuePair<string, int>("CU9", 5) }, index.Customers.OrderBy(c => c.Key));
        var duplicate = Assert.Single(index.Duplicates());
        Assert.Equal("CU123", duplicate.Key);
        Assert.Equal(new[] { 7, 3 }, duplicate.Value);
    }

    [Fact]
    public void The_import_snapshot_answers_through_the_same_index()
    {
        var typed = new HaloUser { Id = 11 };
        typed.CustomFields["Link"] = "cu123";
        var other = new HaloUser { Id = 12 };
        other.CustomFields["Link"] = " CU123 ";
        var directory = new HaloDirectory(new List<HaloClient>(), new List<HaloSite>(), new[] { typed, other }, "Link", MatchMode.Exact);

        Assert.Equal(new[] { 11, 12 }, directory.UsersLinkedTo("CU123").Select(u => u.Id));
        Assert.Equal(new[] { 11, 12 }, directory.Duplicates()["CU123"]);
        Assert.Equal(new[] { ("CU123", 11), ("CU123", 12) }, directory.Links);
    }
}
