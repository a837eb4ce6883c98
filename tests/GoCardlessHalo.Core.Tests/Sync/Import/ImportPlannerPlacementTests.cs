// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync.Import;

/// <summary>Placements an admin can steer (issue 11): an exact name wins over normalisation, and overrides win over names.</summary>
public sealed class ImportPlannerPlacementTests
{
    private const string Link = "GoCardlessCustomerId";

    private static readonly HaloClient[] Clients =
    {
        new() { Id = 1, Name = "Orchard Bakery Ltd" },
        new() { Id = 2, Name = "Orchard Bakery Pty Ltd" },
        new() { Id = 3, Name = "Unassigned Customers" },
        new() { Id = 4, Name = "Harbour Cafe" },
    };

    private static readonly HaloSite[] Sites =
    {
        new() { Id = 10, Name = "Bakehouse", ClientId = 1, ClientName = "Orchard Bakery Ltd", IsInvoiceSite = true },
        new() { Id = 20, Name = "Sydney", ClientId = 2, ClientName = "Orchard Bakery Pty Ltd", IsInvoiceSite = true },
        new() { Id = 30, Name = "Default Site", ClientId = 3, ClientName = "Unassigned Customers" },
        new() { Id = 40, Name = "Quay", ClientId = 4, ClientName = "Harbour Cafe", IsInvoiceSite = true },
        new() { Id = 41, Name = "Kiosk", ClientId = 4, ClientName = "Harbour Cafe" },
    };

    [Theory]
    [InlineData("Orchard Bakery Ltd", 10)]
    [InlineData(" orchard bakery pty ltd", 20)]
    public void AnExactNameWinsOverNormalisedMatching(string company, int site)
    {
        var plan = Planner(MatchMode.Normalized).Plan(Customer("CU1", company));

        Assert.Equal(ImportAction.Created, plan.Action);
        Assert.Equal(MatchedBy.CompanyName, plan.MatchedBy);
        Assert.Equal(site, plan.Site!.Id);
    }

    [Fact]
    public void NormalisationStillDecidesForACompanyWithoutAnExactMatch()
    {
        Assert.Equal(40, Planner(MatchMode.Normalized).Plan(Customer("CU1", "Harbour Cafe Limited")).Site!.Id);
        var ambiguous = Planner(MatchMode.Normalized).Plan(Customer("CU2", "Orchard Bakery"));
        Assert.Equal(ImportAction.Skipped, ambiguous.Action);
        Assert.Contains("matches 2 Halo customers", ambiguous.Reason);
    }

    [Fact]
    public void MatchModeOffSendsEveryNewUserToTheDefaultSiteButOverridesStillPlace()
    {
        var overrides = new[] { PlacementOverride.Create("CU2", null, "Harbour Cafe", null) };
        var planner = Planner(MatchMode.Off, overrides);

        var exactName = planner.Plan(Customer("CU1", "Orchard Bakery Ltd"));
        var pinned = planner.Plan(Customer("CU2", "Orchard Bakery Ltd"));

        Assert.Equal((MatchedBy.DefaultSite, 30), (exactName.MatchedBy!.Value, exactName.Site!.Id));
        Assert.Contains("Company names are not matched (matchMode Off", exactName.Reason);
        Assert.Equal((MatchedBy.Override, 40), (pinned.MatchedBy!.Value, pinned.Site!.Id));
    }

    [Fact]
    public void AnOverrideForTheCustomerIdBeatsTheCompanyName()
    {
        var overrides = new[] { PlacementOverride.Create("CU1", null, "Harbour Cafe", null) };

        var plan = Planner(MatchMode.Exact, overrides).Plan(Customer("CU1", "Orchard Bakery Ltd"));

        Assert.Equal(MatchedBy.Override, plan.MatchedBy);
        Assert.Equal(40, plan.Write!.SiteId);
        Assert.Contains("override for the GoCardless customer CU1", plan.Reason);
        Assert.Equal(10, Planner(MatchMode.Exact, overrides).Plan(Customer("CU2", "Orchard Bakery Ltd")).Site!.Id);
    }

    [Fact]
    public void AnOverrideForACompanyNameSendsEveryCustomerOfThatCompanyToTheSite()
    {
        var overrides = new[] { PlacementOverride.Create(null, "ORCHARD BAKERY", null, "Harbour Cafe/Kiosk") };
        var planner = Planner(MatchMode.Exact, overrides);

        var plans = new[] { planner.Plan(Customer("CU1", "Orchard Bakery")), planner.Plan(Customer("CU2", " orchard bakery ")) };

        Assert.All(plans, p => Assert.Equal((MatchedBy.Override, 41), (p.MatchedBy!.Value, p.Site!.Id)));
    }

    [Fact]
    public void AnOverrideThatPointsNowhereSkipsTheCustomerInsteadOfGuessing()
    {
        var overrides = new[] { PlacementOverride.Create("CU1", null, "Closed Customer", null), PlacementOverride.Create("CU2", null, null, "Nowhere") };
        var planner = Planner(MatchMode.Exact, overrides);

        var byCustomer = planner.Plan(Customer("CU1", "Orchard Bakery Ltd"));
        var bySite = planner.Plan(Customer("CU2", "Orchard Bakery Ltd"));

        Assert.Equal((ImportAction.Skipped, MatchedBy.Override), (byCustomer.Action, byCustomer.MatchedBy!.Value));
        Assert.Contains("'Closed Customer', which is not an active Halo customer", byCustomer.Reason);
        Assert.Contains("'Nowhere', which is not an active Halo site", bySite.Reason);
        Assert.Null(bySite.Write);
    }

    [Fact]
    public void ALinkedUserStaysWhereItIsWhateverTheOverrideSays()
    {
        var linked = new HaloUser { Id = 100, SiteId = 10, ClientId = 1, Name = "Jane Doe", FirstName = "Jane", Surname = "Doe", Email = "jane@example.com" };
        linked.CustomFields[Link] = "CU1";
        var overrides = new[] { PlacementOverride.Create("CU1", null, "4", null) };

        var plan = Planner(MatchMode.Exact, overrides, linked).Plan(Customer("CU1", "Orchard Bakery Ltd"));

        Assert.Equal((ImportAction.Unchanged, MatchedBy.Link, 10), (plan.Action, plan.MatchedBy!.Value, plan.Site!.Id));
    }

    [Theory]
    [InlineData("CU1", "Acme", "Halo", null)]
    [InlineData(null, null, "Halo", null)]
    [InlineData("CU1", null, "Halo", "Site")]
    [InlineData("CU1", null, null, " ")]
    [InlineData("MD1", null, "Halo", null)]
    public void AnOverrideNeedsOneSubjectAndOneDestination(string? id, string? company, string? client, string? site) =>
        Assert.Equal(ErrorIds.PlacementOverrideInvalid, Assert.Throws<GcHaloException>(() => PlacementOverride.Create(id, company, client, site)).ErrorId);

    private static Customer Customer(string id, string company) => new()
    {
        Id = id, GivenName = "Jane", FamilyName = "Doe", Email = "jane@example.com", CompanyName = company, Metadata = new Dictionary<string, string>(),
    };

    private static ImportPlanner Planner(MatchMode mode, IEnumerable<PlacementOverride>? overrides = null, params HaloUser[] users)
    {
        var directory = new HaloDirectory(Clients, Sites, users, Link, mode);
        return new ImportPlanner(directory, new ResolvedFields(Link, new List<FieldMapping>()), directory.ResolveDefaultSite("30"), overrides);
    }
}
