// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>A payment (PM…). It reaches its customer through <see cref="MandateId"/>.</summary>
    public sealed class Payment
    {
        /// <summary>PM…</summary>
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        /// <summary>When it was created (there is no updated_at; use events for changes).</summary>
        [JsonPropertyName("created_at")]
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>The date the money is (or was) taken, a plain date.</summary>
        [JsonPropertyName("charge_date")]
        public DateTime? ChargeDate { get; init; }

        /// <summary>Amount in minor units (pence, cents).</summary>
        [JsonPropertyName("amount")]
        public long Amount { get; init; }

        /// <summary>Amount refunded so far, in minor units.</summary>
        [JsonPropertyName("amount_refunded")]
        public long AmountRefunded { get; init; }

        /// <summary>ISO 4217 currency: GBP, EUR, USD, SEK, DKK, AUD, NZD, CAD.</summary>
        [JsonPropertyName("currency")]
        public string? Currency { get; init; }

        /// <summary>Human-readable description.</summary>
        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>Bank-statement reference.</summary>
        [JsonPropertyName("reference")]
        public string? Reference { get; init; }

        /// <summary>See <see cref="PaymentStatus"/>; unknown values are kept as sent.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init; } = "";

        /// <summary>Scheme the payment goes through.</summary>
        [JsonPropertyName("scheme")]
        public string? Scheme { get; init; }

        /// <summary>Whether GoCardless's Success+ may retry the payment if it fails (as created); null when not sent.</summary>
        [JsonPropertyName("retry_if_possible")]
        public bool? RetryIfPossible { get; init; }

        /// <summary>Custom fields.</summary>
        [JsonPropertyName("metadata")]
        public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap.Instance;

        /// <summary>links: <c>mandate</c>, <c>creditor</c>, <c>payout</c>, <c>subscription</c>, ….</summary>
        [JsonPropertyName("links")]
        public IReadOnlyDictionary<string, string> Links { get; init; } = EmptyMap.Instance;

        /// <summary>links.mandate.</summary>
        [JsonIgnore]
        public string? MandateId => Links.TryGetValue("mandate", out var id) ? id : null;

        /// <summary>links.payout, once paid out.</summary>
        [JsonIgnore]
        public string? PayoutId => Links.TryGetValue("payout", out var id) ? id : null;

        /// <summary>Amount in major units (12.34 for 1234), for display.</summary>
        [JsonIgnore]
        public decimal AmountDecimal => Amount / 100m;

        /// <inheritdoc />
        public override string ToString() => $"{Id} {Amount} {Currency} {Status}";
    }

    /// <summary>Payment statuses GoCardless documents (others may appear; they are kept as strings).</summary>
    public static class PaymentStatus
    {
        /// <summary>Waiting for the customer to approve it.</summary>
        public const string PendingCustomerApproval = "pending_customer_approval";

        /// <summary>Created, not yet submitted to the banks.</summary>
        public const string PendingSubmission = "pending_submission";

        /// <summary>Submitted to the banks.</summary>
        public const string Submitted = "submitted";

        /// <summary>Confirmed as collected.</summary>
        public const string Confirmed = "confirmed";

        /// <summary>Included in a payout.</summary>
        public const string PaidOut = "paid_out";

        /// <summary>Cancelled.</summary>
        public const string Cancelled = "cancelled";

        /// <summary>The customer denied approval.</summary>
        public const string CustomerApprovalDenied = "customer_approval_denied";

        /// <summary>Failed; can happen after confirmation (late failure) and can be retried.</summary>
        public const string Failed = "failed";

        /// <summary>Charged back by the customer's bank.</summary>
        public const string ChargedBack = "charged_back";

        /// <summary>Every status above (https://developer.gocardless.com/api-reference/#core-endpoints-payments).</summary>
        public static readonly System.Collections.Generic.IReadOnlyList<string> All = new[]
        {
            PendingCustomerApproval, PendingSubmission, Submitted, Confirmed, PaidOut, Cancelled, CustomerApprovalDenied, Failed, ChargedBack,
        };

        /// <summary>Normalises a status a person typed; refuses one GoCardless does not have.</summary>
        /// <exception cref="Errors.GcHaloException">PaymentStatusInvalid, listing the statuses that exist.</exception>
        public static string Parse(string status)
        {
            var value = (status ?? string.Empty).Trim().ToLowerInvariant();
            if (!System.Linq.Enumerable.Contains(All, value))
            {
                throw new Errors.GcHaloException(Errors.ErrorIds.PaymentStatusInvalid, Errors.ErrorKind.InvalidArgument,
                    $"'{status}' is not a GoCardless payment status. Use one of: {string.Join(", ", All)}.", status);
            }

            return value;
        }
    }
}
