// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Body of POST /__admin/halo/generate. InvoicesPerClient (default 0) adds invoices, see <see cref="HaloInvoiceGenerator"/>.</summary>
public sealed record HaloGenerateRequest(int Clients = 25, int UsersPerClient = 4, int Seed = 1, int InvoicesPerClient = 0);

/// <summary>
/// Builds a deterministic, realistic Halo (same request, same data): customers, each with an invoice site
/// ("Head Office") and sometimes branch sites, users spread over those sites, a few inactive records, and
/// every twentieth customer named like an earlier one (another legal suffix, other case and punctuation,
/// doubled spaces, or an exact twin) so company-name matching and ambiguity can be tested. Custom fields:
/// two User fields (one Text, one selection) and one ticket field, none of them the GoCardless link field.
/// </summary>
public static class HaloGenerator
{
    private static readonly string[] Adjectives =
    {
        "Northwind", "Bluebell", "Granite", "Harbour", "Juniper", "Kestrel", "Lantern", "Meadow", "Oakridge", "Pinnacle",
        "Quayside", "Riverside", "Saffron", "Thistle", "Upland", "Vantage", "Willow", "Yarrow", "Amber", "Beacon",
        "Cobalt", "Driftwood", "Elmstead", "Foxglove", "Greystone", "Heather", "Ironbridge", "Larkspur", "Marble", "Nettlebed",
    };

    private static readonly string[] Nouns =
    {
        "Logistics", "Dental", "Accountants", "Builders", "Consulting", "Design", "Engineering", "Foods", "Garages", "Homes",
        "Insurance", "Joinery", "Kitchens", "Legal", "Media", "Nurseries", "Opticians", "Plumbing", "Recruitment", "Surveyors",
        "Travel", "Utilities", "Veterinary", "Wholesale", "Bakery", "Clinic", "Estates", "Fitness", "Printing", "Solar",
    };

    private static readonly string[] Suffixes = { "Ltd", "Limited", "LLP", "plc", "LLC", "Inc", "GmbH", "Co" };

    private static readonly string[] Branches = { "Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "York", "Norwich" };

    private static readonly string[] FirstNames =
    {
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Zoë", "Grace", "Freya", "Aisha", "Chloé", "Noah", "Oliver", "George", "Arthur",
        "Leo", "Oscar", "Harry", "José", "Mohammed", "Seán", "Priya", "Wei", "Nia", "Rhys", "Siobhán", "Tomasz", "Ingrid", "Kwame",
    };

    private static readonly string[] Surnames =
    {
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson",
        "O'Brien", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Müller", "Nowak", "Khan", "Chen", "Okafor", "MacLeod",
    };

    public static HaloState Generate(HaloGenerateRequest request)
    {
        var random = new Random(request.Seed);
        var state = new HaloState();
        var department = state.Fields.Put(new HaloFieldRecord { Name = "Department", Label = "Department", Type = 0, Usage = HaloFieldUsage.User });
        state.Fields.Put(new HaloFieldRecord { Name = "PreferredContact", Label = "Preferred contact", Type = 2, Usage = HaloFieldUsage.User });
        state.Fields.Put(new HaloFieldRecord { Name = "TicketReference", Label = "Ticket reference", Type = 0, Usage = HaloFieldUsage.Ticket });

        var names = CompanyNames(random, request.Clients);
        var phone = 0;
        foreach (var name in names)
        {
            var client = state.Clients.Put(new HaloClientRecord { Name = name, Inactive = random.NextDouble() < 0.03 });
            var sites = AddSites(state, random, client);
            var domain = Slug(name) + ".example.com";
            for (var u = 0; u < request.UsersPerClient; u++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = Surnames[random.Next(Surnames.Length)];
                var user = new HaloUserRecord
                {
                    Name = first + " " + last,
                    FirstName = first,
                    Surname = last,
                    EmailAddress = $"{Slug(first)}.{Slug(last)}{u}@{domain}",
                    PhoneNumber = $"+44 20 7946 {phone++ % 1000:D4}",
                    SiteId = random.NextDouble() < 0.7 ? sites[0].Id : sites[random.Next(sites.Count)].Id,
                    Inactive = random.NextDouble() < 0.02,
                };
                if (random.NextDouble() < 0.3)
                {
                    user.CustomFields[department.Id] = random.NextDouble() < 0.5 ? "Finance" : "Operations";
                }

                state.Users.Put(user);
            }
        }

        HaloInvoiceGenerator.AddInvoices(state, random, request.InvoicesPerClient);
        return state;
    }

    private static List<HaloSiteRecord> AddSites(HaloState state, Random random, HaloClientRecord client)
    {
        var sites = new List<HaloSiteRecord>
        {
            state.Sites.Put(new HaloSiteRecord { Name = "Head Office", ClientId = client.Id, IsInvoiceSite = true, PhoneNumber = "+44 20 7946 0000" }),
        };
        var roll = random.NextDouble();
        var extra = roll < 0.65 ? 0 : roll < 0.9 ? 1 : 2;
        foreach (var branch in Branches.OrderBy(_ => random.Next()).Take(extra))
        {
            sites.Add(state.Sites.Put(new HaloSiteRecord { Name = branch + " Branch", ClientId = client.Id, Inactive = random.NextDouble() < 0.05 }));
        }

        return sites;
    }

    /// <summary>Unique names, except every twentieth, which echoes an earlier one in one of four ways.</summary>
    private static List<string> CompanyNames(Random random, int count)
    {
        var combinations = (from a in Adjectives from n in Nouns select a + " " + n).OrderBy(_ => random.Next()).ToList();
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 20 == 19)
            {
                names.Add(Echo(names[random.Next(i)], i / 20 % 4, random));
                continue;
            }

            var stem = combinations[i % combinations.Count] + (i >= combinations.Count ? " " + (i / combinations.Count + 1) : string.Empty);
            names.Add(stem + " " + Suffixes[random.Next(Suffixes.Length)]);
        }

        return names;
    }

    private static string Echo(string name, int variant, Random random)
    {
        var words = name.Split(' ');
        var stem = string.Join(" ", words.Take(words.Length - 1));
        return variant switch
        {
            0 => stem + " " + Suffixes.Where(s => s != words[^1]).ElementAt(random.Next(Suffixes.Length - 1)),
            1 => stem.ToUpperInvariant() + ", " + words[^1] + ".",
            2 => stem.Replace(" ", "  ", StringComparison.Ordinal) + " " + words[^1],
            _ => name,
        };
    }

    private static string Slug(string text) =>
        new string(text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } slug ? slug : "user";
}
