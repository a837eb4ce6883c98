// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>A mandate (MD…): the authority to collect from one bank account of one customer.</summary>
public sealed record GcMandate : IGcResource
{
    public string Id { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string? Reference { get; init; }

    public string? Scheme { get; init; }

    public string Status { get; init; } = "active";

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = GcMetadata.Empty;

    public DateOnly? NextPossibleChargeDate { get; init; }

    public bool PaymentsRequireApproval { get; init; }

    public string? FundsSettlement { get; init; } = "managed";

    public GcMandateLinks Links { get; init; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>links of a mandate; a payment reaches its customer through these.</summary>
public sealed record GcMandateLinks
{
    public string? Creditor { get; init; }

    public string? Customer { get; init; }

    public string? CustomerBankAccount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NewMandate { get; init; }
}

/// <summary>A payment (PM…). It has no customer link of its own, only links.mandate.</summary>
public sealed record GcPayment : IGcResource
{
    public string Id { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateOnly? ChargeDate { get; init; }

    public long Amount { get; init; }

    public long AmountRefunded { get; init; }

    public string? Currency { get; init; }

    public string? Description { get; init; }

    public string? Reference { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = GcMetadata.Empty;

    public string Status { get; init; } = PaymentStatuses.PendingSubmission;

    public string? Scheme { get; init; }

    public bool RetryIfPossible { get; init; }

    public GcFx Fx { get; init; } = GcFx.None;

    public GcPaymentLinks Links { get; init; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>links of a payment. payout appears once the payment is paid out.</summary>
public sealed record GcPaymentLinks
{
    public string? Mandate { get; init; }

    public string? Creditor { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Payout { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subscription { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InstalmentSchedule { get; init; }
}

/// <summary>fx of a payment; all null unless the payment was collected in another currency.</summary>
public sealed record GcFx
{
    public static readonly GcFx None = new();

    public string? FxCurrency { get; init; }

    public long? FxAmount { get; init; }

    public string? ExchangeRate { get; init; }

    public string? EstimatedExchangeRate { get; init; }
}

/// <summary>The payment statuses GoCardless documents.</summary>
public static class PaymentStatuses
{
    public const string PendingCustomerApproval = "pending_customer_approval";
    public const string PendingSubmission = "pending_submission";
    public const string Submitted = "submitted";
    public const string Confirmed = "confirmed";
    public const string PaidOut = "paid_out";
    public const string Cancelled = "cancelled";
    public const string CustomerApprovalDenied = "customer_approval_denied";
    public const string Failed = "failed";
    public const string ChargedBack = "charged_back";
}
