// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using static GoCardlessHalo.Emulator.GoCardless.PaymentStatuses;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>One legal move of a payment and the event GoCardless writes for it.</summary>
public sealed record PaymentTransition(string From, string To, string Action, string Origin, string Cause, string Description)
{
    /// <summary>Bank-originated events carry the scheme and a scheme reason code.</summary>
    public bool FromBank => Origin == "bank";

    /// <summary>A failure after the money was collected is a late failure; after a payout it is settled against the next payout.</summary>
    public string? SettlementAction => (From, To) switch
    {
        (PaidOut, Failed) => "late_failure_settled",
        (PaidOut, ChargedBack) => "chargeback_settled",
        _ => null,
    };
}

/// <summary>
/// The payment lifecycle: pending_submission → submitted → confirmed → paid_out, with failure, cancellation,
/// chargeback, late failure (after confirmation) and resubmission of a failed payment. Actions and causes
/// follow GoCardless's payment event types.
/// </summary>
public static class PaymentStateMachine
{
    private static readonly PaymentTransition[] Transitions =
    {
        new(PendingCustomerApproval, PendingSubmission, "customer_approval_granted", "customer", "customer_approval_granted", "The customer granted approval for this payment."),
        new(PendingCustomerApproval, CustomerApprovalDenied, "customer_approval_denied", "customer", "customer_approval_denied", "The customer denied approval for this payment."),
        new(PendingCustomerApproval, Cancelled, "cancelled", "api", "payment_cancelled", "Payment cancelled."),
        new(PendingSubmission, Submitted, "submitted", "gocardless", "payment_submitted", "Payment submitted to the banks. As a result, it can no longer be cancelled."),
        new(PendingSubmission, Cancelled, "cancelled", "api", "payment_cancelled", "Payment cancelled."),
        new(Submitted, Confirmed, "confirmed", "gocardless", "payment_confirmed", "Enough time has passed since the payment was submitted for the banks to return an error, so this payment is now confirmed."),
        new(Submitted, Failed, "failed", "bank", "insufficient_funds", "The customer's account had insufficient funds to make this payment."),
        new(Confirmed, PaidOut, "paid_out", "gocardless", "payment_paid_out", "The payment has been paid out by GoCardless."),
        new(Confirmed, Failed, "failed", "bank", "insufficient_funds", "The customer's bank reported a late failure: the account had insufficient funds to make this payment."),
        new(Confirmed, ChargedBack, "charged_back", "bank", "authorisation_disputed", "The customer has disputed having authorised you to set up a Direct Debit Mandate with them."),
        new(PaidOut, Failed, "failed", "bank", "insufficient_funds", "The customer's bank reported a late failure: the account had insufficient funds to make this payment."),
        new(PaidOut, ChargedBack, "charged_back", "bank", "authorisation_disputed", "The customer has disputed having authorised you to set up a Direct Debit Mandate with them."),
        new(Failed, PendingSubmission, "resubmission_requested", "api", "payment_retried", "An attempt to retry this payment was requested."),
        new(ChargedBack, PaidOut, "chargeback_cancelled", "bank", "chargeback_cancelled", "The customer's bank has cancelled the chargeback request for this payment."),
    };

    /// <summary>
    /// GoCardless's own resubmission of a failed payment it said it would retry (Success+: "After any payment:failed event
    /// with will_attempt_retry:true, we will send a payment:resubmission_requested event",
    /// https://developer.gocardless.com/introduction/success-plus/). Origin and cause are inferred: the public page gives neither.
    /// </summary>
    public static readonly PaymentTransition AutoRetry = new(Failed, PendingSubmission, "resubmission_requested", "gocardless", "payment_autoretried", "The payment was retried automatically by Success+ (intelligent retries).");

    public static IReadOnlyList<string> AllStatuses { get; } = new[]
    {
        PendingCustomerApproval, PendingSubmission, Submitted, Confirmed, PaidOut, Cancelled, CustomerApprovalDenied, Failed, ChargedBack,
    };

    public static PaymentTransition? Find(string from, string to) =>
        Array.Find(Transitions, t => t.From == from && t.To == to);

    /// <summary>Statuses a payment in <paramref name="from"/> may move to, for error messages.</summary>
    public static IReadOnlyList<string> NextStatuses(string from) =>
        Transitions.Where(t => t.From == from).Select(t => t.To).ToArray();

    /// <summary>The scheme's failure reason code for a bank-originated event (Bacs ARUDD/ADDACS, SEPA R-codes).</summary>
    public static string? ReasonCode(string? scheme, string action) => (scheme, action) switch
    {
        ("bacs", "failed") => "ARUDD-0",
        ("bacs", "charged_back") => "DDICA-1",
        ("sepa_core", "failed") => "AM04",
        ("sepa_core", "charged_back") => "MD06",
        _ => null,
    };
}
