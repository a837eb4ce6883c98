// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// The Halo the matrix starts from, built from the GoCardless customers so it exercises every read the variants
/// change: User fields beside a ticket field (FieldInfo), customers named after GoCardless companies whose invoice
/// site is not their lowest-id site (invoice site finding), contacts sharing a customer's email (linking), users
/// already linked, and a Department value on them that no write of the module may lose (replace vs merge).
/// </summary>
public static class VariantHalo
{
    public const string DefaultSite = "Unassigned Customers/Default Site";
    public const int MatchingCompanies = 60;
    public const int Contacts = 20;
    public const int PreLinked = 15;

    public static readonly IReadOnlyList<FieldMapping> ImportMappings = new[] { new FieldMapping("account_ref", "GcAccountRef") };

    public static readonly IReadOnlyList<FieldMapping> PaymentMappings = new[]
    {
        new FieldMapping("payment.last_status", "GcLastPaymentStatus"),
        new FieldMapping("mandate.status", "GcMandateStatus"),
    };

    /// <summary>The POST /__admin/halo/seed body.</summary>
    public static object Seed(IReadOnlyList<Customer> customers, string linkField)
    {
        var fields = new List<object>
        {
            new { id = 1, name = linkField, type = 0, usage = 4 },
            new { id = 2, name = "GcAccountRef", type = 0, usage = 4 },
            new { id = 3, name = "GcLastPaymentStatus", type = 0, usage = 4 },
            new { id = 4, name = "GcMandateStatus", type = 0, usage = 4 },
            new { id = 5, name = "Department", type = 0, usage = 4 },
            new { id = 6, name = "TicketReference", type = 0, usage = 1 },
        };
        var clients = new List<object> { new { id = 1, name = "Unassigned Customers" } };
        var sites = new List<object> { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true } };
        var users = new List<object>();
        var companies = customers.Where(c => !string.IsNullOrWhiteSpace(c.CompanyName))
            .GroupBy(c => c.CompanyName!.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(MatchingCompanies)
            .ToList();
        for (var i = 0; i < companies.Count; i++)
        {
            clients.Add(new { id = 2 + i, name = companies[i].Key });
            sites.Add(new { id = 1000 + i, name = "Branch Office", client_id = 2 + i, isinvoicesite = false });
            sites.Add(new { id = 5000 + i, name = "Head Office", client_id = 2 + i, isinvoicesite = true });
            if (i < Contacts && companies[i].FirstOrDefault(c => c.Email is not null) is { } withEmail)
            {
                users.Add(new { id = 100_000 + i, name = "Accounts contact", emailaddress = withEmail.Email, site_id = 1000 + i, customfields = new[] { new { id = 5, value = "Finance" } } });
            }
        }

        // Customers already linked by an earlier run, each with a value the module does not own.
        foreach (var (customer, i) in customers.Where(c => string.IsNullOrWhiteSpace(c.CompanyName)).Take(PreLinked).Select((c, i) => (c, i)))
        {
            users.Add(new
            {
                id = 200_000 + i,
                name = "Linked " + i,
                emailaddress = customer.Email,
                site_id = 1,
                customfields = new[] { new { id = 1, value = customer.Id }, new { id = 5, value = "Sales" } },
            });
        }

        return new { fields, clients, sites, users };
    }
}
