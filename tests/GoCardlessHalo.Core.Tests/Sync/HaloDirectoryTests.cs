// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync;

public sealed class HaloDirectoryTests
{
    private static readonly HaloClient[] Clients =
    {
        new() { Id = 1, Name = "Acme Widgets Ltd" },
        new() { Id = 2, Name = "ACME Widgets Limited" },
        new() { Id = 3, Name = "Brightside Dental" },
        new() { Id = 4, Name = "Old Customer", Inactive = true },
        new() { Id = 5, Name = "Unmatched" },
    };

    private static readonly HaloSite[] Sites =
    {
        new() { Id = 10, Name = "Head Office", ClientId = 1, ClientName = "Acme Widgets Ltd", IsInvoiceSite = true },
        new() { Id = 11, Name = "Warehouse", ClientId = 1, ClientName = "Acme Widgets Ltd" },
        new() { Id = 30, Name = "Head Office", ClientId = 3, ClientName = "Brightside Dental", IsInvoiceSite = true },
        new() { Id = 31, Name = "Old Invoice Site", ClientId = 3, ClientName = "Brightside Dental", IsInvoiceSite = true, Inactive = true },
        new() { Id = 50, Name = "Inbox", ClientId = 5, ClientName = "Unmatched" },
    };

    [Fact]
    public void ExactModeMatchesOneCustomerAndNormalizedModeReportsBoth()
    {
        Assert.Equal(new[] { 1 }, Directory(MatchMode.Exact).ClientsNamed(" acme widgets ltd ").Select(c => c.Id));
        Assert.Equal(new[] { 1, 2 }, Directory(MatchMode.Normalized).ClientsNamed("Acme Widgets").Select(c => c.Id));
    }

    [Fact]
    public void InactiveCustomersNeverMatch() => Assert.Empty(Directory(MatchMode.Exact).ClientsNamed("Old Customer"));

    [Fact]
    public void TheInvoiceSiteIsTheActiveOne() => Assert.Equal(30, Directory(MatchMode.Exact).InvoiceSiteOf(3)!.Id);

    [Fact]
    public void NearestNamesHelpFixATypo() =>
        Assert.Equal("Brightside Dental", Directory(MatchMode.Exact).NearestClientNames("Brightsde Dental Ltd").First());

    [Theory]
    [InlineData("50", 50)]
    [InlineData("Inbox", 50)]
    [InlineData("Acme Widgets Ltd/Head Office", 10)]
    [InlineData(" brightside dental / head office ", 30)]
    public void TheDefaultSiteIsFoundByIdNameOrCustomerAndSite(string setting, int siteId) =>
        Assert.Equal(siteId, Directory(MatchMode.Exact).ResolveDefaultSite(setting).Id);

    [Theory]
    [InlineData(null, "DefaultSiteNotSet")]
    [InlineData("Nowhere", "DefaultSiteNotFound")]
    [InlineData("31", "DefaultSiteNotFound")]
    [InlineData("Head Office", "DefaultSiteAmbiguous")]
    public void ADefaultSiteThatIsNotOneActiveSiteIsAnError(string? setting, string errorId) =>
        Assert.Equal(errorId, Assert.Throws<GcHaloException>(() => Directory(MatchMode.Exact).ResolveDefaultSite(setting)).ErrorId);

    [Fact]
    public void UsersAreFoundByLinkAnywhereAndUnlinkedOnesByEmailAcrossAllCustomers()
    {
        var linked = User(100, clientId: 3, email: "a@example.com", link: "CU1");
        var unlinked = User(101, clientId: 1, email: "Jane@Example.com");
        var directory = Directory(MatchMode.Exact, linked, unlinked);

        Assert.Same(linked, directory.UsersLinkedTo("CU1").Single());
        Assert.Same(unlinked, directory.UnlinkedUsersWithEmail(" jane@example.COM ").Single());
        Assert.Empty(directory.UnlinkedUsersWithEmail("a@example.com"));

        directory.MarkLinked(unlinked, "CU2");
        Assert.Empty(directory.UnlinkedUsersWithEmail("jane@example.com"));
        Assert.Same(unlinked, directory.UsersLinkedTo("CU2").Single());
        Assert.Equal("CU2", unlinked.CustomFields["GoCardlessCustomerId"]);
    }

    private static HaloUser User(int id, int clientId, string email, string? link = null)
    {
        var user = new HaloUser { Id = id, ClientId = clientId, Email = email, Name = "User " + id };
        if (link is not null)
        {
            user.CustomFields["GoCardlessCustomerId"] = link;
        }

        return user;
    }

    private static HaloDirectory Directory(MatchMode mode, params HaloUser[] users) =>
        new(Clients, Sites, users, "GoCardlessCustomerId", mode);
}
