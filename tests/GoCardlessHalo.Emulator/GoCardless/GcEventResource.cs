// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>An event (EV…): one state change of one resource, as listed by GET /events.</summary>
public sealed record GcEvent : IGcResource
{
    public string Id { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string ResourceType { get; init; } = "payments";

    public string Action { get; init; } = "";

    public GcEventDetails Details { get; init; } = new();

    /// <summary>Metadata of the API call that caused the event; <c>{}</c> otherwise.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = GcMetadata.Empty;

    /// <summary>The resource's own metadata at the time of the event.</summary>
    public IReadOnlyDictionary<string, string> ResourceMetadata { get; init; } = GcMetadata.Empty;

    public GcEventLinks Links { get; init; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>details of an event. Only the keys that apply are written, as in the real API.</summary>
public sealed record GcEventDetails
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Origin { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cause { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scheme { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasonCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? WillAttemptRetry { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NotRetriedReason { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>links of an event: the resource it is about and any related ones.</summary>
public sealed record GcEventLinks
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Payment { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mandate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Customer { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerBankAccount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Creditor { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Payout { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParentEvent { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
