// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo
{
    /// <summary>
    /// A GoCardless customer as Get-GcCustomer returns it. It pipes whole into Import-GcUser and Get-GcImportPlan
    /// (-InputObject); its CustomerId binds by property name to Get-GcUser and Get-GcPayment.
    /// </summary>
    public sealed class GcCustomer
    {
        internal GcCustomer(Customer customer, Uri dashboardUrl)
        {
            Source = customer;
            CustomerId = customer.Id;
            Name = customer.DisplayName;
            GivenName = customer.GivenName;
            FamilyName = customer.FamilyName;
            CompanyName = customer.CompanyName;
            Email = customer.Email;
            Phone = customer.PhoneNumber;
            City = customer.City;
            CountryCode = customer.CountryCode;
            CreatedAt = customer.CreatedAt;
            Metadata = new Hashtable(StringComparer.Ordinal);
            foreach (var pair in customer.Metadata)
            {
                Metadata[pair.Key] = pair.Value;
            }

            DashboardUrl = dashboardUrl.AbsoluteUri;
        }

        /// <summary>The GoCardless customer id (CU…).</summary>
        public string CustomerId { get; }

        /// <summary>Given and family name, or the company name for a company-only customer.</summary>
        public string Name { get; }

        public string? GivenName { get; }

        public string? FamilyName { get; }

        public string? CompanyName { get; }

        public string? Email { get; }

        public string? Phone { get; }

        public string? City { get; }

        public string? CountryCode { get; }

        public DateTimeOffset CreatedAt { get; }

        /// <summary>The customer's custom fields (GoCardless metadata): up to three key/value pairs.</summary>
        public Hashtable Metadata { get; }

        /// <summary>The customer's page in the GoCardless dashboard.</summary>
        public string DashboardUrl { get; }

        /// <summary>The engine's customer, kept so Import-GcUser needs no second request.</summary>
        internal Customer Source { get; }
    }
}
