// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// A mandate that might pay a customer's invoices: a Halo user of that customer linked to a GoCardless customer,
    /// and one of that customer's mandates as GoCardless shows it now.
    /// </summary>
    public sealed class PayerMandate
    {
        /// <summary>The Halo customer the linked user belongs to.</summary>
        public int ClientId { get; set; }

        /// <summary>The linked Halo user.</summary>
        public int UserId { get; set; }

        /// <summary>That user's name.</summary>
        public string UserName { get; set; } = string.Empty;

        /// <summary>The GoCardless customer the user is linked to (CU…).</summary>
        public string CustomerId { get; set; } = string.Empty;

        /// <summary>The mandate (MD…).</summary>
        public string MandateId { get; set; } = string.Empty;

        /// <summary>The customer the mandate itself links to (links.customer); normally <see cref="CustomerId"/>.</summary>
        public string? MandateCustomerId { get; set; }

        /// <summary>bacs, sepa_core, …</summary>
        public string? Scheme { get; set; }

        /// <summary>The mandate's status.</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>The earliest date GoCardless would charge under it.</summary>
        public DateTime? NextPossibleChargeDate { get; set; }
    }
}
