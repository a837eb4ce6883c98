// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>The Halo every behaviour test starts from: three customers, five sites, four fields, five users.</summary>
public static class HaloBehaviourSeed
{
    public const string LinkField = "GoCardlessCustomerId";
    public const string RegionField = "Region";
    public const string DateField = "ContractStart";
    public const string SiteField = "SiteCode";

    public const int Acme = 1;
    public const int Brightside = 2;
    public const int Closed = 3;

    public const int AcmeHeadOffice = 10;
    public const int AcmeWarehouse = 11;
    public const int BrightsideMain = 20;
    public const int BrightsideOld = 21;
    public const int ClosedHq = 30;

    public const int Alice = 100;
    public const int Bob = 101;
    public const int Carol = 102;
    public const int Dan = 103;
    public const int Eve = 104;

    public static HaloSeed Create()
    {
        var seed = new HaloSeed();
        seed.Clients.Add(new HaloClient { Id = Acme, Name = "Acme Widgets Ltd" });
        seed.Clients.Add(new HaloClient { Id = Brightside, Name = "Brightside Dental" });
        seed.Clients.Add(new HaloClient { Id = Closed, Name = "Closed Corp", Inactive = true });

        seed.Sites.Add(Site(AcmeHeadOffice, "Acme Head Office", Acme, "Acme Widgets Ltd", invoice: true));
        seed.Sites.Add(Site(AcmeWarehouse, "Acme Warehouse", Acme, "Acme Widgets Ltd", invoice: false));
        seed.Sites.Add(Site(BrightsideMain, "Brightside Main", Brightside, "Brightside Dental", invoice: true));
        seed.Sites.Add(Site(BrightsideOld, "Brightside Old", Brightside, "Brightside Dental", invoice: false, inactive: true));
        seed.Sites.Add(Site(ClosedHq, "Closed Corp HQ", Closed, "Closed Corp", invoice: true, inactive: true));

        seed.Fields.Add(new HaloFieldDefinition { Id = 1, Name = LinkField, Label = "GoCardless customer", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage });
        seed.Fields.Add(new HaloFieldDefinition { Id = 2, Name = RegionField, Label = "Region", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage });
        seed.Fields.Add(new HaloFieldDefinition { Id = 3, Name = DateField, Label = "Contract start", Type = 4, Usage = HaloFieldDefinition.UserUsage });
        seed.Fields.Add(new HaloFieldDefinition { Id = 4, Name = SiteField, Label = "Site code", Type = HaloFieldDefinition.TextType, Usage = 3 });

        seed.Users.Add(User(Alice, "Alice Archer", "Alice", "Archer", "alice@acme.example", "0113 496 0000", AcmeHeadOffice, ("CU001", "North")));
        seed.Users.Add(User(Bob, "Bob Baker", "Bob", "Baker", "bob@acme.example", null, AcmeWarehouse, ("CU002", null)));
        seed.Users.Add(User(Carol, "Carol Clark", "Carol", "Clark", "carol@brightside.example", "020 7946 0000", BrightsideMain, (null, "South")));
        var dan = User(Dan, "Dan Dormant", "Dan", "Dormant", "dan@brightside.example", null, BrightsideMain, ("CU003", null));
        dan.Inactive = true;
        seed.Users.Add(dan);
        seed.Users.Add(User(Eve, "Eve Evans", "Eve", "Evans", null, null, BrightsideOld, (null, null)));

        // Filled in as Halo would show them, for targets whose seed takes the API's user shape.
        foreach (var user in seed.Users)
        {
            var site = seed.Sites.Find(s => s.Id == user.SiteId)!;
            (user.SiteName, user.ClientId, user.ClientName) = (site.Name, site.ClientId, site.ClientName);
        }

        return seed;
    }

    private static HaloSite Site(int id, string name, int clientId, string clientName, bool invoice, bool inactive = false) =>
        new() { Id = id, Name = name, ClientId = clientId, ClientName = clientName, IsInvoiceSite = invoice, Inactive = inactive };

    private static HaloUser User(int id, string name, string first, string last, string? email, string? phone, int siteId, (string? Link, string? Region) fields)
    {
        var user = new HaloUser { Id = id, Name = name, FirstName = first, Surname = last, Email = email, Phone = phone, SiteId = siteId };
        if (fields.Link != null)
        {
            user.CustomFields[LinkField] = fields.Link;
        }

        if (fields.Region != null)
        {
            user.CustomFields[RegionField] = fields.Region;
        }

        return user;
    }
}
