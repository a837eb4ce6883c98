// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections;

namespace GoCardlessHalo
{
    /// <summary>
    /// A Halo user as Get-GcUser returns it. HaloUserId binds by property name to Get-GcPayment.
    /// </summary>
    public sealed class GcUser
    {
        public int HaloUserId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? FirstName { get; set; }

        public string? Surname { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public int ClientId { get; set; }

        /// <summary>The Halo customer the user belongs to.</summary>
        public string? Client { get; set; }

        public int SiteId { get; set; }

        public string? Site { get; set; }

        /// <summary>The GoCardless customer id held in the link field; null for users not linked.</summary>
        public string? GoCardlessCustomerId { get; set; }

        public bool Inactive { get; set; }

        /// <summary>The user's custom field values by Halo field name (the link field and mapped fields among them).</summary>
        public Hashtable CustomFields { get; set; } = new Hashtable(StringComparer.OrdinalIgnoreCase);
    }
}
