// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The opt-in Halo ticket for a collection that failed, was cancelled, charged back or refused by the customer (issue 9,
    /// <c>collection.failureTicketTypeId</c>), so agents see it where they work. One ticket per failure, exactly once: the
    /// summary carries the failure's key (payment id, status and when it changed), and Halo is read back for it (the
    /// customer's tickets, searched by payment id) before every create, so a run that dies after Halo saved the ticket, or
    /// a create whose answer was lost, never raises a second one. A ticket that could not be written leaves the collection
    /// unsettled (<see cref="CollectionSettlement"/>), so the next Sync-GcPayment tries again rather than losing it.
    /// </summary>
    public sealed class CollectionFailureTickets
    {
        private readonly IHaloTarget halo;

        /// <summary>Raises tickets of type <paramref name="ticketTypeId"/> in <paramref name="halo"/>.</summary>
        public CollectionFailureTickets(IHaloTarget halo, int ticketTypeId)
        {
            this.halo = halo ?? throw new ArgumentNullException(nameof(halo));
            TicketTypeId = ticketTypeId;
        }

        /// <summary>The Halo ticket type (tickettype_id / FAULTS.requesttypenew) of the tickets raised.</summary>
        public int TicketTypeId { get; }

        /// <summary>The tickets the settings ask for, or null when <c>collection.failureTicketTypeId</c> is not set (the default).</summary>
        public static CollectionFailureTickets? FromSettings(IHaloTarget halo, CollectionSettings settings) =>
            settings?.FailureTicketTypeId is { } type ? new CollectionFailureTickets(halo, type) : null;

        /// <summary>The ticket summary: what agents read in the list, and the key the read-back looks for.</summary>
        public static string Summary(UnsettledCollection row) => $"Direct debit failed: invoice {row.InvoiceNumber} ({Key(row)})";

        /// <summary>
        /// What identifies one failure: the payment, its status, and when it changed (GoCardless may retry a failed payment,
        /// which can then fail again under the same id: a second failure, a second ticket). Milliseconds, as GoCardless's event
        /// times have them.
        /// </summary>
        public static string Key(UnsettledCollection row) =>
            $"payment {row.PaymentId} {row.Status}"
            + (row.StatusChangedAt is { } at ? " " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC" : string.Empty);

        /// <summary>The ticket details: amount, status, GoCardless's reason when the ledger has it, and what to do.</summary>
        public static string Details(UnsettledCollection row)
        {
            var invoiceId = row.InvoiceId.ToString(CultureInfo.InvariantCulture);
            var text = new StringBuilder()
                .Append("GoCardless payment ").Append(row.PaymentId).Append(" of ").Append(CurrencyAmounts.Format(row.Amount, row.Currency))
                .Append(", collecting invoice ").Append(row.InvoiceNumber).Append(" (Halo invoice ").Append(invoiceId).Append(") from GoCardless customer ")
                .Append(row.CustomerId).Append(", is ").Append(row.Status)
                .Append(row.StatusChangedAt is { } at ? " since " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : string.Empty)
                .AppendLine(".");
            if (row.FailureCause is not null || row.FailureDescription is not null)
            {
                text.Append("GoCardless says: ").Append(string.Join(": ", new[] { row.FailureCause, row.FailureDescription }.Where(s => !string.IsNullOrWhiteSpace(s)))).AppendLine(".");
            }

            return text
                .AppendLine("The invoice is unpaid again in Halo, and nothing more is charged for it automatically.")
                .AppendLine("What to do: contact the customer about the payment; when the cause is resolved (funds, bank details, a new mandate),")
                .Append("charge the invoice again with: New-GcPayment -InvoiceId ").Append(invoiceId).Append(" -Retry")
                .ToString();
        }

        /// <summary>
        /// Adds the ticket to an Unpaid <paramref name="result"/>: raised or found, its id and a sentence in the reason; or, when
        /// Halo could not be written, <see cref="SettlementResult.TicketErrorId"/> (the collection is then left unsettled).
        /// </summary>
        public async Task AttachAsync(SettlementResult result, CancellationToken cancellationToken)
        {
            if (result is null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            try
            {
                var (ticket, created) = await RaiseAsync(result.Collection, cancellationToken).ConfigureAwait(false);
                result.TicketId = ticket.Id;
                result.TicketCreated = created;
                result.Reason += created
                    ? $" Halo ticket {ticket.Id.ToString(CultureInfo.InvariantCulture)} was raised for it."
                    : $" Halo ticket {ticket.Id.ToString(CultureInfo.InvariantCulture)} was raised for it by an earlier run.";
            }
            catch (GcHaloException ex)
            {
                result.TicketErrorId = ex.ErrorId;
                result.Reason += $" The Halo ticket for it could not be raised: {ex.Message} The next Sync-GcPayment tries again (it looks for the ticket first, so it is raised once).";
            }
        }

        /// <summary>The failure's ticket: found by its key, else created (and read back when Halo's answer lacks the id).</summary>
        public async Task<(HaloTicket Ticket, bool Created)> RaiseAsync(UnsettledCollection row, CancellationToken cancellationToken)
        {
            if (row is null)
            {
                throw new ArgumentNullException(nameof(row));
            }

            var tickets = HaloTickets.Of(halo);
            HaloInvoice? invoice = null;
            await foreach (var read in HaloInvoices.Of(halo).GetInvoicesAsync(new HaloInvoiceQuery { InvoiceIds = new[] { row.InvoiceId } }, cancellationToken).ConfigureAwait(false))
            {
                invoice ??= read;
            }

            if (invoice is null)
            {
                throw new GcHaloException(ErrorIds.HaloNotFound, ErrorKind.NotFound, $"Invoice {row.InvoiceNumber} (id {row.InvoiceId.ToString(CultureInfo.InvariantCulture)}) is no longer in Halo, so its customer is not known.", row.InvoiceId);
            }

            if (await FindAsync(tickets, invoice.ClientId, row, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return (existing, false);
            }

            var created = await tickets.CreateTicketAsync(new HaloTicket
            {
                Summary = Summary(row),
                Details = Details(row),
                ClientId = invoice.ClientId,
                SiteId = invoice.SiteId > 0 ? invoice.SiteId : (int?)null,
                UserId = row.HaloUserId ?? (invoice.UserId > 0 ? invoice.UserId : (int?)null),
                TicketTypeId = TicketTypeId,
            }, cancellationToken).ConfigureAwait(false);
            return (created.Id > 0 ? created : await FindAsync(tickets, invoice.ClientId, row, cancellationToken).ConfigureAwait(false) ?? created, true);
        }

        private static async Task<HaloTicket?> FindAsync(IHaloTickets tickets, int clientId, UnsettledCollection row, CancellationToken cancellationToken)
        {
            var key = Key(row);
            return (await tickets.FindTicketsAsync(clientId, row.PaymentId, cancellationToken).ConfigureAwait(false))
                .Where(t => t.Summary.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0)
                .OrderBy(t => t.Id)
                .FirstOrDefault();
        }
    }
}
