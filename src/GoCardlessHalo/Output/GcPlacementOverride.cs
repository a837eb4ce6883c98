// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>
    /// One placement override as shown by Get-GcPlacementOverride. Its property names match Set-GcPlacementOverride's and
    /// Remove-GcPlacementOverride's parameters, so overrides pipe from one to the other (and between configurations).
    /// </summary>
    public sealed class GcPlacementOverride
    {
        public GcPlacementOverride(string? customerId, string? companyName, string? haloCustomer, string? haloSite)
        {
            CustomerId = customerId;
            CompanyName = companyName;
            HaloCustomer = haloCustomer;
            HaloSite = haloSite;
        }

        /// <summary>The GoCardless customer id the override places, or null when it applies to a company name.</summary>
        public string? CustomerId { get; }

        /// <summary>The GoCardless company name the override places (ignoring case), or null when it applies to one customer id.</summary>
        public string? CompanyName { get; }

        /// <summary>The Halo customer (id or name) whose invoice site receives the users, or null when a site is named.</summary>
        public string? HaloCustomer { get; }

        /// <summary>The Halo site (id, name or 'Customer/Site') that receives the users, or null when a customer is named.</summary>
        public string? HaloSite { get; }
    }
}
