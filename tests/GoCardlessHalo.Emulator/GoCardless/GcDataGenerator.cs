// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>Body of POST /__admin/gocardless/generate.</summary>
public sealed class GcGenerateRequest
{
    public int Customers { get; set; } = 25;

    public int Payments { get; set; } = 60;

    public int Seed { get; set; } = 1;

    /// <summary>The moment the data set describes; history never goes past it. Fixed by default so a seed always gives the same data.</summary>
    public DateTimeOffset? AsOf { get; set; }
}

/// <summary>
/// Builds a deterministic, realistic data set: companies and individuals in ten countries (so several
/// currencies and schemes), metadata custom fields on some customers, one bank account and mandate per
/// customer (a few have none yet), and payments whose status is wherever their lifecycle had reached at
/// <see cref="GcGenerateRequest.AsOf"/>, with every event of that history.
/// </summary>
public static class GcDataGenerator
{
    public static readonly DateTimeOffset DefaultAsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (GcSeed Seed, long NextId) Generate(GcGenerateRequest request)
    {
        var rng = new Random(request.Seed);
        var asOf = request.AsOf ?? DefaultAsOf;
        var ids = new GcIds((1L << 50) + ((request.Seed * 2654435761L) & ((1L << 40) - 1)));
        var creditor = new GcCreditor
        {
            Id = ids.Next("CR"),
            CreatedAt = asOf.AddYears(-3),
            Name = "Emulated Creditor Ltd",
            AddressLine1 = "1 Emulator Way",
            City = "London",
            PostalCode = "EC1V 9HX",
            CountryCode = "GB",
        };
        var seed = new GcSeed { Creditors = { creditor }, Events = new List<GcEvent>() };
        var first = asOf.AddDays(-730);
        var step = TimeSpan.FromTicks((asOf.AddDays(-60) - first).Ticks / Math.Max(1, request.Customers));
        var mandates = new List<(GcMandate Mandate, DateTimeOffset From, DateTimeOffset To)>();
        for (var i = 0; i < request.Customers; i++)
        {
            var createdAt = Millis(first + (step * i) + TimeSpan.FromTicks((long)(rng.NextDouble() * step.Ticks)));
            var country = PickCountry(rng);
            var customer = Customer(rng, ids.Next("CU"), createdAt, country, i);
            seed.Customers.Add(customer);
            if (rng.NextDouble() < 0.03)
            {
                continue; // signed up, no bank details yet
            }

            var account = BankAccount(rng, ids.Next("BA"), createdAt.AddMinutes(2), customer, country);
            seed.CustomerBankAccounts.Add(account);
            var (mandate, collectFrom, collectTo) = Mandate(rng, ids, account, creditor.Id, country, asOf, seed.Events);
            seed.Mandates.Add(mandate);
            if (collectTo > collectFrom)
            {
                mandates.Add((mandate, collectFrom, collectTo));
            }
        }

        new GcPaymentGenerator(rng, ids, asOf, creditor.Id).Generate(request.Payments, mandates, seed);
        return (seed, ids.Position);
    }

