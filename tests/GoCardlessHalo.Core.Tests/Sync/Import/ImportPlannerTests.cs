// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync.Import;

/// <summary>Halo's GoCardless placement rules, one by one, on a fixed Halo snapshot.</summary>
public sealed class ImportPlannerTests
{
    private const string Link = "GoCardlessCustomerId";

    private static readonly HaloClient[] Clients =
    {
        new() { Id = 1, Name = "Acme Widgets Ltd" },
        new() { Id = 2, Name = "Brightside Dental" },
        new() { Id = 3, Name = "Unassigned Customers" },
        new() { Id = 4, Name = "Twin Peaks Ltd" },
        new() { Id = 5, Name = "Twin Peaks Limited" },
        new() { Id = 6, Name = "No Invoice Site Co" },
    };

    private static readonly HaloSite[] Sites =
    {
        new() { Id = 10, Name = "Head Office", ClientId = 1, ClientName = "Acme Widgets Ltd", IsInvoiceSite = true },
        new() { Id = 11, Name = "Warehouse", ClientId = 1, ClientName = "Acme Widgets Ltd" },
        new() { Id = 20, Name = "Surgery", ClientId = 2, ClientName = "Brightside Dental", IsInvoiceSite = true },
        new() { Id = 30, Name = "Default Site", ClientId = 3, ClientName = "Unassigned Customers" },
        new() { Id = 60, Name = "Branch", ClientId = 6, ClientName = "No Invoice Site Co" },
    };

    [Fact]
    public void ACompanyThatMatchesGoesToTheCustomersInvoiceSite()
    {
        var plan = Planner().Plan(Customer("CU1", company: "acme widgets ltd"));

        Assert.Equal(ImportAction.Created, plan.Action);
        Assert.Equal(MatchedBy.CompanyName, plan.MatchedBy);
        Assert.Equal(10, plan.Site!.Id);
        Assert.Equal(10, plan.Write!.SiteId);
        Assert.Equal("CU1", plan.Write.CustomFields[Link]);
        Assert.Equal("Jane Doe", plan.Write.Name);
        Assert.Contains(plan.Changes, c => c.Field == "Email" && c.OldValue is null && c.NewValue == "jane@example.com");
    }

    [Fact]
    public void NoCompanyGoesToTheDefaultSite()
    {
        var plan = Planner().Plan(Customer("CU1"));

        Assert.Equal(MatchedBy.DefaultSite, plan.MatchedBy);
        Assert.Equal(30, plan.Site!.Id);
        Assert.Contains("No company name", plan.Reason);
    }

    [Fact]
    public void AnUnmatchedCompanyGoesToTheDefaultSiteWithTheNearestNames()
    {
        var plan = Planner().Plan(Customer("CU1", company: "Brightsyde Dental"));

        Assert.Equal(ImportAction.Created, plan.Action);
        Assert.Equal(MatchedBy.DefaultSite, plan.MatchedBy);
        Assert.Equal(30, plan.Site!.Id);
        Assert.Equal("Brightside Dental", plan.NearestClients.First());
        Assert.Contains("matches no Halo customer", plan.Reason);
    }

    [Fact]
    public void NormalizedModeMatchesAcrossLegalSuffixesButExactDoesNot()
    {
        Assert.Equal(MatchedBy.DefaultSite, Planner().Plan(Customer("CU1", company: "Brightside Dental Ltd.")).MatchedBy);
        Assert.Equal(20, Planner(mode: MatchMode.Normalized).Plan(Customer("CU1", company: "Brightside Dental Ltd.")).Site!.Id);
    }

    [Fact]
    public void TwoCustomersWithTheSameNormalizedNameAreReportedNotGuessed()
    {
        var plan = Planner(mode: MatchMode.Normalized).Plan(Customer("CU1", company: "Twin Peaks"));

        Assert.Equal(ImportAction.Skipped, plan.Action);
        Assert.Null(plan.Write);
        Assert.Contains("matches 2 Halo customers", plan.Reason);
    }

    [Fact]
    public void AMovedUserKeepsSyncingWhereItIsAndIsNotMovedBack()
    {
        var moved = User(100, site: 11, client: 1, link: "CU1", email: null);

        var plan = Planner(users: moved).Plan(Customer("CU1", company: "Brightside Dental"));

        Assert.Equal(ImportAction.Updated, plan.Action);
        Assert.Equal(MatchedBy.Link, plan.MatchedBy);
        Assert.Equal(11, plan.Site!.Id);
        Assert.Null(plan.Write!.SiteId);
        Assert.Equal(100, plan.Write.Id);
        Assert.Equal(new[] { "Email" }, plan.Changes.Select(c => c.Field));
    }

