// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// New-GcPayment -CancelChanged (issue 9): an invoice changed in Halo after its payment was created is reported, and its
/// payment is cancelled only when asked and while GoCardless still allows it; the cancellation settles in Sync-GcPayment
/// and the invoice is charged again only with -Retry, at its new amount.
/// </summary>
public sealed class CollectionCancellerTests : CollectionWorldTests
{
    private const string CancelRoute = "POST /gocardless/payments/{id}/actions/cancel";

    public CollectionCancellerTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string, object, decimal?> Changes() => new()
    {
        { "edited", new { id = 1, lines = new[] { new { net_amount = 90m, tax_amount = 18m } } }, 108.00m },
        { "credited", new { id = 1, lines = new[] { new { net_amount = 100m, tax_amount = 20m }, new { net_amount = -20m, tax_amount = -4m } } }, 96.00m },
        { "voided", new { id = 1, voided = true }, null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_changed_invoice_s_payment_is_cancelled_settles_unpaid_and_is_charged_again_only_with_retry_at_its_new_amount(string what, object edit, decimal? newAmount)
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(edit);

        var plan = await World.PlanAsync();
        var results = await World.CancelChangedAsync(plan);
        var settled = await World.SyncAsync();
        var after = (await World.PlanAsync()).Items.Single(i => i.Invoice.Id == 1);
        var retry = (await World.PlanAsync(retry: true)).Items.Single(i => i.Invoice.Id == 1);

        Assert.Equal(CollectionSkipReason.ChangedAfterCollection, plan.Items.Single(i => i.Invoice.Id == 1).Skip);
        var cancelled = Assert.Single(results);
        Assert.Equal((CollectionAction.Cancelled, payment), (cancelled.Action, cancelled.PaymentId));
        Assert.Contains("-Retry", cancelled.Reason);
        Assert.Equal("cancelled", await World.GoCardlessStatusAsync(payment));
        Assert.Equal(SettlementAction.Unpaid, Assert.Single(settled).Action);
        Assert.Empty(await World.HaloPaymentsAsync(1));
        Assert.Equal(CollectionSkipReason.PreviousAttemptFailed, after.Skip);
        if (newAmount is { } amount)
        {
            Assert.True(retry.Collectable, what);
            Assert.Equal((long)(amount * 100), retry.Amount);
            Assert.Equal(2, retry.Attempt);
        }
        else
        {
            Assert.Equal(CollectionSkipReason.Voided, retry.Skip);
        }
    }

    [Fact]
    public async Task Without_cancel_changed_or_under_what_if_a_change_is_only_reported_and_nothing_is_cancelled()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });
        Emulator.ClearRequestCounts();

        var whatIf = await World.CancelChangedAsync(await World.PlanAsync(), approve: false);

        var skipped = Assert.Single(whatIf);
        Assert.Equal((CollectionAction.Skipped, CollectionSkipReason.ChangedAfterCollection, payment), (skipped.Action, skipped.Skip, skipped.PaymentId));
        Assert.Contains($"Payment {payment} (pending_submission) collects 120.00 GBP, but the invoice is now void", skipped.Reason);
        Assert.Equal(0, Emulator.Count(CancelRoute));
        Assert.Equal("pending_submission", await World.GoCardlessStatusAsync(payment));
        Assert.Equal(CollectionSkipReason.ChangedAfterCollection, (await World.PlanAsync()).Items.Single(i => i.Invoice.Id == 1).Skip);
    }

    [Theory]
    [InlineData(true)] // the ledger knows it was submitted: GoCardless is not asked
    [InlineData(false)] // the ledger is behind: GoCardless refuses, the payment is read back
    public async Task A_payment_already_submitted_is_refused_with_advice_and_stays_as_it_is(bool synced)
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted");
        if (synced)
        {
            await World.SyncAsync();
        }

        await World.EditInvoiceAsync(new { id = 1, lines = new[] { new { net_amount = 50m, tax_amount = 10m } } });
        Emulator.ClearRequestCounts();

        var refused = Assert.Single(await World.CancelChangedAsync(await World.PlanAsync()));

        Assert.Equal((CollectionAction.Failed, ErrorIds.CollectionCancelRefused), (refused.Action, refused.ErrorId));
        Assert.Contains("already submitted it to the banks", refused.Reason);
        Assert.Contains("now totals 60.00 GBP (it totalled 120.00 GBP)", refused.Reason);
        Assert.Contains("Refund the payment, or the difference, from the GoCardless dashboard", refused.Reason);
        Assert.Equal(synced ? 0 : 1, Emulator.Count(CancelRoute));
        Assert.Equal("submitted", await World.GoCardlessStatusAsync(payment));
    }

    [Theory]
    [InlineData("status")] // 504 from a gateway after GoCardless cancelled
    [InlineData("reset")]
    public async Task A_cancel_whose_answer_was_lost_is_read_back_and_never_sent_again(string fault)
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });
        await HaloApiTestKit.FaultAsync(Emulator.Host, new { kind = fault, status = 504, after = true, service = "gocardless", method = "POST", pathContains = "/actions/cancel", count = 1 });
        Emulator.ClearRequestCounts();

        var result = Assert.Single(await World.CancelChangedAsync(await World.PlanAsync()));

        Assert.Equal(CollectionAction.Cancelled, result.Action);
        Assert.Equal(1, Emulator.Count(CancelRoute));
        Assert.True(Emulator.Count("GET /gocardless/payments/{id}") >= 1);
        Assert.Equal(CollectionSkipReason.PreviousAttemptFailed, (await World.PlanAsync()).Items.Single(i => i.Invoice.Id == 1).Skip);
    }

    [Fact]
    public async Task A_cancel_that_reached_gocardless_before_the_run_died_is_completed_by_reading_it_back()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });
        using (var client = Emulator.Client())
        {
            await client.CancelPaymentAsync(payment); // GoCardless acted; the ledger never heard of it
        }

        var result = Assert.Single(await World.CancelChangedAsync(await World.PlanAsync()));

        Assert.Equal(CollectionAction.Cancelled, result.Action);
        Assert.Equal(CollectionSkipReason.PreviousAttemptFailed, (await World.PlanAsync()).Items.Single(i => i.Invoice.Id == 1).Skip);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cancel_journaled_by_a_run_killed_before_its_line_is_logged_by_the_next_run_only_when_the_ledger_holds_it(bool recorded)
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });
        var plan = await World.PlanAsync();
        string location;
        using (var ledger = World.OpenLedger())
        {
            location = ledger.Location;
        }

        // The killed run's intent; with `recorded` the cancel reached the ledger (a run that writes no lines stands for the kill).
        var row = new CollectionRow { InvoiceId = 1, InvoiceNumber = "INV-1", CustomerId = "CU1", MandateId = "MD1", Amount = 12000, Currency = "GBP", IdempotencyKey = "key", PaymentId = payment };
        World.AuditOf("killed").Intend(location, new[] { CollectionAudit.Line(ConfirmedCollections.Cancelled, row, payment, "voided") });
        if (recorded)
        {
            await World.CancelChangedAsync(plan);
        }

        await World.ResolveInterruptedAsync(World.AuditOf("rerun"));

        var log = new AuditLogReader(World.AuditOf("reader").Path).Read(new AuditQuery()).ToList();
        if (recorded)
        {
            var line = Assert.Single(log);
            Assert.Equal((ConfirmedCollections.Cancelled, "killed", (string?)"rerun", (string?)payment), (line.Action, line.RunId, line.ReconciledBy, line.After!["payment"]));
        }
        else
        {
            Assert.Empty(log);
        }

        Assert.Empty(File.ReadAllText(World.AuditOf("reader").PendingPath));
    }

    [Fact]
    public async Task A_cancel_is_logged_once_and_leaves_the_journal_empty()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });

        await World.CancelChangedAsync(await World.PlanAsync(), audit: World.AuditOf("run"));

        var line = Assert.Single(new AuditLogReader(World.AuditOf("reader").Path).Read(new AuditQuery()).ToList());
        Assert.Equal((ConfirmedCollections.Cancelled, (string?)payment), (line.Action, line.After!["payment"]));
        Assert.Empty(File.ReadAllText(World.AuditOf("reader").PendingPath));
    }

    [Fact]
    public async Task A_voided_invoice_that_halo_leaves_out_of_its_list_is_read_by_id_and_still_reported()
    {
        await World.InvoiceSwitchesAsync(new { voidedInList = false });
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });

        var plan = await World.PlanAsync();
        var results = await World.CancelChangedAsync(plan);

        var item = plan.Items.Single(i => i.Invoice.Id == 1);
        Assert.Equal(CollectionSkipReason.ChangedAfterCollection, item.Skip);
        Assert.Contains("is now void", item.Reason);
        Assert.Equal((CollectionAction.Cancelled, payment), (Assert.Single(results).Action, results[0].PaymentId));
    }
}
