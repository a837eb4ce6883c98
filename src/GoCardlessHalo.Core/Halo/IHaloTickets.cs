// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// What a target offers beyond <see cref="IHaloTarget"/> to raise tickets (issue 9: a failed collection agents must see).
    /// A capability, asked through <see cref="HaloTickets.Of"/>, never a cast to a target class. Sources and what is inferred:
    /// src/GoCardlessHalo.Core/Invoices/HALO-TICKETS.md.
    /// </summary>
    public interface IHaloTickets
    {
        /// <summary>
        /// The customer's tickets whose summary contains <paramref name="search"/> (Halo's <c>search</c> narrows the list; the
        /// answer is filtered again here, so a Halo that ignores a filter never lends another customer's ticket).
        /// </summary>
        Task<IReadOnlyList<HaloTicket>> FindTicketsAsync(int clientId, string search, CancellationToken cancellationToken);

        /// <summary>Creates one ticket; the answer carries Halo's id.</summary>
        Task<HaloTicket> CreateTicketAsync(HaloTicket ticket, CancellationToken cancellationToken);
    }

    /// <summary>A Halo ticket (api/Tickets; table FAULTS), the fields the module writes and reads back.</summary>
    public sealed class HaloTicket
    {
        /// <summary>Halo's ticket id (FAULTS.faultid); 0 before it is created.</summary>
        public int Id { get; set; }

        /// <summary>The summary (FAULTS.symptom): what agents see in the ticket list.</summary>
        public string Summary { get; set; } = string.Empty;

        /// <summary>The details (FAULTS.symptom2), plain text.</summary>
        public string Details { get; set; } = string.Empty;

        /// <summary>The customer (client_id; FAULTS.areaint).</summary>
        public int ClientId { get; set; }

        /// <summary>The site (site_id; FAULTS.sitenumber), when known.</summary>
        public int? SiteId { get; set; }

        /// <summary>The user the ticket is about (user_id; FAULTS.userid), when known.</summary>
        public int? UserId { get; set; }

        /// <summary>The ticket type (tickettype_id; FAULTS.requesttypenew).</summary>
        public int TicketTypeId { get; set; }

        /// <summary>This ticket as Halo saved it under <paramref name="id"/>.</summary>
        public HaloTicket WithId(int id) => new HaloTicket
        {
            Id = id, Summary = Summary, Details = Details, ClientId = ClientId, SiteId = SiteId, UserId = UserId, TicketTypeId = TicketTypeId,
        };
    }

    /// <summary>Asks a target for its tickets.</summary>
    public static class HaloTickets
    {
        /// <summary>The target's tickets, or a <see cref="GcHaloException"/> naming the target that has none.</summary>
        public static IHaloTickets Of(IHaloTarget target) =>
            target as IHaloTickets
            ?? throw new GcHaloException(ErrorIds.HaloTicketsNotSupported, ErrorKind.NotSupported,
                $"The Halo target at {target.Location} cannot create tickets; remove collection.failureTicketTypeId from the settings or use the Halo API target.", target.Kind);
    }
}
