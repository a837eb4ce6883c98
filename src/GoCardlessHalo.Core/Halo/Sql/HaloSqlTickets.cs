// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Tickets as rows of Halo's FAULTS table (src/GoCardlessHalo.Core/Invoices/HALO-TICKETS.md §3). Verified by Halo's own
    /// report SQL: faultid, symptom (summary), symptom2 (details), areaint (client), sitenumber, userid, username,
    /// requesttypenew (ticket type), dateoccured, status, fdeleted. FAULTS has hundreds of columns: every other NOT NULL one
    /// without a default gets its safe value (<see cref="RowCommand"/>). The table is found on first use; faultid is allocated
    /// as MAX + 1 in the write transaction unless it is an IDENTITY. A direct insert bypasses Halo's own logic (no SLA, no
    /// notification, no automation), so the API target is preferred for tickets; the columns written beyond the verified
    /// ones are none.
    /// </summary>
    internal sealed class HaloSqlTickets : ISqlNames
    {
        private const string Faults = "FAULTS";
        private static readonly string[] Required = { "faultid", "symptom", "areaint", "dateoccured" };

        // Written when the database has them: [V] names, each optional so an older or slimmer schema still gets the ticket.
        private static readonly string[] Optional = { "symptom2", "sitenumber", "userid", "username", "requesttypenew", "status", "fdeleted", "fmergedintofaultid" };

        private readonly SqlDatabase database;
        private readonly DiscoveredTable faults;

        private HaloSqlTickets(SqlDatabase database, DiscoveredTable faults)
        {
            this.database = database;
            this.faults = faults;
        }

        /// <summary>Finds FAULTS; fails naming the missing table or columns.</summary>
        public static async Task<HaloSqlTickets> DiscoverAsync(SqlDatabase database, CancellationToken cancellationToken)
        {
            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var columns = await database.GuardAsync("discovering Halo's ticket table", () => database.Dialect.ReadColumnsAsync(connection, Faults, cancellationToken), cancellationToken).ConfigureAwait(false);
            var table = columns.Count > 0 ? new DiscoveredTable(columns[0].Table, columns) : null;
            var missing = table is null ? new List<string> { "table " + Faults } : Required.Where(c => !table.Has(c)).Select(c => "column " + Faults + "." + c).ToList();
            return missing.Count > 0 ? throw HaloSqlErrors.MissingSchema(database.Location, missing) : new HaloSqlTickets(database, table!);
        }

        public async Task<IReadOnlyList<HaloTicket>> FindAsync(int clientId, string search, CancellationToken cancellationToken)
        {
            var tickets = new List<HaloTicket>();
            await foreach (var ticket in database.QueryAsync(
                "reading tickets (FAULTS)",
                HaloSqlTicketTemplates.SelectTickets,
                this,
                (d, c) =>
                {
                    d.AddParameter(c, "@clientId", SqlValueKind.Integer, clientId);
                    d.AddParameter(c, "@search", SqlValueKind.Text, "%" + search + "%");
                },
                r => new HaloTicket { Id = SqlReaderValues.Int(r, 0), Summary = SqlReaderValues.Text(r, 1) ?? string.Empty, ClientId = SqlReaderValues.Int(r, 2) },
                cancellationToken).ConfigureAwait(false))
            {
                // LIKE treats [ _ % as patterns: the exact test is made here.
                if (ticket.Summary.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    tickets.Add(ticket);
                }
            }

            return tickets;
        }

        /// <summary>One FAULTS row, in its own transaction; the id is Halo's way (MAX + 1) unless the database allocates it.</summary>
        public async Task<HaloTicket> CreateAsync(HaloTicket ticket, DateTime now, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var identity = faults.Get("faultid").IsIdentity;
            var values = new List<(string Column, object? Value)>
            {
                ("symptom", ticket.Summary),
                ("areaint", ticket.ClientId),
                ("dateoccured", now),
                ("symptom2", Cut(ticket.Details, faults.Find("symptom2")?.MaxLength)),
                ("sitenumber", ticket.SiteId),
                ("userid", ticket.UserId),
                ("requesttypenew", ticket.TicketTypeId),
                // [I] status 1 is New in a default Halo; fdeleted/fmergedintofaultid 0 as Halo's reports filter on them.
                ("status", 1),
                ("fdeleted", 0),
                ("fmergedintofaultid", 0),
            }.Where(v => Required.Contains(v.Column) || (Optional.Contains(v.Column) && faults.Has(v.Column))).ToList();
            int id;
            using (var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                id = identity ? 0 : await IdAllocator.AllocateAsync(transaction, faults, "faultid", 1, cancellationToken).ConfigureAwait(false);
                if (!identity)
                {
                    values.Insert(0, ("faultid", id));
                }

                using (var insert = RowCommand.Insert(transaction, faults, values.Select(v => faults.Get(v.Column).Name).ToList()))
                {
                    foreach (var (column, value) in values)
                    {
                        insert.Set(faults.Get(column).Name, value);
                    }

                    await insert.ExecuteAsync("creating ticket '" + ticket.Summary + "'", cancellationToken).ConfigureAwait(false);
                }

                transaction.Commit();
            }

            if (identity)
            {
                id = (await FindAsync(ticket.ClientId, ticket.Summary, cancellationToken).ConfigureAwait(false)).Select(t => t.Id).DefaultIfEmpty(0).Max();
            }

            database.LogDone("created ticket " + id.ToString(CultureInfo.InvariantCulture) + " in FAULTS", watch);
            return ticket.WithId(id);
        }

        string ISqlNames.Table(string table) => string.Equals(table, Faults, StringComparison.OrdinalIgnoreCase) ? faults.Name : table;

        string ISqlNames.Column(string table, string column) => faults.Find(column)?.Name ?? column;

        // The details are for people; a column too short for them must not cost the ticket (the summary carries the key).
        private static string Cut(string text, int? length) => length is > 0 && text.Length > length.Value ? text.Substring(0, length.Value) : text;
    }
}
