// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Invoices;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>The collection planner: every skip reason of issue 9, the charge date rule, minor units, several mandates, the run total.</summary>
public sealed class CollectionPlannerTests
{
    private static readonly DateTime Today = new(2026, 12, 1);

    [Fact]
    public void A_posted_unpaid_invoice_with_one_matching_mandate_is_charged_what_is_due_in_minor_units()
    {
        var item = PlanOne(Invoice(due: 120.12m), Bacs());

        Assert.True(item.Collectable);
        Assert.Equal(12012, item.Amount);
        Assert.Equal("GBP", item.Currency);
        Assert.Equal("MD1", item.Payer!.MandateId);
        Assert.Equal(1, item.Attempt);
        Assert.Equal("gch-invoice-42-attempt-1", item.IdempotencyKey);
    }

    [Theory]
    [InlineData("2026-12-04", "2026-11-20", "2026-12-04")] // due date passed: the mandate's date
    [InlineData("2026-12-04", "2026-12-15", "2026-12-15")] // due later: the due date
    [InlineData("2026-11-25", null, "2026-12-01")] // a stale next possible date: never before today
    public void The_charge_date_is_never_before_next_possible_and_is_the_due_date_when_later(string next, string? due, string expected)
    {
        var item = PlanOne(Invoice(dueDate: due is null ? null : DateTime.Parse(due)), Bacs(next: DateTime.Parse(next)));

        Assert.Equal(DateTime.Parse(expected), item.ChargeDate);
    }

    [Theory]
    [InlineData("JPY", 1500, 1500)]
    [InlineData("KWD", 1.234, 1234)]
    [InlineData("EUR", 0.10, 10)]
    public void Minor_units_follow_the_currency_exponent(string currency, double major, long minor)
    {
        Assert.Equal(minor, MinorUnits.FromMajor((decimal)major, currency));
    }

    [Fact]
    public void An_amount_with_more_decimals_than_the_currency_is_skipped_not_rounded()
    {
        var item = PlanOne(Invoice(due: 10.005m), Bacs());

        Assert.Equal(CollectionSkipReason.AmountNotExact, item.Skip);
        Assert.Null(item.Amount);
    }

    public static IEnumerable<object[]> InvoiceReasons() => new[]
    {
        new object[] { Invoice(posted: false), CollectionSkipReason.NotPosted, "not posted" },
        new object[] { Invoice(voided: true), CollectionSkipReason.Voided, "void" },
        new object[] { Invoice(due: -12m, total: -12m), CollectionSkipReason.NothingDue, "credit note" },
        new object[] { Invoice(due: 0m), CollectionSkipReason.NothingDue, "paid" },
        new object[] { Invoice(currency: null), CollectionSkipReason.CurrencyUnknown, "currency" },
        new object[] { Invoice(due: 900m), CollectionSkipReason.AboveMaximum, "-MaximumAmount 500" },
        new object[] { Invoice(id: 7), CollectionSkipReason.OnHold, "on hold" },
        new object[] { Invoice(currency: "EUR"), CollectionSkipReason.CurrencyNotCollectable, "bacs collects GBP" },
    };

    [Theory]
    [MemberData(nameof(InvoiceReasons))]
    public void Each_invoice_reason_skips_with_a_message_that_says_why(HaloInvoice invoice, CollectionSkipReason reason, string text)
    {
        var options = new CollectionOptions { Today = Today, MaximumAmount = 500m, HeldInvoices = new[] { 7 } };

        var item = Plan(new[] { invoice }, new[] { Bacs() }, options: options).Items.Single();

        Assert.Equal(reason, item.Skip);
        Assert.Contains(text, item.Reason);
        Assert.False(item.Collectable);
    }

    [Fact]
    public void No_linked_user_with_a_usable_mandate_is_no_mandate()
    {
        var cancelled = Bacs(status: "cancelled");
        var otherClient = Bacs(clientId: 99);

        Assert.Equal(CollectionSkipReason.NoMandate, PlanOne(Invoice(), cancelled).Skip);
        Assert.Equal(CollectionSkipReason.NoMandate, PlanOne(Invoice(), otherClient).Skip);
        Assert.True(PlanOne(Invoice(), Bacs(status: "pending_submission")).Collectable);
    }

