// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>Builds the events GoCardless writes for payment and mandate changes; used by the store and the generator.</summary>
public static class GcEventFactory
{
    public static GcEvent PaymentCreated(string id, DateTimeOffset at, GcPayment payment) => new()
    {
        Id = id,
        CreatedAt = at,
        ResourceType = "payments",
        Action = "created",
        Details = new GcEventDetails { Origin = "api", Cause = "payment_created", Description = "Payment created via the API." },
        ResourceMetadata = payment.Metadata,
        Links = new GcEventLinks { Payment = payment.Id },
    };

    /// <summary>
    /// The event for a move; <paramref name="cause"/> overrides the default failure cause, <paramref name="willAttemptRetry"/>
    /// is a failure's details.will_attempt_retry (Success+: GoCardless will retry the payment itself).
    /// </summary>
    public static GcEvent PaymentTransition(string id, DateTimeOffset at, GcPayment payment, PaymentTransition move, string? cause = null, bool willAttemptRetry = false) => new()
    {
        Id = id,
        CreatedAt = at,
        ResourceType = "payments",
        Action = move.Action,
        Details = new GcEventDetails
        {
            Origin = move.Origin,
            Cause = cause ?? move.Cause,
            Description = cause is null || cause == move.Cause ? move.Description : $"The payment failed: {cause.Replace('_', ' ')}.",
            Scheme = move.FromBank ? payment.Scheme : null,
            ReasonCode = move.FromBank ? PaymentStateMachine.ReasonCode(payment.Scheme, move.Action) : null,
            WillAttemptRetry = move.Action == "failed" ? willAttemptRetry : null,
        },
        ResourceMetadata = payment.Metadata,
        Links = new GcEventLinks { Payment = payment.Id, Payout = move.To == PaymentStatuses.PaidOut ? payment.Links.Payout : null },
    };

    /// <summary>late_failure_settled or chargeback_settled, written after a paid-out payment fails or is charged back.</summary>
    public static GcEvent PaymentSettlement(string id, DateTimeOffset at, GcPayment payment, string action, string parentEvent) => new()
    {
        Id = id,
        CreatedAt = at,
        ResourceType = "payments",
        Action = action,
        Details = new GcEventDetails
        {
            Origin = "gocardless",
            Cause = action,
            Description = action == "late_failure_settled"
                ? "This late failure has been settled against a payout."
                : "This chargeback has been settled against a payout.",
        },
        ResourceMetadata = payment.Metadata,
        Links = new GcEventLinks { Payment = payment.Id, ParentEvent = parentEvent },
    };

    /// <summary>A mandate event: created, submitted, active, cancelled or failed.</summary>
    public static GcEvent Mandate(string id, DateTimeOffset at, GcMandate mandate, string action)
    {
        var (origin, cause, description) = action switch
        {
            "created" => ("api", "mandate_created", "Mandate created via the API."),
            "submitted" => ("gocardless", "mandate_submitted", "The mandate has been submitted to the banks."),
            "active" => ("gocardless", "mandate_activated", "The mandate has been successfully set up by the customer's bank."),
            "cancelled" => ("bank", "bank_account_closed", "The customer's bank account was closed."),
            "failed" => ("bank", "invalid_bank_details", "The specified bank account does not exist or was closed."),
            "expired" => ("gocardless", "mandate_expired", "The mandate expired: no payments were collected against it for the dormancy period."),
            _ => ("gocardless", action, "Mandate " + action.Replace('_', ' ') + "."),
        };
        return new GcEvent
        {
            Id = id,
            CreatedAt = at,
            ResourceType = "mandates",
            Action = action,
            Details = new GcEventDetails { Origin = origin, Cause = cause, Description = description, Scheme = origin == "bank" ? mandate.Scheme : null },
            ResourceMetadata = mandate.Metadata,
            Links = new GcEventLinks { Mandate = mandate.Id },
        };
    }
}
