// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>A country the generator places customers in, with its Direct Debit scheme and currency.</summary>
public sealed record GcCountry(string Code, string Currency, string Scheme, string Language, string PhonePrefix, string[] Cities, string[] Banks, int Weight);

/// <summary>Word lists for realistic generated customers (all fictional).</summary>
public static class GcSampleData
{
    public static readonly GcCountry[] Countries =
    {
        new("GB", "GBP", "bacs", "en", "+44 20 7", new[] { "London", "Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff" }, new[] { "BARCLAYS BANK PLC", "LLOYDS BANK PLC", "HSBC UK BANK PLC", "NATIONWIDE BUILDING SOCIETY" }, 45),
        new("DE", "EUR", "sepa_core", "de", "+49 30 ", new[] { "Berlin", "Hamburg", "München", "Köln" }, new[] { "DEUTSCHE BANK", "COMMERZBANK", "SPARKASSE BERLIN" }, 9),
        new("FR", "EUR", "sepa_core", "fr", "+33 1 ", new[] { "Paris", "Lyon", "Marseille", "Toulouse" }, new[] { "BNP PARIBAS", "SOCIETE GENERALE", "CREDIT AGRICOLE" }, 8),
        new("NL", "EUR", "sepa_core", "nl", "+31 20 ", new[] { "Amsterdam", "Rotterdam", "Utrecht" }, new[] { "ING BANK N.V.", "RABOBANK", "ABN AMRO" }, 5),
        new("IE", "EUR", "sepa_core", "en", "+353 1 ", new[] { "Dublin", "Cork", "Galway" }, new[] { "BANK OF IRELAND", "AIB" }, 5),
        new("US", "USD", "ach", "en", "+1 212 ", new[] { "New York", "Austin", "Chicago", "Seattle" }, new[] { "CHASE", "WELLS FARGO", "BANK OF AMERICA" }, 10),
        new("SE", "SEK", "autogiro", "sv", "+46 8 ", new[] { "Stockholm", "Göteborg", "Malmö" }, new[] { "SWEDBANK", "NORDEA", "SEB" }, 5),
        new("DK", "DKK", "betalingsservice", "da", "+45 3", new[] { "København", "Aarhus", "Odense" }, new[] { "DANSKE BANK", "JYSKE BANK" }, 3),
        new("AU", "AUD", "becs", "en", "+61 2 ", new[] { "Sydney", "Melbourne", "Brisbane" }, new[] { "COMMONWEALTH BANK", "WESTPAC", "ANZ" }, 5),
        new("CA", "CAD", "pad", "en", "+1 416 ", new[] { "Toronto", "Vancouver", "Montréal" }, new[] { "RBC ROYAL BANK", "TD CANADA TRUST" }, 5),
    };

    public static readonly string[] GivenNames =
    {
        "Frank", "Alice", "Priya", "Tom", "Sophie", "Oliver", "Amelia", "Jack", "Isla", "Mohammed", "Emily", "Liam", "Chloe",
        "Noah", "Hannah", "Lukas", "Léa", "Sven", "Freja", "Mateo", "Aoife", "Grace", "Ethan", "Zara", "Ravi", "Marta",
        "Jonas", "Camille", "Ingrid", "Sean", "Olivia", "Lucas", "Mia", "Daniel", "Anna", "Kenji", "Nora", "Elias",
    };

    public static readonly string[] FamilyNames =
    {
        "Osborne", "Smith", "Patel", "Jones", "Williams", "Brown", "Taylor", "Müller", "Schmidt", "Dubois", "Martin", "de Vries",
        "Jansen", "Murphy", "O'Brien", "Kelly", "Johnson", "Garcia", "Andersson", "Nilsson", "Jensen", "Nielsen", "Wilson",
        "Thompson", "Walker", "Lefèvre", "Bakker", "Byrne", "Miller", "Davis", "Hughes", "Evans", "Khan", "Novak", "Rossi",
    };

    public static readonly string[] CompanyWords =
    {
        "Northwind", "Acme", "Bluebell", "Harbour", "Summit", "Oakfield", "Riverside", "Granite", "Brightwater", "Kestrel",
        "Meridian", "Pinnacle", "Cobalt", "Willow", "Ironbridge", "Silverline", "Foxglove", "Evergreen", "Redwood", "Lighthouse",
        "Beacon", "Atlas", "Orchard", "Sterling", "Highland", "Copperleaf", "Maple", "Quayside", "Falcon", "Juniper",
    };

    public static readonly string[] CompanyTrades =
    {
        "Traders", "Dental Practice", "Accountants", "Logistics", "IT Services", "Veterinary Clinic", "Builders", "Studios",
        "Consulting", "Fitness", "Legal", "Engineering", "Bakery", "Garage", "Property Management", "Solutions", "Nursery",
    };

    public static readonly string[] LegalSuffixes = { "Ltd", "Limited", "LLC", "Inc", "GmbH", "SARL", "B.V.", "AB", "ApS", "Pty Ltd", "" };

    public static readonly string[] Streets = { "Acer Road", "High Street", "Station Road", "Mill Lane", "Church Street", "Park Avenue", "Harbour Way", "King Street" };

    public static readonly string[] ContractTypes = { "Managed Services", "Break/Fix", "Support Block", "Cloud Backup", "Monthly Retainer" };

    public static readonly string[] PaymentDescriptions = { "Monthly subscription", "Managed services", "Invoice", "Support contract", "Licence renewal" };

    /// <summary>Typical amounts in minor units.</summary>
    public static readonly long[] Amounts = { 999, 1500, 2500, 4999, 7500, 12000, 19999, 25000, 48000, 99900, 150000 };
}
