// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.GoCardless;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// Settlement (Sync-GcPayment marking invoices paid and unpaid) under the emulated Halo's inferred invoice variants
/// (HALO-INVOICES.md §3, §5): PaymentRecalculates=false (recording a payment leaves the invoice header as it was, so Halo
/// never shows the invoice paid) and VoidedInList=false (lists leave voided invoices out).
/// </summary>
public sealed class CollectionSettlementVariantTests : CollectionWorldTests
{
    public CollectionSettlementVariantTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task When_halo_does_not_recalculate_the_header_a_paid_invoice_is_recorded_once_and_never_charged_again()
    {
        await World.InvoiceSwitchesAsync(new { paymentRecalculates = false });
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed", "paid_out");

        var paid = await World.SyncAsync();
        var again = await World.SyncAsync();
        var plan = (await World.PlanAsync()).Items.Single(i => i.Invoice.Id == 1);
        var retry = (await World.PlanAsync(retry: true)).Items.Single(i => i.Invoice.Id == 1);
        var collected = await World.CollectAsync(await World.PlanAsync(retry: true));

        Assert.Equal(SettlementAction.MarkedPaid, Assert.Single(paid).Action);
        Assert.Empty(again);
        Assert.Equal(payment, Assert.Single(await World.HaloPaymentsAsync(1)).Reference);
        Assert.Equal(120.00m, (await World.InvoiceAsync(1)).AmountDue); // the header still says unpaid
        Assert.Equal(CollectionSkipReason.AlreadyCollected, plan.Skip);
        Assert.Equal(CollectionSkipReason.AlreadyCollected, retry.Skip);
        Assert.DoesNotContain(collected, r => r.InvoiceId == 1 && r.Action == CollectionAction.Created);
    }

    [Fact]
    public async Task When_halo_does_not_recalculate_the_header_a_late_failure_unpays_and_retry_charges_once_more()
    {
        await World.InvoiceSwitchesAsync(new { paymentRecalculates = false });
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed", "paid_out");
        await World.SyncAsync();
        await World.MoveAsync(payment, "failed");

        var unpaid = await World.SyncAsync();
        var retry = (await World.PlanAsync(retry: true)).Items.Single(i => i.Invoice.Id == 1);

        Assert.Equal(SettlementAction.Unpaid, Assert.Single(unpaid).Action);
        Assert.Empty(await World.HaloPaymentsAsync(1));
        Assert.True(retry.Collectable);
        Assert.Equal((12000L, 2), (retry.Amount!.Value, retry.Attempt));
    }

    [Fact]
    public async Task When_lists_leave_voided_invoices_out_a_collection_voided_later_still_settles_unpaid_on_charge_back()
    {
        await World.InvoiceSwitchesAsync(new { voidedInList = false });
        var payment = await World.CollectInvoiceOneAsync();
        await World.MoveAsync(payment, "submitted", "confirmed", "paid_out");
        await World.SyncAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });
        await World.MoveAsync(payment, "charged_back");

        var unpaid = await World.SyncAsync();
        var plan = await World.PlanAsync(retry: true);

        Assert.Equal(SettlementAction.Unpaid, Assert.Single(unpaid).Action);
        Assert.Empty(await World.HaloPaymentsAsync(1));
        Assert.DoesNotContain(plan.Items, i => i.Invoice.Id == 1 && i.Collectable);
    }

    [Fact]
    public async Task A_collection_paid_out_after_its_invoice_was_voided_is_reported_once_not_recorded_against_the_void()
    {
        await World.InvoiceSwitchesAsync(new { voidedInList = false });
        var payment = await World.CollectInvoiceOneAsync();
        await World.EditInvoiceAsync(new { id = 1, voided = true });
        await World.MoveAsync(payment, "submitted", "confirmed", "paid_out");

        var first = await World.SyncAsync();
        var again = await World.SyncAsync();

        var result = Assert.Single(first);
        Assert.Equal(SettlementAction.VoidedInHalo, result.Action);
        Assert.Contains("is void in Halo, which refuses to record it: refund the customer from the GoCardless dashboard", result.Reason);
        Assert.Empty(again);
        Assert.Empty(await World.HaloPaymentsAsync(1));
    }
}
