// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo
{
    /// <summary>A mandate status change reported by Sync-GcPayment (beside its GcPaymentChange objects).</summary>
    public sealed class GcMandateChange
    {
        public string MandateId { get; set; } = string.Empty;

        public string? CustomerId { get; set; }

        /// <summary>The Halo user linked to the customer; binds by property name to Get-GcPayment and Get-GcMandate.</summary>
        public int? HaloUserId { get; set; }

        /// <summary>The status the ledger had; null for a mandate created since the module started watching.</summary>
        public string? OldStatus { get; set; }

        public string NewStatus { get; set; } = string.Empty;

        /// <summary>True when the mandate can no longer collect (failed, cancelled, expired, blocked, suspended_by_payer).</summary>
        public bool NeedsAttention { get; set; }

        /// <summary>When the sync stored the change (UTC).</summary>
        public DateTime DetectedAt { get; set; }
    }

    /// <summary>A GoCardless mandate with the Halo user of its customer, as Get-GcMandate returns it.</summary>
    public sealed class GcMandate
    {
        public string MandateId { get; set; } = string.Empty;

        public string? CustomerId { get; set; }

        public string Status { get; set; } = string.Empty;

        /// <summary>True when the mandate can no longer collect (failed, cancelled, expired, blocked, suspended_by_payer).</summary>
        public bool NeedsAttention { get; set; }

        /// <summary>The earliest date a new payment could be charged (GoCardless's next_possible_charge_date); null when none can.</summary>
        public DateTime? NextPossibleChargeDate { get; set; }

        public string? Scheme { get; set; }

        public string? Reference { get; set; }

        public DateTime CreatedAt { get; set; }

        public int? HaloUserId { get; set; }

        public string? HaloUser { get; set; }

        /// <summary>The Halo customer of the linked user.</summary>
        public string? Client { get; set; }

        public string? Site { get; set; }
    }
}
