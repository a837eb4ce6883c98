// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>A mandate (MD…): authority to collect from one customer's bank account. Payments link here, not to customers.</summary>
    public sealed class Mandate
    {
        /// <summary>MD…</summary>
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        /// <summary>When it was created.</summary>
        [JsonPropertyName("created_at")]
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Reference shown on the customer's bank statement.</summary>
        [JsonPropertyName("reference")]
        public string? Reference { get; init; }

        /// <summary>bacs, sepa_core, ach, autogiro, becs, … (kept as sent).</summary>
        [JsonPropertyName("scheme")]
        public string? Scheme { get; init; }

        /// <summary>See <see cref="MandateStatus"/>; unknown values are kept as sent.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init; } = "";

        /// <summary>Custom fields.</summary>
        [JsonPropertyName("metadata")]
        public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap.Instance;

        /// <summary>Earliest date a new payment could be charged.</summary>
        [JsonPropertyName("next_possible_charge_date")]
        public DateTime? NextPossibleChargeDate { get; init; }

        /// <summary>True when each payment needs the customer's approval.</summary>
        [JsonPropertyName("payments_require_approval")]
        public bool PaymentsRequireApproval { get; init; }

        /// <summary>links: <c>creditor</c>, <c>customer</c>, <c>customer_bank_account</c>, <c>new_mandate</c>.</summary>
        [JsonPropertyName("links")]
        public IReadOnlyDictionary<string, string> Links { get; init; } = EmptyMap.Instance;

        /// <summary>links.customer.</summary>
        [JsonIgnore]
        public string? CustomerId => Links.TryGetValue("customer", out var id) ? id : null;

        /// <summary>links.customer_bank_account (older mandates link only this, not the customer).</summary>
        [JsonIgnore]
        public string? CustomerBankAccountId => Links.TryGetValue("customer_bank_account", out var id) ? id : null;

        /// <inheritdoc />
        public override string ToString() => $"{Id} {Scheme} {Status}";
    }

    /// <summary>Mandate statuses GoCardless documents (others may appear; they are kept as strings).</summary>
    public static class MandateStatus
    {
        /// <summary>Waiting for the customer's approval.</summary>
        public const string PendingCustomerApproval = "pending_customer_approval";

        /// <summary>Not yet submitted to the banks.</summary>
        public const string PendingSubmission = "pending_submission";

        /// <summary>Submitted to the banks.</summary>
        public const string Submitted = "submitted";

        /// <summary>Ready to collect payments.</summary>
        public const string Active = "active";

        /// <summary>Suspended by the payer.</summary>
        public const string SuspendedByPayer = "suspended_by_payer";

        /// <summary>Could not be set up.</summary>
        public const string Failed = "failed";

        /// <summary>Cancelled.</summary>
        public const string Cancelled = "cancelled";

        /// <summary>Expired through dormancy.</summary>
        public const string Expired = "expired";

        /// <summary>Used up (single-use schemes).</summary>
        public const string Consumed = "consumed";

        /// <summary>Blocked.</summary>
        public const string Blocked = "blocked";
    }
}
