// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>Tickets (issue 9's failure tickets), the same facts on every target that offers <see cref="IHaloTickets"/>.</summary>
public abstract partial class HaloTargetBehaviour
{
    [Fact]
    public async Task A_created_ticket_is_found_by_its_customer_and_a_word_of_its_summary_and_only_there()
    {
        using var target = await CreateAsync();
        var tickets = HaloTickets.Of(target);

        var created = await tickets.CreateTicketAsync(Ticket(Acme, AcmeHeadOffice, Alice, "Direct debit failed: invoice INV-1 (payment PM000T1 failed)"), CancellationToken.None);
        await tickets.CreateTicketAsync(Ticket(Acme, AcmeHeadOffice, Alice, "Direct debit failed: invoice INV-2 (payment PM000T2 failed)"), CancellationToken.None);
        await tickets.CreateTicketAsync(Ticket(Brightside, BrightsideMain, null, "Direct debit failed: invoice INV-3 (payment PM000T1 failed)"), CancellationToken.None);

        var found = await tickets.FindTicketsAsync(Acme, "PM000T1", CancellationToken.None);
        var none = await tickets.FindTicketsAsync(Acme, "PM000T9", CancellationToken.None);

        Assert.True(created.Id > 0);
        var ticket = Assert.Single(found);
        Assert.Equal((created.Id, Acme, "Direct debit failed: invoice INV-1 (payment PM000T1 failed)"), (ticket.Id, ticket.ClientId, ticket.Summary));
        Assert.Empty(none);
        Assert.Equal(2, (await tickets.FindTicketsAsync(Acme, "Direct debit failed", CancellationToken.None)).Select(t => t.Id).Distinct().Count());
    }

    private static HaloTicket Ticket(int client, int site, int? user, string summary) => new()
    {
        Summary = summary,
        Details = "What to do: New-GcPayment -InvoiceId 1 -Retry",
        ClientId = client,
        SiteId = site,
        UserId = user,
        TicketTypeId = 3,
    };
}
