// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>The statements on Halo's ticket table FAULTS (src/GoCardlessHalo.Core/Invoices/HALO-TICKETS.md §3); the insert is a <see cref="RowCommand"/>.</summary>
    internal static class HaloSqlTicketTemplates
    {
        /// <summary>A customer's tickets whose summary is LIKE @search, as Halo's own reports read FAULTS (areaint = the client).</summary>
        public static readonly SqlTemplate SelectTickets = new SqlTemplate(
            nameof(SelectTickets),
            "SELECT f.{FAULTS.faultid}, f.{FAULTS.symptom}, f.{FAULTS.areaint} FROM {FAULTS} f"
            + " WHERE f.{FAULTS.areaint} = @clientId AND f.{FAULTS.symptom} LIKE @search ORDER BY f.{FAULTS.faultid}");
    }
}