    [Fact]
    public void A_mandate_that_belongs_to_another_customer_is_refused()
    {
        var item = PlanOne(Invoice(), Bacs(mandateCustomer: "CU_OTHER"));

        Assert.Equal(CollectionSkipReason.MandateOfAnotherCustomer, item.Skip);
        Assert.Contains("CU_OTHER", item.Reason);
    }

    [Fact]
    public void Several_mandates_are_never_guessed_between_without_a_rule()
    {
        var payers = new[] { Bacs(), Bacs(mandate: "MD2", user: 6, customer: "CU2") };

        var item = Plan(new[] { Invoice(userId: 6) }, payers).Items.Single();

        Assert.Equal(CollectionSkipReason.SeveralMandates, item.Skip);
        Assert.Contains("MD1", item.Reason);
        Assert.Contains("MD2", item.Reason);
    }

    [Fact]
    public void The_invoice_user_rule_picks_the_mandate_of_the_user_the_invoice_is_addressed_to()
    {
        var payers = new[] { Bacs(), Bacs(mandate: "MD2", user: 6, customer: "CU2") };
        var options = new CollectionOptions { Today = Today, MandateChoice = MandateChoice.InvoiceUser };

        var chosen = Plan(new[] { Invoice(userId: 6) }, payers, options: options).Items.Single();
        var nobody = Plan(new[] { Invoice(userId: 8) }, payers, options: options).Items.Single();

        Assert.Equal("MD2", chosen.Payer!.MandateId);
        Assert.Equal(CollectionSkipReason.SeveralMandates, nobody.Skip);
    }

    [Fact]
    public void The_customer_field_rule_picks_the_mandate_of_the_named_gocardless_customer()
    {
        var payers = new[] { Bacs(), Bacs(mandate: "MD2", user: 6, customer: "CU2") };
        var options = new CollectionOptions
        {
            Today = Today, MandateChoice = MandateChoice.CustomerField, DesignatedCustomers = new Dictionary<int, string> { [1] = " cu2 " },
        };

        var item = Plan(new[] { Invoice() }, payers, options: options).Items.Single();

        Assert.Equal("MD2", item.Payer!.MandateId);
    }

    [Fact]
    public void Only_mandates_collecting_the_invoice_currency_are_candidates()
    {
        var payers = new[] { Bacs(), Bacs(mandate: "MD_EUR", scheme: "sepa_core") };

        var item = Plan(new[] { Invoice(currency: "EUR") }, payers).Items.Single();

        Assert.Equal("MD_EUR", item.Payer!.MandateId);
    }

    [Fact]
    public void A_ledger_payment_not_failed_means_already_collected_and_a_changed_invoice_is_reported()
    {
        var priors = new Dictionary<int, PriorCollection>
        {
            [42] = Prior(42, "PM1", "pending_submission"),
            [43] = Prior(43, "PM2", "paid_out"),
            [44] = Prior(44, "PM3", "submitted"),
        };
        var invoices = new[] { Invoice(), Invoice(id: 43, total: 150m, due: 150m), Invoice(id: 44, voided: true) };

        var items = Plan(invoices, new[] { Bacs() }, priors).Items;

        Assert.Equal(CollectionSkipReason.AlreadyCollected, items[0].Skip);
        Assert.Equal("PM1", items[0].ExistingPaymentId);
        Assert.Equal(CollectionSkipReason.ChangedAfterCollection, items[1].Skip);
        Assert.Contains("150", items[1].Reason);
        Assert.Equal(CollectionSkipReason.ChangedAfterCollection, items[2].Skip);
        Assert.Contains("void", items[2].Reason);
    }

