// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>A GoCardless customer (CU…). <see cref="Metadata"/> holds the dashboard's custom fields.</summary>
    public sealed class Customer
    {
        /// <summary>CU…</summary>
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        /// <summary>When the customer was created (there is no updated_at).</summary>
        [JsonPropertyName("created_at")]
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>E-mail address.</summary>
        [JsonPropertyName("email")]
        public string? Email { get; init; }

        /// <summary>First name; may be empty for a company.</summary>
        [JsonPropertyName("given_name")]
        public string? GivenName { get; init; }

        /// <summary>Surname; may be empty for a company.</summary>
        [JsonPropertyName("family_name")]
        public string? FamilyName { get; init; }

        /// <summary>Company name; empty for individuals.</summary>
        [JsonPropertyName("company_name")]
        public string? CompanyName { get; init; }

        /// <summary>Address line 1.</summary>
        [JsonPropertyName("address_line1")]
        public string? AddressLine1 { get; init; }

        /// <summary>Address line 2.</summary>
        [JsonPropertyName("address_line2")]
        public string? AddressLine2 { get; init; }

        /// <summary>Address line 3.</summary>
        [JsonPropertyName("address_line3")]
        public string? AddressLine3 { get; init; }

        /// <summary>Town or city.</summary>
        [JsonPropertyName("city")]
        public string? City { get; init; }

        /// <summary>County, department or state.</summary>
        [JsonPropertyName("region")]
        public string? Region { get; init; }

        /// <summary>Postal code.</summary>
        [JsonPropertyName("postal_code")]
        public string? PostalCode { get; init; }

        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        [JsonPropertyName("country_code")]
        public string? CountryCode { get; init; }

        /// <summary>ISO 639-1 language code.</summary>
        [JsonPropertyName("language")]
        public string? Language { get; init; }

        /// <summary>Phone number with country code.</summary>
        [JsonPropertyName("phone_number")]
        public string? PhoneNumber { get; init; }

        /// <summary>Danish CPR number (Betalingsservice only).</summary>
        [JsonPropertyName("danish_identity_number")]
        public string? DanishIdentityNumber { get; init; }

        /// <summary>Swedish personnummer (Autogiro only).</summary>
        [JsonPropertyName("swedish_identity_number")]
        public string? SwedishIdentityNumber { get; init; }

        /// <summary>Up to three custom fields (key ≤ 50 characters, value ≤ 500); keys as the user typed them.</summary>
        [JsonPropertyName("metadata")]
        public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap.Instance;

        /// <summary>"Given Family", or the company name when there is no person's name.</summary>
        [JsonIgnore]
        public string DisplayName
        {
            get
            {
                var person = $"{GivenName} {FamilyName}".Trim();
                return person.Length > 0 ? person : CompanyName ?? Email ?? Id;
            }
        }

        /// <inheritdoc />
        public override string ToString() => $"{Id} {DisplayName}";
    }

    /// <summary>The shared empty string map for resources without metadata or links.</summary>
    internal static class EmptyMap
    {
        public static readonly IReadOnlyDictionary<string, string> Instance = new Dictionary<string, string>();
    }
}
