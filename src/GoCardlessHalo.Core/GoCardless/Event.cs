// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>
    /// An event (EV…): one change of one resource. Resource type and action are plain strings so that new
    /// values never break reading. With <c>include=payment</c> the payment's current state is attached.
    /// </summary>
    public sealed class Event
    {
        /// <summary>EV…</summary>
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        /// <summary>When the change happened.</summary>
        [JsonPropertyName("created_at")]
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>payments, mandates, payouts, refunds, subscriptions, …</summary>
        [JsonPropertyName("resource_type")]
        public string ResourceType { get; init; } = "";

        /// <summary>created, submitted, confirmed, paid_out, failed, charged_back, cancelled, resubmission_requested, …</summary>
        [JsonPropertyName("action")]
        public string Action { get; init; } = "";

        /// <summary>Who caused it and why.</summary>
        [JsonPropertyName("details")]
        public EventDetails Details { get; init; } = new EventDetails();

        /// <summary>Metadata of the API call that caused the event.</summary>
        [JsonPropertyName("metadata")]
        public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap.Instance;

        /// <summary>The resource's own metadata.</summary>
        [JsonPropertyName("resource_metadata")]
        public IReadOnlyDictionary<string, string> ResourceMetadata { get; init; } = EmptyMap.Instance;

        /// <summary>links: <c>payment</c>, <c>mandate</c>, <c>payout</c>, <c>parent_event</c>, ….</summary>
        [JsonPropertyName("links")]
        public IReadOnlyDictionary<string, string> Links { get; init; } = EmptyMap.Instance;

        /// <summary>links.payment.</summary>
        [JsonIgnore]
        public string? PaymentId => Links.TryGetValue("payment", out var id) ? id : null;

        /// <summary>links.mandate.</summary>
        [JsonIgnore]
        public string? MandateId => Links.TryGetValue("mandate", out var id) ? id : null;

        /// <summary>The payment from the response's <c>linked.payments</c> (its state when listed), if included.</summary>
        [JsonIgnore]
        public Payment? Payment { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => $"{Id} {ResourceType}.{Action} {Details.Cause}";
    }

    /// <summary>details of an event.</summary>
    public sealed class EventDetails
    {
        /// <summary>bank, gocardless, api, customer, payer (kept as sent).</summary>
        [JsonPropertyName("origin")]
        public string? Origin { get; init; }

        /// <summary>What caused it, e.g. payment_confirmed, insufficient_funds.</summary>
        [JsonPropertyName("cause")]
        public string? Cause { get; init; }

        /// <summary>Human-readable text; wording may change.</summary>
        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>Scheme of a bank-originated event.</summary>
        [JsonPropertyName("scheme")]
        public string? Scheme { get; init; }

        /// <summary>The scheme's reason code, e.g. AM04, ARUDD-0.</summary>
        [JsonPropertyName("reason_code")]
        public string? ReasonCode { get; init; }

        /// <summary>Whether GoCardless will retry a failed payment.</summary>
        [JsonPropertyName("will_attempt_retry")]
        public bool? WillAttemptRetry { get; init; }

        /// <summary>Why a failed payment will not be retried.</summary>
        [JsonPropertyName("not_retried_reason")]
        public string? NotRetriedReason { get; init; }
    }
}
