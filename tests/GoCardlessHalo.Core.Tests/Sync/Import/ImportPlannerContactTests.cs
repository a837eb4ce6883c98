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

/// <summary>Contacts that stay single (issue 11): email matching across Halo, and who owns each field.</summary>
public sealed class ImportPlannerContactTests
{
    private const string Link = "GoCardlessCustomerId";

    private static readonly HaloClient[] Clients =
    {
        new() { Id = 1, Name = "Acme Widgets Ltd" },
        new() { Id = 2, Name = "Brightside Dental" },
        new() { Id = 3, Name = "Unassigned Customers" },
    };

    private static readonly HaloSite[] Sites =
    {
        new() { Id = 10, Name = "Head Office", ClientId = 1, ClientName = "Acme Widgets Ltd", IsInvoiceSite = true },
        new() { Id = 20, Name = "Surgery", ClientId = 2, ClientName = "Brightside Dental", IsInvoiceSite = true },
        new() { Id = 30, Name = "Default Site", ClientId = 3, ClientName = "Unassigned Customers" },
    };

    [Fact]
    public void ACustomerWithoutACompanyIsLinkedToTheContactThatAlreadyHasItsEmail()
    {
        var contact = Contact(100, site: 20, client: 2, name: "Billing Contact", email: "JANE@example.com");

        var plan = Planner(contact).Plan(Customer("CU1", company: null));

        Assert.Equal((ImportAction.Linked, MatchedBy.Email, 20), (plan.Action, plan.MatchedBy!.Value, plan.Site!.Id));
        Assert.Equal("CU1", plan.Write!.CustomFields[Link]);
    }

    [Fact]
    public void SeveralContactsWithTheEmailAreSkippedWithTheCandidatesNamed()
    {
        var a = Contact(100, site: 10, client: 1, name: "Jane at Acme", email: "jane@example.com");
        var b = Contact(101, site: 20, client: 2, name: "Jane at Brightside", email: "jane@example.com");

        var plan = Planner(a, b).Plan(Customer("CU1", company: "Acme Widgets Ltd"));

        Assert.Equal((ImportAction.Skipped, MatchedBy.Email), (plan.Action, plan.MatchedBy!.Value));
        Assert.Contains("100 'Jane at Acme' in Acme Widgets Ltd / Head Office", plan.Reason);
        Assert.Contains("101 'Jane at Brightside' in Brightside Dental / Surgery", plan.Reason);
        Assert.Null(plan.Write);
    }

    [Fact]
    public void ByDefaultAContactLinkedByEmailKeepsWhatAnAgentTypedAndEmptyFieldsAreFilled()
    {
        var contact = Contact(100, site: 10, client: 1, name: "Billing Contact", email: "jane@example.com", phone: null);

        var plan = Planner(contact).Plan(Customer("CU1", company: "Acme Widgets Ltd", phone: "+44 20 7946 0000"));

        Assert.Equal(ImportAction.Linked, plan.Action);
        Assert.Null(plan.Write!.Name);
        Assert.Equal("+44 20 7946 0000", plan.Write.Phone);
        var kept = Assert.Single(plan.Kept, k => k.Field == "Name");
        Assert.Equal(("Billing Contact", "Jane Doe", FieldRule.FillWhenEmpty), (kept.HaloValue, kept.GoCardlessValue, kept.Rule));
        Assert.Contains("Name kept 'Billing Contact' by FillWhenEmpty (GoCardless has 'Jane Doe')", plan.Describe());
    }

    [Fact]
    public void APhoneAnAgentCorrectedIsNotRevertedButAFieldGoCardlessOwnsIs()
    {
        var linked = Contact(100, site: 10, client: 1, name: "Billing Contact", email: "jane@example.com", phone: "0161 496 0000", link: "CU1");
        var rules = new Dictionary<string, FieldRule> { ["Name"] = FieldRule.Overwrite };

        var plan = Planner(rules, linked).Plan(Customer("CU1", company: "Acme Widgets Ltd", phone: "+44 20 7946 0000"));

        Assert.Equal(ImportAction.Updated, plan.Action);
        Assert.Equal("Jane Doe", plan.Write!.Name);
        Assert.Null(plan.Write.Phone);
        Assert.Equal(FieldRule.FillWhenEmpty, plan.Kept.Single(k => k.Field == "Phone").Rule);
    }

    [Fact]
    public void CreateOnlyFieldsAreSetOnANewUserAndNeverAfterwards()
    {
        var rules = new Dictionary<string, FieldRule> { ["Phone"] = FieldRule.CreateOnly };
        var created = Planner(rules).Plan(Customer("CU1", company: "Acme Widgets Ltd", phone: "+44 1"));
        var existing = Contact(100, site: 10, client: 1, name: "Jane Doe", email: "jane@example.com", phone: null, link: "CU1");

        var later = Planner(rules, existing).Plan(Customer("CU1", company: "Acme Widgets Ltd", phone: "+44 1"));

        Assert.Equal("+44 1", created.Write!.Phone);
        Assert.Equal(ImportAction.Unchanged, later.Action);
        Assert.Equal(FieldRule.CreateOnly, later.Kept.Single().Rule);
    }

    [Theory]
    [InlineData("phone", "Phone")]
    [InlineData(" AccountRef ", "AccountRef")]
    public void OwnershipFieldNamesAreCanonical(string given, string expected) => Assert.Equal(expected, FieldOwnership.FieldName(given, Link));

    [Fact]
    public void TheLinkFieldHasNoOwnershipRule() =>
        Assert.Equal(ErrorIds.FieldOwnershipInvalid, Assert.Throws<GcHaloException>(() => FieldOwnership.FieldName("gocardlesscustomerid", Link)).ErrorId);

    private static Customer Customer(string id, string? company, string? phone = null) => new()
    {
        Id = id, GivenName = "Jane", FamilyName = "Doe", Email = "jane@example.com", PhoneNumber = phone, CompanyName = company, Metadata = new Dictionary<string, string>(),
    };

    private static HaloUser Contact(int id, int site, int client, string name, string email, string? phone = null, string? link = null)
    {
        var user = new HaloUser { Id = id, SiteId = site, ClientId = client, Name = name, FirstName = "Jane", Surname = "Doe", Email = email, Phone = phone };
        if (link is not null)
        {
            user.CustomFields[Link] = link;
        }

        return user;
    }

    private static ImportPlanner Planner(params HaloUser[] users) => Planner(new Dictionary<string, FieldRule>(), users);

    private static ImportPlanner Planner(IReadOnlyDictionary<string, FieldRule> rules, params HaloUser[] users)
    {
        var directory = new HaloDirectory(Clients, Sites, users, Link, MatchMode.Exact);
        return new ImportPlanner(directory, new ResolvedFields(Link, new List<FieldMapping>()), directory.ResolveDefaultSite("30"), null, rules);
    }
}
