// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// New-GcPayment -CancelChanged (issue 9): cancels the payment of each invoice changed in Halo after it was charged
    /// (the plan's <see cref="CollectionSkipReason.ChangedAfterCollection"/>), only when the admin asks and only while
    /// GoCardless still allows it — before the payment is submitted to the banks
    /// (https://developer.gocardless.com/api-reference/#core-endpoints-payments, "Cancel a payment"). A cancelled payment is
    /// stored in the ledger at once (gch_payment status cancelled), so the planner treats the invoice like any collection
    /// that did not collect: Sync-GcPayment settles it (Halo unpaid; a payment recorded earlier removed) and only
    /// New-GcPayment -Retry charges the invoice again, at its new amount. A cancel whose answer was lost is read back by
    /// <see cref="GoCardlessClient.CancelPaymentAsync"/> before it is ever sent again.
    /// </summary>
    public sealed class CollectionCanceller
    {
        private readonly GoCardlessClient client;
        private readonly CollectionLedger ledger;
        private readonly IClock clock;
        private readonly IEngineLog log;
        private readonly AuditLog? audit;

        /// <summary>A canceller acting through <paramref name="client"/> and recording in <paramref name="ledger"/> (and <paramref name="audit"/>).</summary>
        public CollectionCanceller(GoCardlessClient client, PaymentLedger ledger, IClock? clock = null, IEngineLog? log = null, AuditLog? audit = null)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.ledger = new CollectionLedger(ledger);
            this.clock = clock ?? SystemClock.Instance;
            this.log = log ?? NullEngineLog.Instance;
            this.audit = audit;
        }

        /// <summary>
        /// Whether GoCardless can still cancel a payment in <paramref name="status"/>: only before submission to the banks
        /// (pending_submission; pending_customer_approval comes before it). A status the ledger has not learnt yet (null) is asked.
        /// </summary>
        public static bool StillCancellable(string? status) =>
            status is null or PaymentStatus.PendingSubmission or PaymentStatus.PendingCustomerApproval;

        /// <summary>What cancelling <paramref name="item"/> would do, for ShouldProcess and -WhatIf.</summary>
        public static string Describe(CollectionPlanItem item) => $"Cancel payment {item.ExistingPaymentId}: {item.Reason}";

        /// <summary>
        /// Cancels the payment of each changed invoice in <paramref name="plan"/> that <paramref name="approve"/> accepts (the
        /// cmdlet's ShouldProcess; -WhatIf accepts none) and is still cancellable; one result per changed invoice: Cancelled,
        /// Failed (CollectionCancelRefused, or the GoCardless error of a cancel whose answer did not arrive), or Skipped (not
        /// approved, or its payment is still being recorded).
        /// </summary>
        public async IAsyncEnumerable<CollectionResult> CancelChangedAsync(
            CollectionPlan plan, Func<CollectionPlanItem, bool> approve, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var changed = plan.Items.Where(i => i.Skip == CollectionSkipReason.ChangedAfterCollection && i.ExistingPaymentId is not null).ToList();
            if (changed.Count == 0)
            {
                yield break;
            }

            var rows = (await ledger.LoadAsync(cancellationToken).ConfigureAwait(false))
                .Where(r => r.PaymentId is not null)
                .GroupBy(r => r.PaymentId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            foreach (var item in changed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = rows[item.ExistingPaymentId!];
                if (!StillCancellable(row.PaymentStatus))
                {
                    yield return Refused(item, row, row.PaymentStatus!);
                }
                else if (approve(item))
                {
                    yield return await CancelAsync(item, row, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    yield return InvoiceCollector.Describe(item);
                }
            }
        }

        private async Task<CollectionResult> CancelAsync(CollectionPlanItem item, CollectionRow row, CancellationToken cancellationToken)
        {
            Payment payment;
            try
            {
                payment = await client.CancelPaymentAsync(row.PaymentId!, CollectionKeys.Metadata(row.InvoiceId, row.InvoiceNumber), cancellationToken).ConfigureAwait(false);
            }
            catch (GoCardlessApiException ex) when (ex.HttpStatus == 422)
            {
                // The client read it back: not cancelled, and GoCardless says it cannot be.
                return Refused(item, row, null);
            }
            catch (GcHaloException ex) when (ex.Kind is ErrorKind.ConnectionFailed or ErrorKind.Timeout or ErrorKind.Remote or ErrorKind.RateLimited)
            {
                var unknown = Result(item, row, CollectionAction.Failed,
                    $"GoCardless's answer to cancelling payment {row.PaymentId} did not arrive ({ex.Message}); it may or may not be cancelled. Run New-GcPayment -CancelChanged again: the payment is read back before it is cancelled again.");
                unknown.ErrorId = ex.ErrorId;
                CollectionAudit.Write(audit, "invoice.collection_cancel_unknown", row, row.PaymentId, unknown.Reason);
                return unknown;
            }

            var result = Result(item, row, CollectionAction.Cancelled,
                $"Payment {row.PaymentId} ({CurrencyAmounts.Format(row.Amount, row.Currency)}) is cancelled because the invoice {ChangeOf(item, row)}. Sync-GcPayment leaves the invoice unpaid in Halo; New-GcPayment -InvoiceId {row.InvoiceId.ToString(CultureInfo.InvariantCulture)} -Retry charges its amount due now.");

            // Journaled before the ledger write: a run killed before the line leaves the intent for the next New-GcPayment
            // (InvoiceCollector.ResolveInterruptedAsync reconciles it against gch_payment, ConfirmedCollections).
            var line = CollectionAudit.Line(ConfirmedCollections.Cancelled, row, row.PaymentId, result.Reason);
            audit?.Intend(ledger.Location, new[] { line });
            await ledger.RecordCancelledAsync(row, payment, client.Dashboard, clock, cancellationToken).ConfigureAwait(false);
            audit?.WriteAll(new[] { line });
            audit?.Settle();
            log.Verbose($"Collection: invoice {row.InvoiceNumber}: payment {row.PaymentId} cancelled.");
            return result;
        }

        private CollectionResult Refused(CollectionPlanItem item, CollectionRow row, string? status)
        {
            var result = Result(item, row, CollectionAction.Failed,
                $"Payment {row.PaymentId} ({CurrencyAmounts.Format(row.Amount, row.Currency)}{(status is null ? string.Empty : ", " + status)}) can no longer be cancelled: GoCardless has already submitted it to the banks, but the invoice {ChangeOf(item, row)}. Refund the payment, or the difference, from the GoCardless dashboard ({client.Dashboard.Payment(row.PaymentId!)}), or correct the invoice in Halo.");
            result.ErrorId = ErrorIds.CollectionCancelRefused;
            CollectionAudit.Write(audit, "invoice.collection_cancel_refused", row, row.PaymentId, result.Reason);
            return result;
        }

        // The planner's account of the change, e.g. "now totals 100.00 GBP (it totalled 120.00 GBP)".
        private static string ChangeOf(CollectionPlanItem item, CollectionRow row) =>
            CollectionPlanner.ChangeSince(item.Invoice, row.ToPrior()) ?? "changed in Halo";

        private static CollectionResult Result(CollectionPlanItem item, CollectionRow row, CollectionAction action, string reason)
        {
            var result = InvoiceCollector.Describe(item);
            result.Action = action;
            result.PaymentId = row.PaymentId;
            result.CustomerId = row.CustomerId;
            result.MandateId = row.MandateId;
            result.Amount = row.Amount;
            result.Currency = row.Currency;
            result.ChargeDate = row.ChargeDate;
            result.Reason = reason;
            return result;
        }
    }
}
