// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// Sync-GcPayment's settlement of collections into Halo (issue 9): paid out → a payment recorded against the invoice with the
/// GoCardless id as reference, exactly once; failed or charged back → unpaid again and collectable only with -Retry.
/// </summary>
public sealed class CollectionSettlementTests : CollectionWorldTests
{
    public CollectionSettlementTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task A_paid_out_collection_is_recorded_in_halo_once_with_the_payment_id_as_reference()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed");
        var confirmed = await World.SyncAsync();
        await World.MoveAsync(payment, "paid_out");

        var paid = await World.SyncAsync();
        var again = await World.SyncAsync();

        Assert.Empty(confirmed);
        var result = Assert.Single(paid);
        Assert.Equal((1, SettlementAction.MarkedPaid, "paid_out"), (result.Collection.InvoiceId, result.Action, result.Collection.Status));
        Assert.Empty(again);
        var recorded = Assert.Single(await World.HaloPaymentsAsync(1));
        Assert.Equal((payment, 120.00m), (recorded.Reference, recorded.Amount));
        Assert.Equal(0m, (await World.InvoiceAsync(1)).AmountDue);
    }

    [Fact]
    public async Task Marking_paid_on_confirmed_is_a_setting()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed");

        var results = await World.SyncAsync(markPaidOnConfirmed: true);

        Assert.Equal(SettlementAction.MarkedPaid, Assert.Single(results).Action);
        Assert.Equal(payment, Assert.Single(await World.HaloPaymentsAsync(1)).Reference);
    }

    [Fact]
    public async Task A_record_whose_answer_was_lost_is_read_back_and_never_recorded_twice()
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed", "paid_out");
        // Halo saves the payment, but its answer is damaged: the outcome is unknown to the module.
        await HaloApiTestKit.FaultAsync(Emulator.Host, new { kind = "malformed", after = true, service = "halo", method = "POST", pathContains = "/api/InvoicePayment", count = 1 });

        var first = await World.SyncAsync();
        var second = await World.SyncAsync();

        Assert.Equal(SettlementAction.Failed, Assert.Single(first).Action);
        Assert.Equal(SettlementAction.AlreadyMarkedPaid, Assert.Single(second).Action);
        Assert.Equal(payment, Assert.Single(await World.HaloPaymentsAsync(1)).Reference);
    }

    [Theory]
    [InlineData("failed", "submitted", "failed")]
    [InlineData("charged_back", "submitted", "confirmed", "paid_out", "charged_back")]
    [InlineData("late failure", "submitted", "confirmed", "paid_out", "failed")]
    public async Task A_collection_that_fails_leaves_the_invoice_unpaid_and_collectable_only_with_retry(string what, params string[] statuses)
    {
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, statuses.Take(statuses.Length - 1).ToArray());
        await World.SyncAsync();
        await World.MoveAsync(payment, statuses.Last());

        var results = await World.SyncAsync();
        var plan = await World.PlanAsync();
        var retry = await World.PlanAsync(retry: true);

        var unpaid = Assert.Single(results);
        Assert.Equal(SettlementAction.Unpaid, unpaid.Action);
        Assert.Contains("-Retry", unpaid.Reason);
        Assert.Empty(await World.HaloPaymentsAsync(1));
        Assert.Equal(120.00m, (await World.InvoiceAsync(1)).AmountDue);
        Assert.Equal(CollectionSkipReason.PreviousAttemptFailed, plan.Items.Single(i => i.Invoice.Id == 1).Skip);
        var again = retry.Items.Single(i => i.Invoice.Id == 1);
        Assert.True(again.Collectable, what);
        Assert.Equal("gch-invoice-1-attempt-2", again.IdempotencyKey);
    }
}
