// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The one rule that tells, from the payment ledger as read at the start of a payment sync, whether an intended
    /// ledger change (an <see cref="AuditIntent"/> a run killed between its commit and its lines left,
    /// <see cref="AuditLog.Reconcile"/>) was committed: a payment line when gch_payment holds the row with every
    /// intended after-value; a mandate status when gch_mandate holds the status; a link when gch_customer records the
    /// customer for the intended user (or no longer records it, for an unlink); the watermark when the stored one is at
    /// least the intended; a backfill page when the page's last row exists. A row changed again since (by a later run)
    /// is not confirmed: the line of what the ledger now holds is that later run's. Mirrors
    /// <see cref="ConfirmedUserChanges"/>, which judges the Halo user lines.
    /// </summary>
    internal sealed class ConfirmedLedgerChanges
    {
        private readonly IReadOnlyDictionary<string, PaymentRecord> payments;
        private readonly IReadOnlyDictionary<string, MandateRow> mandates;
        private readonly IReadOnlyDictionary<string, int> customers;
        private readonly DateTimeOffset? watermark;

        private ConfirmedLedgerChanges(IReadOnlyDictionary<string, PaymentRecord> payments, IReadOnlyDictionary<string, MandateRow> mandates, IReadOnlyDictionary<string, int> customers, DateTimeOffset? watermark)
        {
            this.payments = payments;
            this.mandates = mandates;
            this.customers = customers;
            this.watermark = watermark;
        }

        /// <summary>Whether an intent's action is a ledger change this rule can judge (the lines of <see cref="PaymentAudit"/> about the ledger).</summary>
        public static bool Judges(string action) => action switch
        {
            "payment.status" or "payment.updated" or "payment.backfill" or "mandate.status" or "mandate.backfill" or "customer.link" or "payment.watermark" => true,
            _ => false,
        };

        /// <summary>
        /// Which line of its run an intent is, beside its action (<see cref="AuditLog.Reconcile"/>): its target and
        /// after-values. A run writes many lines per customer (one per payment) and several page lines, all "ledger".
        /// </summary>
        public static string LineOf(AuditChange change) =>
            change.Target + "|" + string.Join("|", (change.After ?? new Dictionary<string, string?>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

        /// <summary>Reads what the ledger holds of the <paramref name="intended"/> changes (payments by id, batched).</summary>
        public static async Task<ConfirmedLedgerChanges> ReadAsync(PaymentLedger ledger, IEnumerable<AuditChange> intended, CancellationToken cancellationToken)
        {
            var paymentIds = new List<string>();
            foreach (var change in intended)
            {
                if (PaymentIdOf(change) is { } id)
                {
                    paymentIds.Add(id);
                }
            }

            var payments = await ledger.FindPaymentsAsync(paymentIds, cancellationToken).ConfigureAwait(false);
            var mandates = await ledger.LoadMandatesAsync(cancellationToken).ConfigureAwait(false);
            var customers = await ledger.LoadCustomersAsync(cancellationToken).ConfigureAwait(false);
            var watermark = await ledger.GetWatermarkAsync(cancellationToken).ConfigureAwait(false);
            return new ConfirmedLedgerChanges(payments, mandates, customers, watermark);
        }

        /// <summary>The intended change when the ledger holds it, else null (it was not committed).</summary>
        public AuditChange? Confirm(AuditChange intended)
        {
            var after = intended.After ?? new Dictionary<string, string?>();
            var done = intended.Action switch
            {
                "payment.status" or "payment.updated" => PaymentIdOf(intended) is { } id && payments.TryGetValue(id, out var row)
                    && HoldsAll(PaymentAudit.Values(row), after),
                "payment.backfill" => PaymentIdOf(intended) is { } last && payments.ContainsKey(last),
                "mandate.status" => mandates.TryGetValue(Suffix(intended.Target, PaymentAudit.MandatePrefix), out var mandate)
                    && after.TryGetValue("status", out var status) && string.Equals(mandate.Status, status, StringComparison.Ordinal),
                "mandate.backfill" => after.TryGetValue("lastMandateId", out var lastMandate) && lastMandate is not null && mandates.ContainsKey(lastMandate),
                "customer.link" => LinkHeld(intended.CustomerId, after),
                "payment.watermark" => after.TryGetValue("watermark", out var text) && Instant(text) is { } intendedWatermark
                    && watermark is { } stored && stored >= intendedWatermark,
                _ => false,
            };
            return done ? intended : null;
        }

        // A payment line's payment: its target, or the last row of a page.
        private static string? PaymentIdOf(AuditChange change) => change.Action switch
        {
            "payment.status" or "payment.updated" => Suffix(change.Target, PaymentAudit.PaymentPrefix),
            "payment.backfill" => change.After is { } after && after.TryGetValue("lastPaymentId", out var last) ? last : null,
            _ => null,
        };

        private bool LinkHeld(string? customerId, IReadOnlyDictionary<string, string?> after)
        {
            if (customerId is null)
            {
                return false;
            }

            var recorded = customers.TryGetValue(customerId, out var user) ? user.ToString(CultureInfo.InvariantCulture) : null;
            after.TryGetValue("haloUserId", out var intended);
            return string.Equals(recorded, intended, StringComparison.Ordinal);
        }

        private static bool HoldsAll(IReadOnlyDictionary<string, string?> held, IReadOnlyDictionary<string, string?> intended) =>
            intended.All(pair => held.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

        private static string Suffix(string target, string prefix) =>
            target.StartsWith(prefix, StringComparison.Ordinal) ? target.Substring(prefix.Length) : string.Empty;

        private static DateTimeOffset? Instant(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : (DateTimeOffset?)null;
    }
}
