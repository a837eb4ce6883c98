// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>
/// Issue 9: a collection that fails, is cancelled or charged back raises one Halo ticket (collection.failureTicketTypeId), for the
/// invoice's customer and the payer, exactly once per failure — also when Halo saved the ticket and its answer was lost.
/// </summary>
public sealed class CollectionFailureTicketTests : CollectionWorldTests
{
    private const int TicketType = 7;

    public CollectionFailureTicketTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task A_failed_collection_raises_one_ticket_for_the_customer_and_payer_and_a_rerun_raises_none()
    {
        var payment = await CollectAsync("submitted");
        // Synced once before it fails, so the failure arrives as an event: with GoCardless's cause and its time.
        Assert.Empty(await World.SyncAsync(failureTicketTypeId: TicketType));
        await World.MoveAsync(payment, "failed");

        var first = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));
        var again = await World.SyncAsync(failureTicketTypeId: TicketType);

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal((SettlementAction.Unpaid, ticket.Id, true), (first.Action, first.TicketId, first.TicketCreated));
        Assert.Empty(again);
        Assert.Matches($@"^Direct debit failed: invoice INV-1 \(payment {payment} failed 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\.\d{{3}} UTC\)$", ticket.Summary);
        Assert.Equal((1, 10, 100, TicketType), (ticket.ClientId, ticket.SiteId, ticket.UserId, ticket.TicketTypeId));
        Assert.Contains("120.00 GBP", ticket.Details);
        Assert.Contains("GoCardless says: ", ticket.Details);
        Assert.Contains("New-GcPayment -InvoiceId 1 -Retry", ticket.Details);
        Assert.Contains($"Halo ticket {ticket.Id} was raised", first.Reason);
    }

    [Theory]
    [InlineData("charged_back", "submitted", "confirmed", "paid_out", "charged_back")]
    [InlineData("cancelled", "cancelled")]
    public async Task A_charge_back_or_cancellation_raises_a_ticket_naming_the_status(string status, params string[] statuses)
    {
        var payment = await CollectAsync();
        await World.MoveAsync(payment, statuses.Take(statuses.Length - 1).ToArray());
        await World.SyncAsync(failureTicketTypeId: TicketType);
        await World.MoveAsync(payment, statuses.Last());

        await World.SyncAsync(failureTicketTypeId: TicketType);

        Assert.Contains($"payment {payment} {status}", Assert.Single(await TicketsAsync()).Summary);
    }

    [Fact]
    public async Task No_ticket_is_raised_when_the_setting_is_off()
    {
        var payment = await CollectAsync("submitted");
        await World.MoveAsync(payment, "failed");

        var result = Assert.Single(await World.SyncAsync());

        Assert.Equal((SettlementAction.Unpaid, (int?)null), (result.Action, result.TicketId));
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task A_paid_out_collection_raises_no_ticket()
    {
        var payment = await CollectAsync("submitted", "confirmed", "paid_out");

        var result = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));

        Assert.Equal(SettlementAction.MarkedPaid, result.Action);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task A_ticket_halo_saved_whose_answer_was_lost_is_found_by_the_next_run_and_never_raised_twice()
    {
        var payment = await CollectAsync("submitted");
        await World.MoveAsync(payment, "failed");
        await HaloApiTestKit.FaultAsync(Emulator.Host, new { kind = "malformed", after = true, service = "halo", method = "POST", pathContains = "/api/Tickets", count = 1 });

        var first = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));
        var second = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));
        var third = await World.SyncAsync(failureTicketTypeId: TicketType);

        Assert.NotNull(first.TicketErrorId);
        Assert.Contains("next Sync-GcPayment tries again", first.Reason);
        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal((SettlementAction.Unpaid, ticket.Id, false), (second.Action, second.TicketId, second.TicketCreated));
        Assert.Empty(third);
    }

    [Fact]
    public async Task A_ticket_halo_refused_is_not_lost_the_next_run_raises_it()
    {
        var payment = await CollectAsync("submitted");
        await World.MoveAsync(payment, "failed");
        await HaloApiTestKit.FaultAsync(Emulator.Host, new { kind = "status", status = 503, service = "halo", method = "POST", pathContains = "/api/Tickets", count = 1 });

        var first = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));
        var none = await TicketsAsync();
        var second = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));

        Assert.NotNull(first.TicketErrorId);
        Assert.Empty(none);
        Assert.True(second.TicketCreated);
        Assert.Equal(second.TicketId, Assert.Single(await TicketsAsync()).Id);
    }

    [Fact]
    public async Task A_payment_that_fails_again_after_goCardless_retried_it_raises_a_second_ticket()
    {
        var payment = await CollectAsync("submitted");
        await World.MoveAsync(payment, "failed");
        await World.SyncAsync(failureTicketTypeId: TicketType);
        await World.MoveAsync(payment, "pending_submission", "submitted");
        await World.SyncAsync(failureTicketTypeId: TicketType);
        await World.MoveAsync(payment, "failed");

        var second = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));

        Assert.True(second.TicketCreated);
        Assert.Equal(2, (await TicketsAsync()).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_read_back_holds_whether_halo_honours_search_or_not_and_an_agents_ticket_is_not_taken_for_it(bool search)
    {
        await Emulator.PostAdminAsync("halo/settings", new { invoices = new { ticketSearch = search } });
        var payment = await CollectAsync("submitted");
        using (var halo = await World.OpenHaloAsync())
        {
            var tickets = HaloTickets.Of(halo);
            await tickets.CreateTicketAsync(new HaloTicket { Summary = "Printer on fire", ClientId = 1, TicketTypeId = 1 }, CancellationToken.None);
            await tickets.CreateTicketAsync(new HaloTicket { Summary = $"Customer rang about payment {payment}", ClientId = 1, TicketTypeId = 1 }, CancellationToken.None);
        }

        await World.MoveAsync(payment, "failed");
        await HaloApiTestKit.FaultAsync(Emulator.Host, new { kind = "malformed", after = true, service = "halo", method = "POST", pathContains = "/api/Tickets", count = 1 });

        var first = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));
        var second = Assert.Single(await World.SyncAsync(failureTicketTypeId: TicketType));

        Assert.NotNull(first.TicketErrorId);
        var ours = Assert.Single(await TicketsAsync());
        Assert.Equal((ours.Id, false), (second.TicketId, second.TicketCreated));
    }

    private async Task<string> CollectAsync(params string[] statuses)
    {
        var results = await World.CollectAsync(await World.PlanAsync());
        var payment = results.Single(r => r.Action == CollectionAction.Created && r.InvoiceId == 1).PaymentId!;
        await World.MoveAsync(payment, statuses);
        return payment;
    }

    private async Task<IReadOnlyList<HaloTicket>> TicketsAsync()
    {
        using var halo = await World.OpenHaloAsync();
        return await HaloTickets.Of(halo).FindTicketsAsync(1, "Direct debit failed", CancellationToken.None);
    }
}
