// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>A creditor (CR…): the merchant account an access token belongs to.</summary>
    public sealed class Creditor
    {
        /// <summary>CR…</summary>
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        /// <summary>When the account was created.</summary>
        [JsonPropertyName("created_at")]
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Trading name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; init; }

        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        [JsonPropertyName("country_code")]
        public string? CountryCode { get; init; }

        /// <summary>successful, in_review, action_required (kept as sent).</summary>
        [JsonPropertyName("verification_status")]
        public string? VerificationStatus { get; init; }

        /// <inheritdoc />
        public override string ToString() => $"{Id} {Name}";
    }
}
