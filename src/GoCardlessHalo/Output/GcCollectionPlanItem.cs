// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo
{
    /// <summary>What Get-GcCollectionPlan says about one Halo invoice: what would be charged, or why not.</summary>
    public sealed class GcCollectionPlanItem
    {
        /// <summary>The Halo invoice id (pipes into New-GcPayment).</summary>
        public int InvoiceId { get; set; }

        public string InvoiceNumber { get; set; } = string.Empty;

        /// <summary>The Halo customer billed.</summary>
        public int ClientId { get; set; }

        public string ClientName { get; set; } = string.Empty;

        /// <summary>True when New-GcPayment would charge it (pipes into New-GcPayment, which charges nothing the plan skipped).</summary>
        public bool Collectable { get; set; }

        /// <summary>What is due, major units (12.50), when the currency is known (pipes into New-GcPayment, which charges only this amount).</summary>
        public decimal? Amount { get; set; }

        /// <summary>ISO 4217.</summary>
        public string? Currency { get; set; }

        /// <summary>When GoCardless would collect: the mandate's next possible charge date, or the due date when later.</summary>
        public DateTime? ChargeDate { get; set; }

        /// <summary>The linked Halo user whose mandate pays it.</summary>
        public int? HaloUserId { get; set; }

        public string? HaloUserName { get; set; }

        /// <summary>The GoCardless customer (CU…) and mandate (MD…) that pay it.</summary>
        public string? CustomerId { get; set; }

        public string? MandateId { get; set; }

        /// <summary>The mandate's scheme (bacs, sepa_core, …).</summary>
        public string? Scheme { get; set; }

        /// <summary>None when collectable; else NotPosted, Voided, NothingDue, CurrencyUnknown, AmountNotExact, NoMandate,
        /// CurrencyNotCollectable, SeveralMandates, MandateOfAnotherCustomer, AlreadyCollected, PreviousAttemptFailed,
        /// GoCardlessRetrying, ChangedAfterCollection, OnHold, AboveMaximum or DiffersFromPlan.</summary>
        public string SkipReason { get; set; } = "None";

        /// <summary>Why it will not be charged, in words.</summary>
        public string? Reason { get; set; }

        /// <summary>The payment that already collects it (AlreadyCollected, PreviousAttemptFailed, GoCardlessRetrying,
        /// ChangedAfterCollection).</summary>
        public string? ExistingPaymentId { get; set; }

        /// <summary>1, or the retry number it would be.</summary>
        public int Attempt { get; set; }
    }
}