    [Theory]
    [InlineData("edited", 100, 100, false, "now totals 100.00 GBP (it totalled 120.00 GBP)")]
    [InlineData("credit line", 90, 90, false, "now totals 90.00 GBP (it totalled 120.00 GBP)")]
    [InlineData("voided", 120, 120, true, "is now void (it totalled 120.00 GBP)")]
    [InlineData("credit allocated", 120, 20, false, "now has 20.00 GBP due: a credit or another payment was recorded against it")]
    public void A_change_after_collection_is_reported_naming_the_payment_what_it_collects_and_the_invoice_now(string what, int total, int due, bool voided, string expected)
    {
        var priors = new Dictionary<int, PriorCollection> { [42] = Prior(42, "PM1", "pending_submission") };

        var item = Plan(new[] { Invoice(total: total, due: due, voided: voided) }, new[] { Bacs() }, priors).Items.Single();

        Assert.Equal(CollectionSkipReason.ChangedAfterCollection, item.Skip);
        Assert.Equal("PM1", item.ExistingPaymentId);
        Assert.StartsWith("Payment PM1 (pending_submission) collects 120.00 GBP, but the invoice " + expected, item.Reason);
        Assert.Contains("-CancelChanged", item.Reason);
        Assert.False(item.Collectable, what);
    }

    [Fact]
    public void Less_due_once_halo_may_hold_the_payment_itself_is_not_a_change()
    {
        // Confirmed or paid out, Sync-GcPayment records the payment against the invoice: its amount due drops to 0 by design.
        var priors = new Dictionary<int, PriorCollection> { [42] = Prior(42, "PM1", "paid_out"), [43] = Prior(43, "PM2", "confirmed") };

        var items = Plan(new[] { Invoice(total: 120m, due: 0m), Invoice(id: 43, total: 120m, due: 0m) }, new[] { Bacs() }, priors).Items;

        Assert.All(items, i => Assert.Equal(CollectionSkipReason.AlreadyCollected, i.Skip));
    }

    [Fact]
    public void A_failed_payment_is_charged_again_only_on_retry_with_the_next_attempt_s_key()
    {
        var priors = new Dictionary<int, PriorCollection> { [42] = Prior(42, "PM1", "failed") };

        var plain = Plan(new[] { Invoice() }, new[] { Bacs() }, priors).Items.Single();
        var retry = Plan(new[] { Invoice() }, new[] { Bacs() }, priors, new CollectionOptions { Today = Today, Retry = true }).Items.Single();

        Assert.Equal(CollectionSkipReason.PreviousAttemptFailed, plain.Skip);
        Assert.True(retry.Collectable);
        Assert.Equal(2, retry.Attempt);
        Assert.Equal("gch-invoice-42-attempt-2", retry.IdempotencyKey);
    }

    [Fact]
    public void A_failed_payment_gocardless_will_retry_is_not_charged_again_even_on_retry()
    {
        var priors = new Dictionary<int, PriorCollection> { [42] = Prior(42, "PM1", "failed", willAttemptRetry: true) };

        var plain = Plan(new[] { Invoice() }, new[] { Bacs() }, priors).Items.Single();
        var retry = Plan(new[] { Invoice() }, new[] { Bacs() }, priors, new CollectionOptions { Today = Today, Retry = true }).Items.Single();

        Assert.Equal(CollectionSkipReason.GoCardlessRetrying, plain.Skip);
        Assert.Equal(CollectionSkipReason.GoCardlessRetrying, retry.Skip);
        Assert.Equal(("PM1", 1), (retry.ExistingPaymentId, retry.Attempt));
        Assert.Contains("PM1", retry.Reason);
        Assert.Contains("GoCardless will retry", retry.Reason);
    }

    [Theory]
    [InlineData("failed", false)]
    [InlineData("charged_back", true)]
    [InlineData("cancelled", true)]
    public void A_payment_gocardless_will_not_retry_is_charged_again_on_retry_naming_the_failed_payment(string status, bool willAttemptRetry)
    {
        // will_attempt_retry belongs to a failure: a chargeback or cancellation after an earlier retried failure is not retried.
        var priors = new Dictionary<int, PriorCollection> { [42] = Prior(42, "PM1", status, willAttemptRetry) };

        var retry = Plan(new[] { Invoice() }, new[] { Bacs() }, priors, new CollectionOptions { Today = Today, Retry = true }).Items.Single();

        Assert.True(retry.Collectable);
        Assert.Equal((2, "PM1"), (retry.Attempt, retry.RetriedPaymentId));
    }

