// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The payment sync's lines in the audit log (one JSON line per change; ids, statuses and amounts only).
    /// A full backfill writes one line per committed page rather than one per payment: the first sync of a large
    /// account stores a hundred thousand rows, and the page lines still say exactly which were written. The one home of
    /// each line's shape: the same functions build the intents journaled before a commit and the lines written after.
    /// </summary>
    internal sealed class PaymentAudit
    {
        /// <summary>The target of a line about the ledger as a whole (a page, the watermark).</summary>
        public const string Ledger = "ledger";

        public const string PaymentPrefix = "payment:";

        public const string MandatePrefix = "mandate:";

        public const string CustomerPrefix = "customer:";

        private readonly AuditLog? log;

        public PaymentAudit(AuditLog? log)
        {
            this.log = log;
        }

        /// <summary>
        /// Journals the lines of one ledger commit against the ledger at <paramref name="location"/> (its
        /// <c>PaymentLedger.Location</c>) before the commit: a run killed before <see cref="Written"/> leaves them for
        /// the next payment sync to check against the ledger (<see cref="ConfirmedLedgerChanges"/>).
        /// </summary>
        public void IntendLedger(string location, IReadOnlyList<AuditChange> lines)
        {
            if (lines.Count > 0)
            {
                log?.Intend(location, lines);
            }
        }

        /// <summary>Logs the lines of one committed ledger write, flushed once; this run's intents are then settled.</summary>
        public void Written(IReadOnlyList<AuditChange> lines)
        {
            if (lines.Count == 0)
            {
                return;
            }

            log?.WriteAll(lines);
            log?.Settle();
        }

        /// <summary>The lines of a batch of payment rows: one per row, or one page line (payment.backfill) when summarised.</summary>
        public static IEnumerable<AuditChange> Payments(IReadOnlyList<PaymentWrite> writes, bool summariseAsPage)
        {
            if (writes.Count == 0)
            {
                return Array.Empty<AuditChange>();
            }

            if (summariseAsPage)
            {
                return new[]
                {
                    new AuditChange("payment.backfill", Ledger, null, null, new Dictionary<string, string?>
                    {
                        ["inserted"] = Count(writes.Count(w => w.Before is null)),
                        ["updated"] = Count(writes.Count(w => w.Before is not null)),
                        ["firstPaymentId"] = writes[0].After.PaymentId,
                        ["lastPaymentId"] = writes[writes.Count - 1].After.PaymentId,
                    }),
                };
            }

            return writes.Select(write => new AuditChange(
                write.Change is null ? "payment.updated" : "payment.status",
                PaymentPrefix + write.After.PaymentId,
                write.After.CustomerId,
                write.Before is null ? null : Values(write.Before),
                Values(write.After))).ToList();
        }

        /// <summary>The lines of a batch of mandate rows: one per row, or one page line (mandate.backfill) when summarised.</summary>
        public static IEnumerable<AuditChange> Mandates(IReadOnlyList<(MandateRow? Before, MandateRow After)> writes, bool summariseAsPage)
        {
            if (writes.Count == 0)
            {
                return Array.Empty<AuditChange>();
            }

            if (summariseAsPage)
            {
                // lastMandateId names the page (several pages of a run may store as many mandates) and lets the next
                // run find it in the ledger, as lastPaymentId does for a payment page.
                return new[]
                {
                    new AuditChange("mandate.backfill", Ledger, null, null, new Dictionary<string, string?>
                    {
                        ["stored"] = Count(writes.Count),
                        ["lastMandateId"] = writes[writes.Count - 1].After.MandateId,
                    }),
                };
            }

            return writes.Select(w => new AuditChange("mandate.status", MandatePrefix + w.After.MandateId, w.After.CustomerId, w.Before is null ? null : Status(w.Before.Status), Status(w.After.Status))).ToList();
        }

        /// <summary>The line of a linked customer moved to another Halo user (or unlinked: after null).</summary>
        public static AuditChange Link(string customerId, int? before, int? after) =>
            new AuditChange("customer.link", CustomerPrefix + customerId, customerId, User(before), User(after));

        /// <summary>The line of the watermark moved forward.</summary>
        public static AuditChange Watermark(DateTimeOffset? before, DateTimeOffset after) =>
            new AuditChange("payment.watermark", Ledger, null, before is null ? null : Time(before.Value), Time(after));

        /// <summary>Journals the summaries of one batch about to be written to the Halo at <paramref name="location"/> (<see cref="AuditLog.Intend"/>).</summary>
        public void Intend(string location, IEnumerable<AuditChange> summaries) => log?.Intend(location, summaries);

        /// <summary>Logs the summaries of one batch written to Halo (<see cref="Summary"/> each), flushed once; their intents are then settled.</summary>
        public void Summaries(IEnumerable<AuditChange> written)
        {
            log?.WriteAll(written);
            log?.Settle();
        }

        /// <summary>The audit line of one payment summary written to a Halo user.</summary>
        public static AuditChange Summary(int userId, string customerId, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
            new AuditChange("user.payment_summary", AuditEntry.HaloUserPrefix + userId, customerId, before, after);

        internal static Dictionary<string, string?> Values(PaymentRecord row) => new Dictionary<string, string?>
        {
            ["status"] = row.Status,
            ["amount"] = row.FormattedAmount,
            ["chargeDate"] = row.ChargeDate is { } date ? IsoTime.Date(date) : null,
            ["haloUserId"] = row.HaloUserId?.ToString(CultureInfo.InvariantCulture),
            ["eventId"] = row.SourceEventId,
        };

        private static Dictionary<string, string?> Status(string status) => new Dictionary<string, string?> { ["status"] = status };

        private static Dictionary<string, string?>? User(int? id) =>
            id is null ? null : new Dictionary<string, string?> { ["haloUserId"] = id.Value.ToString(CultureInfo.InvariantCulture) };

        private static Dictionary<string, string?> Time(DateTimeOffset value) =>
            new Dictionary<string, string?> { ["watermark"] = IsoTime.Format(value) };

        private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
    }
}
