// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>What every stored resource has: an id (the cursor) and a creation time (the list order).</summary>
public interface IGcResource
{
    string Id { get; }

    DateTimeOffset CreatedAt { get; }
}

/// <summary>Shared empty metadata, so a hundred thousand generated resources do not each carry a dictionary.</summary>
public static class GcMetadata
{
    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

/// <summary>A creditor (CR…): the merchant account a token belongs to.</summary>
public sealed record GcCreditor : IGcResource
{
    public string Id { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string? Name { get; init; }

    [JsonPropertyName("address_line1")]
    public string? AddressLine1 { get; init; }

    [JsonPropertyName("address_line2")]
    public string? AddressLine2 { get; init; }

    [JsonPropertyName("address_line3")]
    public string? AddressLine3 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? CountryCode { get; init; }

    public string? VerificationStatus { get; init; } = "successful";

    /// <summary>Any other field given in a seed body is kept and echoed back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A customer (CU…). <c>metadata</c> is what the dashboard calls custom fields.</summary>
public sealed record GcCustomer : IGcResource
{
    public string Id { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string? Email { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? CompanyName { get; init; }

    [JsonPropertyName("address_line1")]
    public string? AddressLine1 { get; init; }

    [JsonPropertyName("address_line2")]
    public string? AddressLine2 { get; init; }

    [JsonPropertyName("address_line3")]
    public string? AddressLine3 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? CountryCode { get; init; }

    public string? Language { get; init; }

    public string? PhoneNumber { get; init; }

    public string? DanishIdentityNumber { get; init; }

    public string? SwedishIdentityNumber { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = GcMetadata.Empty;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A customer bank account (BA…), linked to its customer.</summary>
public sealed record GcCustomerBankAccount : IGcResource
{
    public string Id { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string? AccountHolderName { get; init; }

    public string? AccountNumberEnding { get; init; }

    public string? AccountType { get; init; }

    public string? BankName { get; init; }

    public string? CountryCode { get; init; }

    public string? Currency { get; init; }

    public bool Enabled { get; init; } = true;

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = GcMetadata.Empty;

    public GcCustomerLink Links { get; init; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>links of a customer bank account.</summary>
public sealed record GcCustomerLink
{
    public string? Customer { get; init; }
}