    public static DateTimeOffset Millis(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static GcCountry PickCountry(Random rng)
    {
        var roll = rng.Next(GcSampleData.Countries.Sum(c => c.Weight));
        foreach (var country in GcSampleData.Countries)
        {
            roll -= country.Weight;
            if (roll < 0)
            {
                return country;
            }
        }

        return GcSampleData.Countries[0];
    }

    private static GcCustomer Customer(Random rng, string id, DateTimeOffset createdAt, GcCountry country, int number)
    {
        var isCompany = rng.NextDouble() < 0.55;
        var withContact = !isCompany || rng.NextDouble() < 0.5;
        var given = Pick(rng, GcSampleData.GivenNames);
        var family = Pick(rng, GcSampleData.FamilyNames);
        var company = isCompany ? $"{Pick(rng, GcSampleData.CompanyWords)} {Pick(rng, GcSampleData.CompanyTrades)} {LegalSuffix(rng, country.Code)}".Trim() : null;
        var emailName = isCompany ? "billing+" + number : $"{Ascii(given)}.{Ascii(family)}{number}";
        var domain = isCompany ? Ascii(company!.Split(' ')[0]) + "-" + Ascii(company.Split(' ')[1]) + ".example" : "example.com";
        return new GcCustomer
        {
            Id = id,
            CreatedAt = createdAt,
            Email = $"{emailName}@{domain}",
            GivenName = withContact ? given : null,
            FamilyName = withContact ? family : null,
            CompanyName = company,
            AddressLine1 = $"{rng.Next(1, 200)} {Pick(rng, GcSampleData.Streets)}",
            AddressLine2 = rng.NextDouble() < 0.2 ? $"Unit {rng.Next(1, 30)}" : null,
            City = Pick(rng, country.Cities),
            Region = country.Code is "US" ? "NY" : country.Code is "AU" ? "NSW" : country.Code is "CA" ? "ON" : null,
            PostalCode = PostalCode(rng, country.Code),
            CountryCode = country.Code,
            Language = country.Language,
            PhoneNumber = country.PhonePrefix + rng.Next(1000000, 9999999),
            Metadata = rng.NextDouble() < 0.4 ? Metadata(rng, number, company ?? family, country) : GcMetadata.Empty,
        };
    }

    private static IReadOnlyDictionary<string, string> Metadata(Random rng, int number, string name, GcCountry country)
    {
        var all = new (string Key, string Value)[]
        {
            ("account_ref", $"ACC-{number:D5}"),
            ("Contract Type", Pick(rng, GcSampleData.ContractTypes)),
            ("halo_client", name),
            ("Site", Pick(rng, country.Cities)),
            ("cost_centre", $"CC-{rng.Next(100, 999)}"),
        };
        var count = rng.Next(1, 4);
        return all.OrderBy(_ => rng.Next()).Take(count).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static GcCustomerBankAccount BankAccount(Random rng, string id, DateTimeOffset createdAt, GcCustomer customer, GcCountry country) => new()
    {
        Id = id,
        CreatedAt = createdAt,
        AccountHolderName = (customer.CompanyName ?? $"{customer.GivenName} {customer.FamilyName}").ToUpperInvariant(),
        AccountNumberEnding = rng.Next(0, 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
        AccountType = country.Code == "US" ? "checking" : null,
        BankName = Pick(rng, country.Banks),
        CountryCode = country.Code,
        Currency = country.Currency,
        Links = new GcCustomerLink { Customer = customer.Id },
    };

    // A mandate and its events; returns the window in which it could collect payments.
    private static (GcMandate, DateTimeOffset, DateTimeOffset) Mandate(
        Random rng, GcIds ids, GcCustomerBankAccount account, string creditor, GcCountry country, DateTimeOffset asOf, List<GcEvent> events)
    {
        var roll = rng.Next(100);
        var status = roll < 86 ? "active" : roll < 92 ? "cancelled" : roll < 94 ? "failed" : roll < 96 ? "pending_submission" : roll < 98 ? "submitted" : "expired";
        var createdAt = status switch
        {
            "pending_submission" => Millis(asOf.AddHours(-rng.Next(2, 40))),
            "submitted" => Millis(asOf.AddHours(-rng.Next(50, 70))),
            _ => account.CreatedAt.AddMinutes(1),
        };
        var mandate = new GcMandate
        {
            Id = ids.Next("MD"),
            CreatedAt = createdAt,
            Reference = "GC-" + GcIds.Format("XX", rng.NextInt64(1L << 35, 1L << 40))[9..],
            Scheme = country.Scheme,
            Status = status,
            NextPossibleChargeDate = status is "active" or "pending_submission" or "submitted" ? DateOnly.FromDateTime(asOf.UtcDateTime.AddDays(rng.Next(3, 6))) : null,
            Links = new GcMandateLinks { Creditor = creditor, Customer = account.Links.Customer, CustomerBankAccount = account.Id },
        };
        var history = new List<(string Action, DateTimeOffset At)> { ("created", createdAt) };
        if (status != "pending_submission")
        {
            history.Add(("submitted", createdAt.AddHours(20)));
        }

        var activeAt = createdAt.AddDays(3);
        if (status is "active" or "cancelled" or "expired")
        {
            history.Add(("active", activeAt));
        }

        var endsAt = status is "cancelled" or "expired"
            ? Millis(activeAt + TimeSpan.FromTicks((long)(rng.NextDouble() * (asOf - activeAt).Ticks)))
            : asOf;
        if (status is "cancelled" or "failed" or "expired")
        {
            history.Add((status, status == "failed" ? createdAt.AddDays(2) : endsAt));
        }

        events.AddRange(history.Where(h => h.At <= asOf).Select(h => GcEventFactory.Mandate(ids.Next("EV"), h.At, mandate, h.Action)));
        return (mandate, activeAt.AddHours(1), status is "active" or "cancelled" or "expired" ? endsAt : activeAt);
    }

    private static string LegalSuffix(Random rng, string country) => country switch
    {
        "GB" => rng.NextDouble() < 0.7 ? "Ltd" : "Limited",
        "IE" => "Limited",
        "US" or "CA" => rng.NextDouble() < 0.5 ? "LLC" : "Inc",
        "DE" => "GmbH",
        "FR" => "SARL",
        "NL" => "B.V.",
        "SE" => "AB",
        "DK" => "ApS",
        "AU" => "Pty Ltd",
        _ => "",
    };

    private static string PostalCode(Random rng, string country) => country switch
    {
        "GB" => $"E{rng.Next(1, 20)} {rng.Next(1, 9)}GX",
        "US" => rng.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "NL" => $"{rng.Next(1000, 9999)} AB",
        "IE" => $"D{rng.Next(1, 24):D2} X{rng.Next(100, 999)}",
        "CA" => $"M5V {rng.Next(1, 9)}A{rng.Next(1, 9)}",
        _ => rng.Next(1000, 99999).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Ascii(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
