// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>How to choose between several mandates that could pay one invoice. Never a guess.</summary>
    public enum MandateChoice
    {
        /// <summary>Skip the invoice (SeveralMandates) and let the admin decide.</summary>
        Refuse,

        /// <summary>The mandate of the invoice's own user (uid), when that user is linked; otherwise skip.</summary>
        InvoiceUser,

        /// <summary>The mandate of the GoCardless customer a Halo customer field names (<see cref="CollectionOptions.DesignatedCustomers"/>).</summary>
        CustomerField,
    }

    /// <summary>What the planner needs besides the data: the date, limits and rules the admin set.</summary>
    public sealed class CollectionOptions
    {
        /// <summary>Today (UTC date); a charge date is never before it.</summary>
        public DateTime Today { get; set; } = DateTime.UtcNow.Date;

        /// <summary>Invoices above this (major units, in the invoice's currency) are skipped. Null: no limit.</summary>
        public decimal? MaximumAmount { get; set; }

        /// <summary>The most one run may charge per currency (major units). Null: no limit.</summary>
        public decimal? MaximumRunTotal { get; set; }

        /// <summary>Only invoices due on or before this date. Null: all.</summary>
        public DateTime? DueBefore { get; set; }

        /// <summary>The rule for several candidate mandates.</summary>
        public MandateChoice MandateChoice { get; set; } = MandateChoice.Refuse;

        /// <summary>Halo customer id → the GoCardless customer its field names (for <see cref="MandateChoice.CustomerField"/>).</summary>
        public IReadOnlyDictionary<int, string> DesignatedCustomers { get; set; } = new Dictionary<int, string>();

        /// <summary>Invoices on hold.</summary>
        public IReadOnlyCollection<int> HeldInvoices { get; set; } = Array.Empty<int>();

        /// <summary>Customers on hold (all their invoices).</summary>
        public IReadOnlyCollection<int> HeldClients { get; set; } = Array.Empty<int>();

        /// <summary>Charge again invoices whose previous payment did not collect (New-GcPayment -Retry).</summary>
        public bool Retry { get; set; }
    }
}
