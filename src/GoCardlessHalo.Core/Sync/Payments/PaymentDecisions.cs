// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>One ledger row to write: what it was (null when new), what it is, and the status change it makes, if any.</summary>
    internal sealed record PaymentWrite(PaymentRecord? Before, PaymentRecord After, PaymentChange? Change);

    /// <summary>
    /// The decide step of payment sync, pure: which observed payments the ledger keeps, and what to write for each.
    /// A new payment is inserted (a change with no old status), a payment whose stored values moved is updated (a
    /// change when its status moved), an identical one is left alone, so a rerun writes nothing. Payments of
    /// customers not linked to a Halo user are not kept.
    /// </summary>
    internal static class PaymentDecisions
    {
        /// <summary>
        /// The observed payments of linked customers as ledger rows (attributed to the user that owns the customer,
        /// text cut to the ledger's columns), by payment id; a later observation of one payment replaces an earlier one.
        /// </summary>
        public static Dictionary<string, (PaymentRecord Row, ObservedPayment Observed)> Rows(
            IEnumerable<ObservedPayment> observed,
            Func<string?, string?> customerOfMandate,
            LinkIndex links)
        {
            var rows = new Dictionary<string, (PaymentRecord, ObservedPayment)>(StringComparer.Ordinal);
            foreach (var observation in observed)
            {
                var payment = observation.Payment;
                var customer = customerOfMandate(payment?.MandateId);
                if (payment is not null && customer is not null && links.IsLinked(customer))
                {
                    rows[payment.Id] = (Row(payment, customer, links.UserOf(customer)), observation);
                }
            }

            return rows;
        }

        /// <summary>
        /// What to write for <paramref name="row"/> given the ledger's <paramref name="before"/>; null when nothing differs.
        /// <paramref name="now"/> is the status-change time of a change found without an event (reconciliation).
        /// </summary>
        public static PaymentWrite? Decide(PaymentRecord row, ObservedPayment observed, PaymentRecord? before, PaymentChangeOrigin origin, DashboardLinks dashboard, DateTimeOffset now)
        {
            var after = row with
            {
                SourceEventId = observed.NewestEventId ?? before?.SourceEventId,
                // A payment keeps the cause of its last failure, even once retried; a read without events keeps what is known (issue 11).
                FailureCause = LedgerRows.Cut(observed.Cause, LedgerRows.CauseLength) ?? before?.FailureCause,
                FailureDescription = LedgerRows.Cut(observed.CauseDescription, LedgerRows.DescriptionLength) ?? before?.FailureDescription,
                // The newest failure's word on GoCardless's own retry; a read without a failure event keeps what is known.
                WillAttemptRetry = observed.WillAttemptRetry ?? before?.WillAttemptRetry,
                // History read by a backfill has no change time; a change has its event's time.
                StatusChangedAt = before is not null && before.Status == row.Status ? before.StatusChangedAt
                    : before is null && observed.ChangedAt is null ? null
                    : observed.ChangedAt ?? now,
            };
            if (before is not null && before.SameStoredValues(after))
            {
                return null;
            }

            var change = before?.Status == after.Status ? null : new PaymentChange(after)
            {
                OldStatus = before?.Status,
                DashboardUrl = dashboard.Payment(after.PaymentId),
                Origin = origin,
                Actions = observed.Actions,
                Cause = observed.Cause,
            };
            return new PaymentWrite(before, after, change);
        }

        // The ledger keeps text cut to its columns; cutting here too lets an unchanged payment compare equal.
        internal static PaymentRecord Row(Payment payment, string customer, int? user)
        {
            var row = PaymentDetails.FromGoCardless(payment, customer, user, PaymentRecordSource.Ledger);
            return row with
            {
                Status = LedgerRows.Cut(row.Status, LedgerRows.StatusLength)!,
                Currency = LedgerRows.Cut(row.Currency, LedgerRows.CurrencyLength)!,
                Description = LedgerRows.Cut(row.Description, LedgerRows.DescriptionLength),
                Reference = LedgerRows.Cut(row.Reference, LedgerRows.ReferenceLength),
            };
        }
    }
}
