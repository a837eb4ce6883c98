// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.GoCardless.Internal;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// GoCardless's own retries (Success+, https://developer.gocardless.com/introduction/success-plus/) meeting -Retry (issue 9):
/// a payment whose failure says will_attempt_retry keeps its invoice from being charged again until GoCardless's retry
/// collects (the invoice is then marked paid once) or fails for good (then -Retry charges it, as for any failure).
/// </summary>
public sealed class CollectionRetryTests : CollectionWorldTests
{
    public CollectionRetryTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_setting_decides_whether_payments_ask_gocardless_to_retry(bool retryIfPossible)
    {
        var payment = await World.CollectInvoiceOneAsync(retryIfPossible);

        using var client = Emulator.Client();
        Assert.Equal(retryIfPossible, (await client.GetPaymentAsync(payment)).RetryIfPossible == true);
        // Off sends nothing at all: GoCardless's default, and what a creditor without Success+ has always sent.
        var body = JsonSerializer.Serialize(new NewPayment { Amount = 1, MandateId = "MD1", RetryIfPossible = retryIfPossible ? true : null }, GcJson.Write);
        Assert.Equal(retryIfPossible, body.Contains("\"retry_if_possible\":true"));
        Assert.Equal(retryIfPossible, body.Contains("retry_if_possible"));
    }

    [Fact]
    public async Task While_gocardless_will_retry_the_invoice_is_unpaid_and_not_charged_again_even_with_retry()
    {
        var payment = await World.CollectInvoiceOneAsync(retryIfPossible: true);
        await World.MoveAsync(payment, "submitted");
        await World.SyncAsync();
        await World.FailAsync(payment, willAttemptRetry: true);

        var settled = Assert.Single(await World.SyncAsync());
        var plan = await World.PlanAsync(retry: true);
        var results = await World.CollectAsync(plan);

        Assert.Equal(SettlementAction.Unpaid, settled.Action);
        Assert.Contains("GoCardless will retry", settled.Reason);
        Assert.Equal(120.00m, (await World.InvoiceAsync(1)).AmountDue);
        var item = plan.Items.Single(i => i.Invoice.Id == 1);
        Assert.Equal((CollectionSkipReason.GoCardlessRetrying, payment), (item.Skip, item.ExistingPaymentId));
        var result = results.Single(r => r.InvoiceId == 1);
        Assert.Equal((CollectionAction.Skipped, CollectionSkipReason.GoCardlessRetrying), (result.Action, result.Skip));
        Assert.Equal(1, await PaymentCountAsync());
    }

    [Fact]
    public async Task When_gocardless_s_retry_collects_the_invoice_is_marked_paid_once()
    {
        var payment = await FailedAndSyncedAsync(willAttemptRetry: true);
        await World.MoveAsync(payment, "pending_submission", "submitted", "confirmed");
        var resubmitted = await World.SyncAsync();
        await World.MoveAsync(payment, "paid_out");

        var paid = await World.SyncAsync();
        var again = await World.SyncAsync();
        var rerun = await World.CollectAsync(await World.PlanAsync(retry: true));

        Assert.Empty(resubmitted);
        var result = Assert.Single(paid);
        Assert.Equal((SettlementAction.MarkedPaid, payment), (result.Action, result.Collection.PaymentId));
        Assert.Empty(again);
        Assert.Equal(payment, Assert.Single(await World.HaloPaymentsAsync(1)).Reference);
        Assert.Equal(0m, (await World.InvoiceAsync(1)).AmountDue);
        Assert.DoesNotContain(rerun, r => r.Action == CollectionAction.Created);
        Assert.Equal(1, await PaymentCountAsync());
    }

    [Fact]
    public async Task When_gocardless_s_retries_are_exhausted_retry_charges_the_invoice_again()
    {
        var payment = await FailedAndSyncedAsync(willAttemptRetry: true);
        await World.MoveAsync(payment, "pending_submission", "submitted");
        await World.SyncAsync();
        await World.FailAsync(payment, willAttemptRetry: false);

        var exhausted = Assert.Single(await World.SyncAsync());
        var plain = await World.PlanAsync();
        var results = await World.CollectAsync(await World.PlanAsync(retry: true), retryIfPossible: true);

        Assert.Equal(SettlementAction.Unpaid, exhausted.Action);
        Assert.Contains("-Retry", exhausted.Reason);
        Assert.Equal(CollectionSkipReason.PreviousAttemptFailed, plain.Items.Single(i => i.Invoice.Id == 1).Skip);
        var created = results.Single(r => r.InvoiceId == 1);
        Assert.Equal(CollectionAction.Created, created.Action);
        Assert.NotEqual(payment, created.PaymentId);
        Assert.Equal(2, await PaymentCountAsync());
    }

