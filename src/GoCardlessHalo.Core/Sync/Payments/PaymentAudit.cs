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
    /// account stores a hundred thousand rows, and the page lines still say exactly which were written.
    /// </summary>
    internal sealed class PaymentAudit
    {
        private readonly AuditLog? log;

        public PaymentAudit(AuditLog? log)
        {
            this.log = log;
        }

        public void Payments(IReadOnlyList<PaymentWrite> writes, bool summariseAsPage)
        {
            if (log is null || writes.Count == 0)
            {
                return;
            }

            if (summariseAsPage)
            {
                log.Write("payment.backfill", "ledger", null, null, new Dictionary<string, string?>
                {
                    ["inserted"] = Count(writes.Count(w => w.Before is null)),
                    ["updated"] = Count(writes.Count(w => w.Before is not null)),
                    ["firstPaymentId"] = writes[0].After.PaymentId,
                    ["lastPaymentId"] = writes[writes.Count - 1].After.PaymentId,
                });
                return;
            }

            log.WriteAll(writes.Select(write => new AuditChange(
                write.Change is null ? "payment.updated" : "payment.status",
                "payment:" + write.After.PaymentId,
                write.After.CustomerId,
                write.Before is null ? null : Values(write.Before),
                Values(write.After))));
        }

        public void Mandates(IReadOnlyList<(MandateRow? Before, MandateRow After)> writes, bool summariseAsPage)
        {
            if (log is null || writes.Count == 0)
            {
                return;
            }

            if (summariseAsPage)
            {
                log.Write("mandate.backfill", "ledger", null, null, new Dictionary<string, string?> { ["stored"] = Count(writes.Count) });
                return;
            }

            log.WriteAll(writes.Select(w => new AuditChange("mandate.status", "mandate:" + w.After.MandateId, w.After.CustomerId, w.Before is null ? null : Status(w.Before.Status), Status(w.After.Status))));
        }

        public void Link(string customerId, int? before, int? after) =>
            log?.Write("customer.link", "customer:" + customerId, customerId, User(before), User(after));

        public void Watermark(DateTimeOffset? before, DateTimeOffset after) =>
            log?.Write("payment.watermark", "ledger", null, before is null ? null : Time(before.Value), Time(after));

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

        private static Dictionary<string, string?> Values(PaymentRecord row) => new Dictionary<string, string?>
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
