// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Tickets through /api/Tickets (src/GoCardlessHalo.Core/Invoices/HALO-TICKETS.md §1): the list filtered by <c>client_id</c>
    /// and <c>search</c> (HaloAPI's Get-HaloTicket), list key <c>tickets</c>; a create is a POST of a one-element array, as
    /// HaloAPI's New-HaloTicket and CIPP send it. The answer is re-filtered here: a Halo that ignores a filter costs pages, never a
    /// wrong match.
    /// </summary>
    internal sealed class HaloApiTickets
    {
        private readonly HaloApiConnection _connection;
        private readonly int _pageSize;

        public HaloApiTickets(HaloApiConnection connection, int pageSize)
        {
            _connection = connection;
            _pageSize = pageSize;
        }

        public async Task<IReadOnlyList<HaloTicket>> FindAsync(int clientId, string search, CancellationToken cancellationToken)
        {
            var filters = new[]
            {
                new KeyValuePair<string, string>("client_id", clientId.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("search", search),
            };
            var tickets = new List<HaloTicket>();
            await foreach (var json in HaloPager.ReadAsync(_connection, "/api/Tickets", "tickets", filters, _pageSize, cancellationToken).ConfigureAwait(false))
            {
                var ticket = Map(json);
                if (ticket.ClientId == clientId && ticket.Summary.IndexOf(search, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    tickets.Add(ticket);
                }
            }

            return tickets;
        }

        public async Task<HaloTicket> CreateAsync(HaloTicket ticket, CancellationToken cancellationToken)
        {
            var body = new Dictionary<string, object?>
            {
                ["summary"] = ticket.Summary,
                ["details"] = ticket.Details,
                ["client_id"] = ticket.ClientId,
                ["tickettype_id"] = ticket.TicketTypeId,
            };
            if (ticket.SiteId is { } site)
            {
                body["site_id"] = site;
            }

            if (ticket.UserId is { } user)
            {
                body["user_id"] = user;
            }

            using var answer = await _connection.PostJsonAsync("/api/Tickets", JsonSerializer.Serialize(new[] { body }), cancellationToken).ConfigureAwait(false);
            var saved = answer.RootElement.ValueKind == JsonValueKind.Array ? answer.RootElement.EnumerateArray().FirstOrDefault() : answer.RootElement;
            var created = saved.ValueKind == JsonValueKind.Object ? Map(saved) : new HaloTicket();
            return ticket.WithId(created.Id);
        }

        private static HaloTicket Map(JsonElement json) => new HaloTicket
        {
            Id = HaloJson.Int(json, "id"),
            Summary = HaloJson.String(json, "summary") ?? string.Empty,
            Details = HaloJson.String(json, "details") ?? string.Empty,
            ClientId = HaloJson.Int(json, "client_id"),
            SiteId = HaloJson.Int(json, "site_id") is var site && site > 0 ? site : (int?)null,
            UserId = HaloJson.Int(json, "user_id") is var user && user > 0 ? user : (int?)null,
            TicketTypeId = HaloJson.Int(json, "tickettype_id"),
        };
    }
}
