// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>A customer's bank account (BA…). Only the last two digits of the number are ever shown.</summary>
    public sealed class CustomerBankAccount
    {
        /// <summary>BA…</summary>
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        /// <summary>When it was added.</summary>
        [JsonPropertyName("created_at")]
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Name on the account.</summary>
        [JsonPropertyName("account_holder_name")]
        public string? AccountHolderName { get; init; }

        /// <summary>Last two digits of the account number.</summary>
        [JsonPropertyName("account_number_ending")]
        public string? AccountNumberEnding { get; init; }

        /// <summary>savings or checking (ACH only).</summary>
        [JsonPropertyName("account_type")]
        public string? AccountType { get; init; }

        /// <summary>Bank name.</summary>
        [JsonPropertyName("bank_name")]
        public string? BankName { get; init; }

        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        [JsonPropertyName("country_code")]
        public string? CountryCode { get; init; }

        /// <summary>ISO 4217 currency.</summary>
        [JsonPropertyName("currency")]
        public string? Currency { get; init; }

        /// <summary>False once disabled.</summary>
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; }

        /// <summary>Custom fields.</summary>
        [JsonPropertyName("metadata")]
        public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap.Instance;

        /// <summary>links: <c>customer</c>.</summary>
        [JsonPropertyName("links")]
        public IReadOnlyDictionary<string, string> Links { get; init; } = EmptyMap.Instance;

        /// <summary>links.customer.</summary>
        [JsonIgnore]
        public string? CustomerId => Links.TryGetValue("customer", out var id) ? id : null;

        /// <inheritdoc />
        public override string ToString() => $"{Id} {BankName} ••{AccountNumberEnding}";
    }
}
