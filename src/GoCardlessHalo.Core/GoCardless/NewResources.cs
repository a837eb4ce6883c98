// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>The fields of a customer to create (POST /customers). Unset fields are not sent.</summary>
    public sealed class NewCustomer
    {
        /// <summary>E-mail address.</summary>
        [JsonPropertyName("email")]
        public string? Email { get; set; }

        /// <summary>First name (required with <see cref="FamilyName"/> unless <see cref="CompanyName"/> is set).</summary>
        [JsonPropertyName("given_name")]
        public string? GivenName { get; set; }

        /// <summary>Surname.</summary>
        [JsonPropertyName("family_name")]
        public string? FamilyName { get; set; }

        /// <summary>Company name.</summary>
        [JsonPropertyName("company_name")]
        public string? CompanyName { get; set; }

        /// <summary>Address line 1.</summary>
        [JsonPropertyName("address_line1")]
        public string? AddressLine1 { get; set; }

        /// <summary>Town or city.</summary>
        [JsonPropertyName("city")]
        public string? City { get; set; }

        /// <summary>Postal code.</summary>
        [JsonPropertyName("postal_code")]
        public string? PostalCode { get; set; }

        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        [JsonPropertyName("country_code")]
        public string? CountryCode { get; set; }

        /// <summary>Phone number with country code.</summary>
        [JsonPropertyName("phone_number")]
        public string? PhoneNumber { get; set; }

        /// <summary>Up to 3 custom fields (key ≤ 50 characters, value ≤ 500).</summary>
        [JsonPropertyName("metadata")]
        public IDictionary<string, string>? Metadata { get; set; }
    }

    /// <summary>A payment to create (POST /payments) against a mandate.</summary>
    public sealed class NewPayment
    {
        /// <summary>Amount in minor units (pence, cents); must be positive.</summary>
        [JsonPropertyName("amount")]
        public long Amount { get; set; }

        /// <summary>ISO 4217 currency, matching the mandate's scheme.</summary>
        [JsonPropertyName("currency")]
        public string Currency { get; set; } = "GBP";

        /// <summary>Date to charge; GoCardless picks the earliest possible when unset.</summary>
        [JsonPropertyName("charge_date")]
        public DateTime? ChargeDate { get; set; }

        /// <summary>Human-readable description.</summary>
        [JsonPropertyName("description")]
        public string? Description { get; set; }

        /// <summary>Bank-statement reference.</summary>
        [JsonPropertyName("reference")]
        public string? Reference { get; set; }

        /// <summary>Up to 3 custom fields.</summary>
        [JsonPropertyName("metadata")]
        public IDictionary<string, string>? Metadata { get; set; }

        /// <summary>
        /// True asks GoCardless's Success+ to retry the payment itself if it fails
        /// (https://developer.gocardless.com/introduction/success-plus/); null sends nothing (GoCardless's default, no retry).
        /// </summary>
        [JsonPropertyName("retry_if_possible")]
        public bool? RetryIfPossible { get; set; }

        /// <summary>The mandate to collect under (MD…); sent as links.mandate.</summary>
        [JsonIgnore]
        public string MandateId { get; set; } = "";

        [JsonPropertyName("links")]
        [JsonInclude]
        internal IDictionary<string, string> Links => new Dictionary<string, string> { ["mandate"] = MandateId };
    }
}
