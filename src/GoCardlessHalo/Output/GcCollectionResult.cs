// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo
{
    /// <summary>What New-GcPayment did for one Halo invoice.</summary>
    public sealed class GcCollectionResult
    {
        public int InvoiceId { get; set; }

        public string InvoiceNumber { get; set; } = string.Empty;

        public string ClientName { get; set; } = string.Empty;

        /// <summary>Created, AlreadyCollected, Skipped, Cancelled (-CancelChanged) or Failed.</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>The GoCardless payment (PM…) that collects it, when one exists.</summary>
        public string? PaymentId { get; set; }

        /// <summary>Major units (12.50), when known.</summary>
        public decimal? Amount { get; set; }

        public string? Currency { get; set; }

        public DateTime? ChargeDate { get; set; }

        public string? CustomerId { get; set; }

        public string? MandateId { get; set; }

        /// <summary>For Skipped: the plan's skip reason (see Get-GcCollectionPlan's SkipReason).</summary>
        public string? SkipReason { get; set; }

        /// <summary>Why it was skipped or failed, or what an interrupted run's completion found.</summary>
        public string? Reason { get; set; }
    }
}
