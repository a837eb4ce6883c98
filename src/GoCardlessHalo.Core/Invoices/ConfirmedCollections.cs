// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The one rule that tells, from the ledger as a writing New-GcPayment or Sync-GcPayment reads it before its first
    /// write, whether a collection change a killed run journaled (<see cref="AuditLog.Reconcile"/>) was recorded: a charge
    /// (invoice.collected) when gch_collection holds the attempt (invoice and Idempotency-Key) with the intended payment;
    /// a cancel (invoice.collection_cancelled) when gch_payment holds the payment as cancelled; a settlement
    /// (invoice.paid, invoice.unpaid, invoice.paid_void) when gch_collection's settled status of the payment is the status
    /// the intent settled. Mirrors <see cref="ConfirmedLedgerChanges"/>, which judges the payment sync's ledger lines.
    /// </summary>
    internal sealed class ConfirmedCollections
    {
        public const string Collected = "invoice.collected";
        public const string Cancelled = "invoice.collection_cancelled";
        public const string Paid = "invoice.paid";
        public const string Unpaid = "invoice.unpaid";
        public const string PaidVoid = "invoice.paid_void";

        private readonly IReadOnlyList<CollectionRow> rows;
        private readonly IReadOnlyDictionary<string, PaymentRecord> payments;
        private readonly IReadOnlyDictionary<string, string?> settled;

        private ConfirmedCollections(IReadOnlyList<CollectionRow> rows, IReadOnlyDictionary<string, PaymentRecord> payments, IReadOnlyDictionary<string, string?> settled)
        {
            this.rows = rows;
            this.payments = payments;
            this.settled = settled;
        }

        /// <summary>Whether an intent's action is a collection change this rule can judge.</summary>
        public static bool Judges(string action) => action is Collected or Cancelled || IsSettlement(action);

        /// <summary>
        /// Writes the audit lines of charges, cancels and settlements an earlier run recorded in the ledger and was stopped
        /// before logging, under that run's id, marked reconciledBy this run; intents the ledger does not hold are dropped
        /// (the run that makes the change logs it). The one place collection intents are reconciled: a writing
        /// New-GcPayment (<see cref="InvoiceCollector.ResolveInterruptedAsync"/>) and a writing Sync-GcPayment
        /// (<see cref="CollectionSettlement.ReconcileInterruptedAuditAsync"/>) call it holding the sync lock, before their
        /// first intent; a -WhatIf run never does.
        /// </summary>
        public static Task ReconcileAsync(AuditLog? audit, CollectionLedger ledger, IEngineLog log, CancellationToken cancellationToken) =>
            audit?.ReconcileAsync(
                ledger.Location,
                Judges,
                async (intended, token) => (await ReadAsync(ledger, intended, token).ConfigureAwait(false)).Confirm,
                log.Verbose,
                ConfirmedLedgerChanges.LineOf,
                cancellationToken) ?? Task.CompletedTask;

        /// <summary>Reads what the ledger holds of the <paramref name="intended"/> changes: the attempts, the cancelled payments by id, the settled statuses.</summary>
        public static async Task<ConfirmedCollections> ReadAsync(CollectionLedger ledger, IEnumerable<AuditChange> intended, CancellationToken cancellationToken)
        {
            var changes = intended.ToList();
            var cancelled = changes.Where(c => c.Action == Cancelled).Select(PaymentOf).OfType<string>().ToList();
            var rows = await ledger.LoadAsync(cancellationToken).ConfigureAwait(false);
            var payments = await ledger.FindPaymentsAsync(cancelled, cancellationToken).ConfigureAwait(false);
            var settled = changes.Any(c => IsSettlement(c.Action))
                ? await ledger.LoadSettledStatusesAsync(cancellationToken).ConfigureAwait(false)
                : new Dictionary<string, string?>();
            return new ConfirmedCollections(rows, payments, settled);
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

                // The settled status is written after Halo and before the line (CollectionSettlement): equal to the
                // intent's, that write was made; anything else, the rerun settles the collection and logs it itself.
                Paid or Unpaid or PaidVoid => intended.After!.TryGetValue("paymentStatus", out var status) && status is not null
                    && settled.TryGetValue(payment, out var settledStatus) && string.Equals(settledStatus, status, StringComparison.Ordinal),
                _ => false,
            };
            return done ? intended : null;
        }

        private static bool IsSettlement(string action) => action is Paid or Unpaid or PaidVoid;

        private static string? PaymentOf(AuditChange change) =>
            change.After is { } after && after.TryGetValue("payment", out var id) ? id : null;
    }
}