    [Fact]
    public void The_run_total_is_per_currency_and_exceeding_it_is_reported()
    {
        var invoices = new[] { Invoice(id: 1, due: 60m), Invoice(id: 2, due: 50m), Invoice(id: 3, due: 100m, currency: "EUR") };
        var payers = new[] { Bacs(), Bacs(mandate: "MD_EUR", scheme: "sepa_core") };

        var within = Plan(invoices, payers, options: new CollectionOptions { Today = Today, MaximumRunTotal = 110m });
        var over = Plan(invoices, payers, options: new CollectionOptions { Today = Today, MaximumRunTotal = 109.99m });

        Assert.Equal(11000, within.Totals["GBP"]);
        Assert.Equal(10000, within.Totals["EUR"]);
        Assert.Null(within.RunTotalExceeded);
        Assert.Contains("110.00 GBP", over.RunTotalExceeded);
    }

    [Fact]
    public void Due_before_limits_the_scope_and_the_plan_is_in_invoice_order()
    {
        var invoices = new[] { Invoice(id: 9, dueDate: new DateTime(2026, 12, 20)), Invoice(id: 5, dueDate: new DateTime(2026, 12, 2)), Invoice(id: 3, dueDate: new DateTime(2026, 11, 30)) };

        var plan = Plan(invoices, new[] { Bacs() }, options: new CollectionOptions { Today = Today, DueBefore = new DateTime(2026, 12, 2) });

        Assert.Equal(new[] { 3, 5 }, plan.Items.Select(i => i.Invoice.Id));
    }

    private static CollectionPlanItem PlanOne(HaloInvoice invoice, PayerMandate payer) => Plan(new[] { invoice }, new[] { payer }).Items.Single();

    private static CollectionPlan Plan(
        IEnumerable<HaloInvoice> invoices, IReadOnlyList<PayerMandate> payers, IReadOnlyDictionary<int, PriorCollection>? priors = null, CollectionOptions? options = null) =>
        CollectionPlanner.Plan(invoices, payers, priors ?? new Dictionary<int, PriorCollection>(), options ?? new CollectionOptions { Today = Today });

    private static HaloInvoice Invoice(
        int id = 42, decimal due = 120m, decimal? total = null, string? currency = "GBP", bool posted = true, bool voided = false, int userId = 5, DateTime? dueDate = null) => new()
    {
        Id = id, InvoiceNumber = "INV-" + id, ClientId = 1, ClientName = "Acme Ltd", UserId = userId, Posted = posted, Voided = voided,
        InvoiceDate = new DateTime(2026, 11, 1), DueDate = dueDate, Currency = currency, Total = total ?? due, AmountDue = due,
        AmountPaid = (total ?? due) - due,
    };

    private static PayerMandate Bacs(
        string mandate = "MD1", int user = 5, string customer = "CU1", string scheme = "bacs", string status = "active",
        DateTime? next = null, int clientId = 1, string? mandateCustomer = null) => new()
    {
        ClientId = clientId, UserId = user, UserName = "User " + user, CustomerId = customer, MandateId = mandate,
        MandateCustomerId = mandateCustomer ?? customer, Scheme = scheme, Status = status, NextPossibleChargeDate = next ?? new DateTime(2026, 12, 4),
    };

    private static PriorCollection Prior(int invoice, string payment, string status, bool willAttemptRetry = false) => new()
    {
        InvoiceId = invoice, Attempt = 1, PaymentId = payment, Amount = 12000, InvoiceTotal = 12000, Currency = "GBP", PaymentStatus = status,
        WillAttemptRetry = willAttemptRetry,
    };
}
