// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>A Halo ticket (FAULTS / api/Tickets; src/GoCardlessHalo.Core/Invoices/HALO-TICKETS.md): the fields the module writes.</summary>
public sealed class HaloTicketRecord : IHaloRecord
{
    public int Id { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string Details { get; set; } = string.Empty;

    public int ClientId { get; set; }

    public int SiteId { get; set; }

    public int UserId { get; set; }

    public int TicketTypeId { get; set; }

    public DateTime DateOccurred { get; set; }
}

/// <summary>
/// /halo/api/Tickets (HALO-TICKETS.md §1). List filters as HaloAPI's Get-HaloTicket sends them: <c>client_id</c>, <c>site_id</c>,
/// <c>user_id</c>, <c>search</c> (the summary); paging as for every Halo list, list key <c>tickets</c>. A POST creates
/// (New-HaloTicket posts an array); a ticket needs a summary and an existing customer, and a site or user it names must
/// belong to that customer. Switch <c>Invoices:TicketSearch</c> = false makes the list ignore <c>search</c>.
/// </summary>
public static class HaloTicketEndpoints
{
    public static void MapHaloTickets(this RouteGroupBuilder api)
    {
        api.MapGet("/Tickets", (HttpRequest r, HaloStore store, HaloSettings settings) => HaloResponses.List(
            r, store, settings, "tickets",
            (s, q) => s.Tickets.Rows.Where(t => (HaloQuery.Id(q, "client_id") is not { } client || t.ClientId == client)
                                             && (HaloQuery.Id(q, "site_id") is not { } site || t.SiteId == site)
                                             && (HaloQuery.Id(q, "user_id") is not { } user || t.UserId == user)
                                             && (!settings.Invoices.TicketSearch || HaloQuery.Matches(q, t.Summary))),
            Render));
        api.MapGet("/Tickets/{id:int}", (int id, HaloStore store) => HaloResponses.One(store, "ticket", id, s => s.Tickets.Find(id), Render));
        api.MapPost("/Tickets", (HttpRequest r, HaloStore store, HaloClock clock) =>
            HaloResponses.Post(r, store, (state, body, seeding) => Write(state, body, seeding, clock.UtcNow.UtcDateTime), Render));
    }

    public static Func<HaloTicketRecord> Write(HaloState state, JsonObject body, bool seeding, DateTime now)
    {
        HaloWrites.Require(HaloInput.Int(body, "id") == 0 || seeding, "The emulator creates tickets only; post them without an id.");
        var ticket = new HaloTicketRecord
        {
            Id = seeding ? HaloInput.Int(body, "id") : 0,
            Summary = HaloInput.String(body, "summary") ?? string.Empty,
            Details = HaloInput.String(body, "details") ?? string.Empty,
            ClientId = HaloInput.Int(body, "client_id"),
            SiteId = HaloInput.Int(body, "site_id"),
            UserId = HaloInput.Int(body, "user_id"),
            TicketTypeId = HaloInput.Int(body, "tickettype_id", 1),
            DateOccurred = now,
        };
        HaloWrites.Require(!string.IsNullOrWhiteSpace(ticket.Summary), "A ticket needs a summary.");
        HaloWrites.Require(state.Clients.Contains(ticket.ClientId), $"Customer {ticket.ClientId} does not exist; set client_id to an existing customer.");
        HaloWrites.Require(ticket.SiteId == 0 || state.Sites.Find(ticket.SiteId)?.ClientId == ticket.ClientId, $"Site {ticket.SiteId} is not a site of customer {ticket.ClientId}.");
        HaloWrites.Require(ticket.UserId == 0 || (state.Users.Find(ticket.UserId) is { } user && state.SiteOf(user)?.ClientId == ticket.ClientId), $"User {ticket.UserId} is not a user of customer {ticket.ClientId}.");
        return () => state.Tickets.Put(ticket);
    }

    private static JsonNode Render(HaloState state, HaloTicketRecord ticket) => new JsonObject
    {
        ["id"] = ticket.Id,
        ["summary"] = ticket.Summary,
        ["details"] = ticket.Details,
        ["client_id"] = ticket.ClientId,
        ["client_name"] = state.Clients.Find(ticket.ClientId)?.Name ?? string.Empty,
        ["site_id"] = ticket.SiteId,
        ["user_id"] = ticket.UserId,
        ["user_name"] = state.Users.Find(ticket.UserId)?.Name ?? string.Empty,
        ["tickettype_id"] = ticket.TicketTypeId,
        ["status_id"] = 1,
        ["dateoccurred"] = ticket.DateOccurred.ToString("yyyy-MM-dd'T'HH:mm:ss"),
    };
}
