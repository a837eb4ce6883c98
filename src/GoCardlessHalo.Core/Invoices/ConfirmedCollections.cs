// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The one rule that tells, from the ledger as New-GcPayment reads it before its first charge, whether a collection
    /// change a killed run journaled (<see cref="AuditLog.Reconcile"/>) was recorded: a charge (invoice.collected) when
    /// gch_collection holds the attempt (invoice and Idempotency-Key) with the intended payment; a cancel
    /// (invoice.collection_cancelled) when gch_payment holds the payment as cancelled. Mirrors
    /// <see cref="ConfirmedLedgerChanges"/>, which judges the payment sync's ledger lines.
    /// </summary>
    internal sealed class ConfirmedCollections
    {
        public const string Collected = "invoice.collected";
        public const string Cancelled = "invoice.collection_cancelled";

        private readonly IReadOnlyList<CollectionRow> rows;
        private readonly IReadOnlyDictionary<string, PaymentRecord> payments;

        private ConfirmedCollections(IReadOnlyList<CollectionRow> rows, IReadOnlyDictionary<string, PaymentRecord> payments)
        {
            this.rows = rows;
            this.payments = payments;
        }

        /// <summary>Whether an intent's action is a collection change this rule can judge.</summary>
        public static bool Judges(string action) => action is Collected or Cancelled;

        /// <summary>Reads what the ledger holds of the <paramref name="intended"/> changes: the attempts, and the cancelled payments by id.</summary>
        public static async Task<ConfirmedCollections> ReadAsync(CollectionLedger ledger, IEnumerable<AuditChange> intended, CancellationToken cancellationToken)
        {
            var cancelled = intended.Where(c => c.Action == Cancelled).Select(PaymentOf).OfType<string>().ToList();
            var rows = await ledger.LoadAsync(cancellationToken).ConfigureAwait(false);
            var payments = await ledger.FindPaymentsAsync(cancelled, cancellationToken).ConfigureAwait(false);
            return new ConfirmedCollections(rows, payments);
        }

        /// <summary>The intended change when the ledger holds it, else null (it was not recorded).</summary>
        public AuditChange? Confirm(AuditChange intended)
        {
            var payment = PaymentOf(intended);
            var done = payment is not null && intended.Action switch
            {
                Collected => intended.After!.TryGetValue("idempotencyKey", out var key)
                    && rows.Any(r => CollectionAudit.InvoicePrefix + r.InvoiceId.ToString(CultureInfo.InvariantCulture) == intended.Target
                        && string.Equals(r.IdempotencyKey, key, StringComparison.Ordinal)
                        && string.Equals(r.PaymentId, payment, StringComparison.Ordinal)),
                Cancelled => payments.TryGetValue(payment, out var row) && row.Status == PaymentStatus.Cancelled,
                _ => false,
            };
            return done ? intended : null;
        }

        private static string? PaymentOf(AuditChange change) =>
            change.After is { } after && after.TryGetValue("payment", out var id) ? id : null;
    }
}
