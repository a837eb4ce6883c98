// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>One ledger row written: what it was (null when new), what it is, and the status change it makes, if any.</summary>
    internal sealed record PaymentWrite(PaymentRecord? Before, PaymentRecord After, PaymentChange? Change);

    /// <summary>
    /// Compares observed payments with their ledger rows inside a transaction and writes only what differs:
    /// a new payment is inserted (a change with no old status), a payment whose stored values moved is updated (a
    /// change when its status moved), an identical one is left alone, so a rerun writes nothing. Payments of
    /// customers not linked to a Halo user are not stored.
    /// </summary>
    internal static class PaymentApplier
    {
        public static async Task<IReadOnlyList<PaymentWrite>> StoreAsync(
            LedgerWriter writer,
            IEnumerable<PaymentObservation> observations,
            PaymentSyncRun run,
            PaymentChangeOrigin origin,
            CancellationToken cancellationToken)
        {
            var rows = new Dictionary<string, (PaymentRecord Row, PaymentObservation Observation)>(StringComparer.Ordinal);
            foreach (var observation in observations)
            {
                if (ToRow(observation, run) is { } row)
                {
                    rows[row.PaymentId] = (row, observation);
                }
            }

            if (rows.Count == 0)
            {
                return Array.Empty<PaymentWrite>();
            }

            var stored = await writer.FindPaymentsAsync(rows.Keys, cancellationToken).ConfigureAwait(false);
            var writes = new List<PaymentWrite>();
            foreach (var (row, observation) in rows.Values)
            {
                stored.TryGetValue(row.PaymentId, out var before);
                var after = row with
                {
                    SourceEventId = observation.NewestEventId ?? before?.SourceEventId,
                    // A payment keeps the cause of its last failure, even once retried; a read without events (reconciliation) keeps what is known.
                    FailureCause = LedgerRows.Cut(observation.Cause, LedgerRows.CauseLength) ?? before?.FailureCause,
                    FailureDescription = LedgerRows.Cut(observation.CauseDescription, LedgerRows.DescriptionLength) ?? before?.FailureDescription,
                    StatusChangedAt = before is not null && before.Status == row.Status ? before.StatusChangedAt
                        : before is null && observation.ChangedAt is null ? null
                        : observation.ChangedAt ?? writer.Now,
                };
                if (before is null)
                {
                    await writer.InsertPaymentAsync(after, cancellationToken).ConfigureAwait(false);
                }
                else if (!before.SameStoredValues(after))
                {
                    await writer.UpdatePaymentAsync(after, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    continue;
                }

                var change = before?.Status == after.Status ? null : Change(after, before?.Status, observation, origin, run.Dashboard);
                writes.Add(new PaymentWrite(before, after with { LedgerUpdatedAt = writer.Now }, change));
            }

            return writes;
        }

        private static PaymentRecord? ToRow(PaymentObservation observation, PaymentSyncRun run)
        {
            var payment = observation.Payment;
            var customer = run.Mandates.CustomerOf(payment?.MandateId);
            if (payment is null || customer is null || !run.Links.IsLinked(customer))
            {
                return null;
            }

            // The ledger keeps text cut to its columns; cutting here too lets an unchanged payment compare equal.
            var row = PaymentDetails.FromGoCardless(payment, customer, run.Links.UserOf(customer), PaymentRecordSource.Ledger);
            return row with
            {
                Status = LedgerRows.Cut(row.Status, LedgerRows.StatusLength)!,
                Currency = LedgerRows.Cut(row.Currency, LedgerRows.CurrencyLength)!,
                Description = LedgerRows.Cut(row.Description, LedgerRows.DescriptionLength),
                Reference = LedgerRows.Cut(row.Reference, LedgerRows.ReferenceLength),
            };
        }

        private static PaymentChange Change(PaymentRecord row, string? oldStatus, PaymentObservation observation, PaymentChangeOrigin origin, DashboardLinks dashboard) =>
            new PaymentChange(row)
            {
                OldStatus = oldStatus,
                DashboardUrl = dashboard.Payment(row.PaymentId),
                Origin = origin,
                Actions = observation.Actions,
                Cause = observation.Cause,
            };
    }
}