    [Fact]
    public async Task The_failure_that_ends_gocardless_s_retries_is_found_by_the_reconciliation_when_its_event_is_listed_too_late()
    {
        var payment = await FailedAndSyncedAsync(willAttemptRetry: true);
        await World.HideNewEventsAsync();
        await World.MoveAsync(payment, "pending_submission", "submitted");
        await World.FailAsync(payment, willAttemptRetry: false);

        var missed = await World.SyncAsync(reconcileEvery: TimeSpan.Zero);
        var stale = await World.PlanAsync(retry: true);
        await World.SyncAsync(reconcileEvery: TimeSpan.FromTicks(1));
        var plan = await World.PlanAsync(retry: true);

        Assert.Empty(missed);
        Assert.Equal(CollectionSkipReason.GoCardlessRetrying, stale.Items.Single(i => i.Invoice.Id == 1).Skip);
        var item = plan.Items.Single(i => i.Invoice.Id == 1);
        Assert.True(item.Collectable, item.Reason);
        Assert.Equal(2, item.Attempt);
    }

    [Fact]
    public async Task Retry_reads_the_payment_again_and_skips_it_when_gocardless_has_resubmitted_it_since_the_last_sync()
    {
        var payment = await FailedAndSyncedAsync(willAttemptRetry: false);
        // Retried from the dashboard after the last Sync-GcPayment: the ledger still says failed, GoCardless does not.
        await World.MoveAsync(payment, "pending_submission");

        var plan = await World.PlanAsync(retry: true);
        var result = (await World.CollectAsync(plan)).Single(r => r.InvoiceId == 1);

        Assert.True(plan.Items.Single(i => i.Invoice.Id == 1).Collectable);
        Assert.Equal((CollectionAction.Skipped, CollectionSkipReason.GoCardlessRetrying, payment), (result.Action, result.Skip, result.PaymentId));
        Assert.Contains("pending_submission", result.Reason);
        Assert.Equal(1, await PaymentCountAsync());
    }

    [Fact]
    public async Task Retry_reads_the_newest_failure_and_skips_it_when_gocardless_said_since_that_it_will_retry()
    {
        var payment = await FailedAndSyncedAsync(willAttemptRetry: false);
        await World.MoveAsync(payment, "pending_submission", "submitted");
        await World.FailAsync(payment, willAttemptRetry: true);

        var result = (await World.CollectAsync(await World.PlanAsync(retry: true))).Single(r => r.InvoiceId == 1);

        Assert.Equal((CollectionAction.Skipped, CollectionSkipReason.GoCardlessRetrying), (result.Action, result.Skip));
        Assert.Contains("will_attempt_retry", result.Reason);
        Assert.Equal(1, await PaymentCountAsync());
    }

    [Fact]
    public async Task The_emulator_refuses_a_retry_promise_for_a_payment_that_did_not_ask_for_retries()
    {
        var payment = await World.CollectInvoiceOneAsync(retryIfPossible: false);
        await World.MoveAsync(payment, "submitted");

        var refused = await Record.ExceptionAsync(() => World.FailAsync(payment, willAttemptRetry: true));

        Assert.NotNull(refused);
        using var client = Emulator.Client();
        Assert.Equal("submitted", (await client.GetPaymentAsync(payment)).Status);
    }

    /// <summary>
    /// Invoice 1 collected asking for GoCardless's retries, submitted and synced (the first run, a backfill), failed at the bank
    /// and synced again (the failure read from its event): the payment's id.
    /// </summary>
    private async Task<string> FailedAndSyncedAsync(bool willAttemptRetry)
    {
        var payment = await World.CollectInvoiceOneAsync(retryIfPossible: true);
        await World.MoveAsync(payment, "submitted");
        await World.SyncAsync();
        await World.FailAsync(payment, willAttemptRetry);
        await World.SyncAsync();
        return payment;
    }

    private async Task<int> PaymentCountAsync()
    {
        using var client = Emulator.Client();
        var payments = new List<Payment>();
        await foreach (var payment in client.ListPaymentsAsync(new PaymentFilter { Mandate = "MD1" }))
        {
            payments.Add(payment);
        }

        return payments.Count(p => p.Metadata.TryGetValue(CollectionKeys.InvoiceIdKey, out var id) && id == "1");
    }
}
