// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// The Halo side of the integration data set, built from the generated GoCardless customers: "Unassigned
/// Customers/Default Site", then Halo customers each with an invoice site (every third with a branch site too),
/// a share of them named after distinct GoCardless company names and the rest after companies GoCardless does not
/// have, plus a few unlinked Halo contacts whose email a GoCardless customer of their company shares (the import
/// links those instead of creating duplicates). The same records go to both targets.
/// </summary>
public sealed class IntegrationDataSet
{
    private const int FirstClientId = 2;
    private const int FirstInvoiceSiteId = 1000;
    private const int FirstBranchSiteId = 5000;
    private const int FirstUserId = 100_000;

    private static readonly string[] OtherWords = { "Ashcombe", "Bramley", "Castleton", "Dunmore", "Elmstead", "Fernhill", "Glenrose", "Hartwell", "Ivybridge", "Kingsmere" };
    private static readonly string[] OtherTrades = { "Holdings", "Partners", "Associates", "Group", "Collective", "Media", "Analytics", "Hospitality", "Interiors", "Print" };
    private static readonly string[] OtherSuffixes = { "Ltd", "LLP", "Limited" };

    private IntegrationDataSet()
    {
    }

    public List<HaloClient> Clients { get; } = new();

    public List<HaloSite> Sites { get; } = new();

    /// <summary>Unlinked contacts already in Halo (no custom field values).</summary>
    public List<HaloUser> Users { get; } = new();

    /// <summary>Halo customers named after a GoCardless company.</summary>
    public int MatchingClients { get; private set; }

    /// <summary>GoCardless customers whose company name is one of those Halo customers' names.</summary>
    public int CustomersWithMatchingCompany { get; private set; }

    /// <param name="customers">The GoCardless customers, as listed.</param>
    /// <param name="haloCustomers">Halo customers besides "Unassigned Customers".</param>
    /// <param name="matchingShare">Share of them named after a GoCardless company (0–1).</param>
    /// <param name="existingContacts">Unlinked Halo contacts sharing a GoCardless customer's email.</param>
    /// <param name="seed">Chooses the names, so a seed always gives the same data set.</param>
    public static IntegrationDataSet Build(IReadOnlyList<Customer> customers, int haloCustomers, double matchingShare, int existingContacts, int seed)
    {
        var rng = new Random(seed);
        var byCompany = customers.Where(c => !string.IsNullOrWhiteSpace(c.CompanyName))
            .GroupBy(c => c.CompanyName!.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var matching = byCompany.OrderBy(_ => rng.Next()).Take((int)Math.Round(haloCustomers * matchingShare)).ToList();
        var taken = new HashSet<string>(byCompany.Select(g => g.Key), StringComparer.OrdinalIgnoreCase);
        var others = OtherNames().Where(taken.Add).Take(haloCustomers - matching.Count).ToList();
        if (others.Count < haloCustomers - matching.Count)
        {
            throw new InvalidOperationException($"Only {others.Count} non-matching Halo customer names are available; lower the number of Halo customers.");
        }

        var data = new IntegrationDataSet { MatchingClients = matching.Count, CustomersWithMatchingCompany = matching.Sum(g => g.Count()) };
        data.AddClient(1, "Unassigned Customers", (1, "Default Site", true));
        var names = matching.Select(g => g.First().CompanyName!.Trim()).Concat(others).OrderBy(_ => rng.Next()).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var sites = new List<(int, string, bool)> { (FirstInvoiceSiteId + i, "Head Office", true) };
            if (i % 3 == 0)
            {
                sites.Add((FirstBranchSiteId + i, "Branch Office", false));
            }

            data.AddClient(FirstClientId + i, names[i], sites.ToArray());
        }

        data.AddContacts(matching, existingContacts);
        return data;
    }

    /// <summary>What the embedded database is seeded with (fields are created afterwards, as Enable-GcModule does).</summary>
    public HaloSeedData ToSqliteSeed()
    {
        var seed = new HaloSeedData();
        seed.Clients.AddRange(Clients);
        seed.Sites.AddRange(Sites);
        seed.Users.AddRange(Users);
        return seed;
    }

    /// <summary>POST /__admin/halo/seed body: the same records in Halo's API shapes, with the given User Text fields.</summary>
    public object ToApiSeed(IReadOnlyList<string> textFields) => new
    {
        fields = textFields.Select((name, i) => new { id = i + 1, name, label = name, type = HaloFieldDefinition.TextType, usage = HaloFieldDefinition.UserUsage }),
        clients = Clients.Select(c => new { id = c.Id, name = c.Name }),
        sites = Sites.Select(s => new { id = s.Id, name = s.Name, client_id = s.ClientId, isinvoicesite = s.IsInvoiceSite }),
        users = Users.Select(u => new { id = u.Id, name = u.Name, emailaddress = u.Email, site_id = u.SiteId }),
    };

    private static IEnumerable<string> OtherNames() =>
        from suffix in OtherSuffixes from trade in OtherTrades from word in OtherWords select $"{word} {trade} {suffix}";

    private void AddClient(int id, string name, params (int Id, string Name, bool Invoice)[] sites)
    {
        Clients.Add(new HaloClient { Id = id, Name = name });
        Sites.AddRange(sites.Select(s => new HaloSite { Id = s.Id, Name = s.Name, ClientId = id, ClientName = name, IsInvoiceSite = s.Invoice }));
    }

    // One contact per chosen company, in that company's invoice site, named as Halo agents often name them.
    private void AddContacts(IReadOnlyList<IGrouping<string, Customer>> matching, int count)
    {
        foreach (var company in matching.Where(g => g.Any(c => c.Email is not null)).Take(count))
        {
            var client = Clients.First(c => string.Equals(c.Name, company.First().CompanyName!.Trim(), StringComparison.Ordinal));
            var site = Sites.First(s => s.ClientId == client.Id && s.IsInvoiceSite);
            var customer = company.First(c => c.Email is not null);
            Users.Add(new HaloUser { Id = FirstUserId + Users.Count, Name = "Accounts contact", Email = customer.Email, SiteId = site.Id, ClientId = client.Id });
        }
    }
}