    [Fact]
    public void ALinkedUserThatAlreadyMatchesIsUnchanged()
    {
        var same = User(100, site: 10, client: 1, link: "CU1", email: "JANE@example.com");

        var plan = Planner(users: same).Plan(Customer("CU1", company: "Acme Widgets Ltd"));

        Assert.Equal(ImportAction.Unchanged, plan.Action);
        Assert.False(plan.WritesToHalo);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void AnUnlinkedUserWithTheSameEmailInTheDestinationIsLinkedNotDuplicated()
    {
        var existing = User(100, site: 11, client: 1, email: "jane@example.com");

        var plan = Planner(users: existing).Plan(Customer("CU1", company: "Acme Widgets Ltd"));

        Assert.Equal(ImportAction.Linked, plan.Action);
        Assert.Equal(MatchedBy.Email, plan.MatchedBy);
        Assert.Equal(100, plan.Write!.Id);
        Assert.Equal("CU1", plan.Write.CustomFields[Link]);
    }

    [Fact]
    public void AnEmailMatchInAnotherCustomerIsLinkedWhereItLives()
    {
        var elsewhere = User(100, site: 20, client: 2, email: "jane@example.com");

        var plan = Planner(users: elsewhere).Plan(Customer("CU1", company: "Acme Widgets Ltd"));

        Assert.Equal((ImportAction.Linked, MatchedBy.Email), (plan.Action, plan.MatchedBy!.Value));
        Assert.Equal(20, plan.Site!.Id);
        Assert.Null(plan.Write!.SiteId);
        Assert.Contains("already exists in Brightside Dental / Surgery", plan.Reason);
    }

    [Theory]
    [InlineData(true, "is inactive")]
    [InlineData(false, "Halo users 100 and 101 hold GoCardless id CU1")]
    public void LinkProblemsAreSkippedWithAReason(bool inactive, string reason)
    {
        var users = inactive
            ? new[] { User(100, site: 10, client: 1, link: "CU1", inactive: true) }
            : new[] { User(100, site: 10, client: 1, link: "CU1"), User(101, site: 20, client: 2, link: "CU1") };

        var plan = Planner(users: users).Plan(Customer("CU1"));

        Assert.Equal(ImportAction.Skipped, plan.Action);
        Assert.Contains(reason, plan.Reason);
    }

    [Fact]
    public void ACustomerWithoutAnInvoiceSiteIsSkipped()
    {
        var plan = Planner().Plan(Customer("CU1", company: "No Invoice Site Co"));

        Assert.Equal(ImportAction.Skipped, plan.Action);
        Assert.Contains("no active invoice site", plan.Reason);
    }

    [Fact]
    public void MappedMetadataFillsCustomFieldsAndMissingValuesAreLeftAlone()
    {
        var user = User(100, site: 10, client: 1, link: "CU1", email: "jane@example.com");
        user.CustomFields["Contract"] = "typed by an agent";
        var customer = Customer("CU1", company: "Acme Widgets Ltd", metadata: new Dictionary<string, string> { ["account_ref"] = "ACC-1" });

        var plan = Planner(users: user).Plan(customer);

        Assert.Equal("ACC-1", plan.Write!.CustomFields["AccountRef"]);
        Assert.False(plan.Write.CustomFields.ContainsKey("Contract"));
    }

    [Fact]
    public void ACompanyOnlyCustomerIsNamedAfterTheCompany()
    {
        var plan = Planner().Plan(new Customer { Id = "CU9", CompanyName = "Acme Widgets Ltd", Email = "accounts@acme.example" });

        Assert.Equal("Acme Widgets Ltd", plan.Write!.Name);
        Assert.Null(plan.Write.FirstName);
    }

    [Fact]
    public void DescribeListsEveryFieldChangeForWhatIf()
    {
        var text = Planner().Plan(Customer("CU1", company: "Acme Widgets Ltd")).Describe();

        Assert.Contains("Create Halo user 'Jane Doe' in Acme Widgets Ltd / Head Office (matched by CompanyName)", text);
        Assert.Contains("Email: '' -> 'jane@example.com'", text);
        Assert.Contains("GoCardlessCustomerId: '' -> 'CU1'", text);
    }

    private static Customer Customer(string id, string? company = null, IReadOnlyDictionary<string, string>? metadata = null) => new()
    {
        Id = id,
        GivenName = "Jane",
        FamilyName = "Doe",
        Email = "jane@example.com",
        CompanyName = company,
        Metadata = metadata ?? new Dictionary<string, string>(),
    };

    private static HaloUser User(int id, int site, int client, string? link = null, string? email = null, bool inactive = false)
    {
        var user = new HaloUser { Id = id, SiteId = site, ClientId = client, Name = "Jane Doe", FirstName = "Jane", Surname = "Doe", Email = email, Inactive = inactive };
        if (link is not null)
        {
            user.CustomFields[Link] = link;
        }

        return user;
    }

    private static ImportPlanner Planner(MatchMode mode = MatchMode.Exact, params HaloUser[] users)
    {
        var directory = new HaloDirectory(Clients, Sites, users, Link, mode);
        var fields = new ResolvedFields(Link, new[] { new FieldMapping("account_ref", "AccountRef"), new FieldMapping("payment.last_status", "LastPayment") });
        return new ImportPlanner(directory, fields, directory.ResolveDefaultSite("30"));
    }
}
