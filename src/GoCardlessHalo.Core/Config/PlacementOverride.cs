// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// An admin's decision about where a GoCardless customer goes in Halo, which the name matching cannot make: pins one
    /// customer (by its GoCardless id) or every customer with a company name to a Halo customer (its invoice site) or to a
    /// site. Kept in the settings file; a user already linked stays where it lives (overrides place new users and decide
    /// which customer's contacts are searched by email).
    /// </summary>
    public sealed class PlacementOverride
    {
        private PlacementOverride(string? customerId, string? companyName, string? haloCustomer, string? haloSite)
        {
            CustomerId = customerId;
            CompanyName = companyName;
            HaloCustomer = haloCustomer;
            HaloSite = haloSite;
        }

        /// <summary>The GoCardless customer id (CU…) this override places; null when it is keyed by company name.</summary>
        public string? CustomerId { get; }

        /// <summary>The GoCardless company name (compared trimmed and ignoring case); null when keyed by customer id.</summary>
        public string? CompanyName { get; }

        /// <summary>The Halo customer (id or exact name) whose invoice site receives the user; null when a site is given.</summary>
        public string? HaloCustomer { get; }

        /// <summary>The Halo site (id, name or "Customer/Site") that receives the user; null when a customer is given.</summary>
        public string? HaloSite { get; }

        /// <summary>What the override applies to, for messages and -WhatIf: "GoCardless customer CU…" or "company '…'".</summary>
        public string Subject => CustomerId is not null ? $"GoCardless customer {CustomerId}" : $"company '{CompanyName}'";

        /// <summary>Where the override sends the user, for messages: "Halo customer '…'" or "Halo site '…'".</summary>
        public string Destination => HaloCustomer is not null ? $"Halo customer '{HaloCustomer}'" : $"Halo site '{HaloSite}'";

        /// <summary>True when both overrides apply to the same customer id or the same company name.</summary>
        public bool SameSubject(PlacementOverride other) =>
            CustomerId is not null
                ? string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
                : other.CompanyName is not null && string.Equals(CompanyName, other.CompanyName, StringComparison.OrdinalIgnoreCase);

        /// <summary>Checks the override locally: exactly one of customer id / company name, exactly one of Halo customer / site.</summary>
        /// <exception cref="GcHaloException">ErrorId PlacementOverrideInvalid.</exception>
        public static PlacementOverride Create(string? customerId, string? companyName, string? haloCustomer, string? haloSite)
        {
            var id = Clean(customerId);
            var company = Clean(companyName);
            var client = Clean(haloCustomer);
            var site = Clean(haloSite);
            if ((id is null) == (company is null))
            {
                throw Invalid("An override applies to one GoCardless customer id (CustomerId, e.g. CU000123ABC) or to one company name (CompanyName): give exactly one of them.");
            }

            if (id is not null && !id.StartsWith("CU", StringComparison.Ordinal))
            {
                throw Invalid($"'{id}' is not a GoCardless customer id: they start with CU (Get-GcCustomer lists them).");
            }

            if ((client is null) == (site is null))
            {
                throw Invalid("An override sends the user to one Halo customer (HaloCustomer: its id or name; the user goes to its invoice site) or to one Halo site (HaloSite: its id, name or 'Customer/Site'): give exactly one of them.");
            }

            return new PlacementOverride(id, company, client, site);
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static GcHaloException Invalid(string message) =>
            new GcHaloException(ErrorIds.PlacementOverrideInvalid, ErrorKind.InvalidArgument, message, null);
    }

}
