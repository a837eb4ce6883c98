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
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>What settling one collection did to its Halo invoice.</summary>
    public enum SettlementAction
    {
        /// <summary>The payment collected: a payment was recorded against the invoice in Halo.</summary>
        MarkedPaid,

        /// <summary>It collected, and Halo already had the payment (an earlier run recorded it before it could note so).</summary>
        AlreadyMarkedPaid,

        /// <summary>The payment failed, was cancelled or charged back: the invoice is unpaid in Halo (a recorded payment removed).</summary>
        Unpaid,

        /// <summary>Halo could not be written; the next Sync-GcPayment tries again.</summary>
        Failed,

        /// <summary>The payment collected, but Halo refused to record it because the invoice is void there: reported once, nothing recorded.</summary>
        VoidedInHalo,
    }

    /// <summary>One invoice whose collection Sync-GcPayment settled into Halo.</summary>
    public sealed class SettlementResult
    {
        /// <summary>The collection settled.</summary>
        public UnsettledCollection Collection { get; set; } = new UnsettledCollection();

        /// <summary>What was done.</summary>
        public SettlementAction Action { get; set; }

        /// <summary>What happened, in words.</summary>
        public string Reason { get; set; } = string.Empty;

        /// <summary>For Failed: the ErrorId of the Halo error.</summary>
        public string? ErrorId { get; set; }

        /// <summary>The Halo ticket raised for a failed collection (collection.failureTicketTypeId), when one was.</summary>
        public int? TicketId { get; set; }

        /// <summary>True: this run created <see cref="TicketId"/>; false: an earlier run had (read back, not raised twice).</summary>
        public bool TicketCreated { get; set; }

        /// <summary>The ErrorId of a ticket that could not be raised; the collection is left unsettled and the next run tries again.</summary>
        public string? TicketErrorId { get; set; }
    }

    /// <summary>
    /// Brings Halo's invoices up to the state of the payments that collect them (issue 9): a payment that is paid out (or
    /// confirmed, when <see cref="CollectionSettlement.MarkPaidOnConfirmed"/>) is recorded against its invoice, with the
    /// GoCardless payment id as reference; one that failed, was cancelled or charged back leaves the invoice unpaid (a
    /// payment recorded earlier is removed), and the invoice is collectable again only with New-GcPayment -Retry. Driven by
    /// state, not by events: every collection whose payment status in the ledger differs from the status last settled
    /// (gch_collection.payment_status) is settled, and the settled status is written only after Halo was, so a run that
    /// fails part-way is finished by the next. Before recording, Halo is read back by reference: a retry after an unknown
    /// outcome never records a payment twice. Halo is contacted only when the invoice's paid/unpaid state changes. A settlement's audit line is journaled before its
    /// settled status is recorded (<see cref="AuditLog.Intend"/>), so a run killed before the line loses none: the next
    /// writing Sync-GcPayment logs it (<see cref="ReconcileInterruptedAuditAsync"/>, <see cref="ConfirmedCollections"/>).
    /// </summary>
    public sealed class CollectionSettlement
    {
        private static readonly string[] DidNotCollect = { "failed", "cancelled", "charged_back", "customer_approval_denied" };

        private readonly IHaloTarget halo;
        private readonly CollectionLedger ledger;
        private readonly AuditLog? audit;
        private readonly IClock clock;
        private readonly IEngineLog log;

        /// <summary>Settles the collections of <paramref name="ledger"/> into <paramref name="halo"/>.</summary>
        public CollectionSettlement(IHaloTarget halo, PaymentLedger ledger, AuditLog? audit = null, IClock? clock = null, IEngineLog? log = null)
        {
            this.halo = halo ?? throw new ArgumentNullException(nameof(halo));
            this.ledger = new CollectionLedger(ledger);
            this.audit = audit;
            this.clock = clock ?? SystemClock.Instance;
            this.log = log ?? NullEngineLog.Instance;
        }

        /// <summary>True: a confirmed payment already counts as paid (GoCardless has collected it; paid_out is when it reaches the account).</summary>
        public bool MarkPaidOnConfirmed { get; set; }

        /// <summary>When set, a collection that did not collect also gets a Halo ticket, exactly once (<c>collection.failureTicketTypeId</c>).</summary>
        public CollectionFailureTickets? FailureTickets { get; set; }

        /// <summary>Whether Halo should show the invoice paid while its payment has <paramref name="status"/>.</summary>
        public bool CountsAsPaid(string? status) => status == "paid_out" || (MarkPaidOnConfirmed && status == "confirmed");

        /// <summary>Test seam: runs after a collection's settled status is recorded, before its audit line (a kill in between).</summary>
        internal Func<UnsettledCollection, Task>? SettledRecorded { get; set; }

        /// <summary>
        /// Writes the lines of settlements (and charges and cancels) a killed run recorded in the ledger and never logged
        /// (<see cref="ConfirmedCollections.ReconcileAsync"/>). A writing Sync-GcPayment calls it first, holding the sync
        /// lock, before any stage journals an intent; a -WhatIf run never does.
        /// </summary>
        public Task ReconcileInterruptedAuditAsync(CancellationToken cancellationToken) =>
            ConfirmedCollections.ReconcileAsync(audit, ledger, log, cancellationToken);

        /// <summary>Settles every collection whose payment moved; one result per invoice whose Halo state changed (or failed to).</summary>
        public async IAsyncEnumerable<SettlementResult> SettleAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var unsettled = await ledger.LoadUnsettledAsync(cancellationToken).ConfigureAwait(false);
            if (unsettled.Count == 0)
            {
                yield break;
            }

            var invoices = HaloInvoices.Of(halo);
            foreach (var row in unsettled)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var paid = CountsAsPaid(row.Status);
                var unpaidNow = DidNotCollect.Contains(row.Status) && !DidNotCollect.Contains(row.SettledStatus);
                SettlementResult? result = null;
                if (paid != CountsAsPaid(row.SettledStatus) || unpaidNow)
                {
                    try
                    {
                        result = paid ? await MarkPaidAsync(invoices, row, cancellationToken).ConfigureAwait(false) : await MarkUnpaidAsync(invoices, row, cancellationToken).ConfigureAwait(false);
                    }
                    catch (GcHaloException ex)
                    {
                        // Left unsettled: the next run reads back and tries again.
                        log.Verbose($"Settling invoice {row.InvoiceNumber} failed: {ex.Message}");
                        result = new SettlementResult { Collection = row, Action = SettlementAction.Failed, ErrorId = ex.ErrorId, Reason = $"Halo could not be updated for payment {row.PaymentId} ({row.Status}): {ex.Message} The next Sync-GcPayment tries again." };
                    }
                }

                if (result is { Action: SettlementAction.Unpaid } && FailureTickets is not null && DidNotCollect.Contains(row.Status))
                {
                    await FailureTickets.AttachAsync(result, cancellationToken).ConfigureAwait(false);
                }

                // A ticket not yet raised keeps the collection unsettled: the next run raises it (after looking for it).
                var line = result is null ? null : Line(result);
                if (result?.Action != SettlementAction.Failed && result?.TicketErrorId is null)
                {
                    // Journaled before the settled status is recorded: a run killed before the line leaves the intent for
                    // the next writing Sync-GcPayment (ReconcileInterruptedAuditAsync), which logs it when the ledger holds
                    // that status; killed before the ledger write, the rerun settles the collection again and logs it.
                    if (line is not null)
                    {
                        audit?.Intend(ledger.Location, new[] { line });
                    }

                    await ledger.RecordSettledAsync(row, row.Status, clock.UtcNow, cancellationToken).ConfigureAwait(false);
                    if (SettledRecorded is not null)
                    {
                        await SettledRecorded(row).ConfigureAwait(false);
                    }
                }

                if (result is not null)
                {
                    audit?.WriteAll(new[] { line! });
                    audit?.Settle();
                    yield return result;
                }
            }
        }

        private async Task<SettlementResult> MarkPaidAsync(IHaloInvoices invoices, UnsettledCollection row, CancellationToken cancellationToken)
        {
            var amount = CurrencyAmounts.Format(row.Amount, row.Currency);
            if (await FindAsync(invoices, row, cancellationToken).ConfigureAwait(false) is not null)
            {
                return new SettlementResult { Collection = row, Action = SettlementAction.AlreadyMarkedPaid, Reason = $"Payment {row.PaymentId} ({amount}) is {row.Status}; Halo already records it against invoice {row.InvoiceNumber}." };
            }

            try
            {
                await invoices.RecordPaymentAsync(new HaloInvoicePayment
                {
                    InvoiceId = row.InvoiceId,
                    Amount = CurrencyAmounts.ToMajor(row.Amount, row.Currency),
                    Date = row.ChargeDate,
                    Reference = row.PaymentId,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (GcHaloException)
            {
                if (!await IsVoidAsync(invoices, row.InvoiceId, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                // Retrying cannot help (Halo refuses a payment against a void invoice, HALO-INVOICES.md §3): said once, settled.
                return new SettlementResult { Collection = row, Action = SettlementAction.VoidedInHalo, Reason = $"Payment {row.PaymentId} ({amount}) is {row.Status}, but invoice {row.InvoiceNumber} is void in Halo, which refuses to record it: refund the customer from the GoCardless dashboard, or reinstate the invoice and record the payment by hand." };
            }

            return new SettlementResult { Collection = row, Action = SettlementAction.MarkedPaid, Reason = $"Payment {row.PaymentId} ({amount}) is {row.Status}: recorded against invoice {row.InvoiceNumber} in Halo." };
        }

        private async Task<SettlementResult> MarkUnpaidAsync(IHaloInvoices invoices, UnsettledCollection row, CancellationToken cancellationToken)
        {
            var recorded = await FindAsync(invoices, row, cancellationToken).ConfigureAwait(false);
            if (recorded is not null)
            {
                await invoices.RemovePaymentAsync(recorded, cancellationToken).ConfigureAwait(false);
            }

            var what = DidNotCollect.Contains(row.Status)
                ? $"Payment {row.PaymentId} for invoice {row.InvoiceNumber} is {row.Status}: the invoice is unpaid in Halo{(recorded is null ? string.Empty : " again (the payment recorded for it was removed)")}. {row.NextStep}"
                : $"Payment {row.PaymentId} for invoice {row.InvoiceNumber} is {row.Status} again: the payment recorded in Halo was removed until it is paid out.";
            return new SettlementResult { Collection = row, Action = SettlementAction.Unpaid, Reason = what };
        }

        // Read only after Halo refused a payment: a by-id read of the invoice (the list may leave voided invoices out).
        private static async Task<bool> IsVoidAsync(IHaloInvoices invoices, int invoiceId, CancellationToken cancellationToken)
        {
            await foreach (var invoice in invoices.GetInvoicesAsync(new HaloInvoiceQuery { InvoiceIds = new[] { invoiceId } }, cancellationToken).ConfigureAwait(false))
            {
                return invoice.Voided;
            }

            return false;
        }

        private static async Task<HaloInvoicePayment?> FindAsync(IHaloInvoices invoices, UnsettledCollection row, CancellationToken cancellationToken) =>
            (await invoices.GetPaymentsAsync(row.InvoiceId, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(p => string.Equals(p.Reference, row.PaymentId, StringComparison.OrdinalIgnoreCase));

        // The line of one settlement, as journaled before the settled status is recorded and as written after.
        private static AuditChange Line(SettlementResult result) => new AuditChange(
            result.Action switch
            {
                SettlementAction.MarkedPaid or SettlementAction.AlreadyMarkedPaid => ConfirmedCollections.Paid,
                SettlementAction.Unpaid => ConfirmedCollections.Unpaid,
                SettlementAction.VoidedInHalo => ConfirmedCollections.PaidVoid,
                _ => "invoice.settle_failed",
            },
            CollectionAudit.InvoicePrefix + result.Collection.InvoiceId.ToString(CultureInfo.InvariantCulture),
            result.Collection.CustomerId,
            new Dictionary<string, string?> { ["paymentStatus"] = result.Collection.SettledStatus },
            new Dictionary<string, string?>
            {
                ["invoice"] = result.Collection.InvoiceNumber,
                ["payment"] = result.Collection.PaymentId,
                ["paymentStatus"] = result.Collection.Status,
                ["amount"] = CurrencyAmounts.Format(result.Collection.Amount, result.Collection.Currency),
                ["reason"] = result.Reason,
            });
    }
}
