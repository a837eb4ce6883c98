// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Charges Halo invoices by direct debit: one GoCardless payment per invoice, never two.</para>
    /// <para type="description">Plans the invoices in scope exactly as Get-GcCollectionPlan does (piped from it, -InvoiceId,
    /// -ClientId, -DueBefore, or every posted invoice) and creates a GoCardless payment for each collectable one: the amount due,
    /// in the invoice's currency, on the plan's charge date, under the mandate the plan chose. The payment's description and
    /// metadata (halo_invoice_id, halo_invoice_number) trace it back to Halo. One result per invoice: Action Created,
    /// AlreadyCollected, Skipped (SkipReason and Reason say why) or Failed (also a non-terminating error: CollectionRefused when
    /// GoCardless refused and nothing was charged, CollectionOutcomeUnknown when its answer did not arrive).</para>
    /// <para type="description">Nothing is charged twice. Each charge is written to the module's ledger with its Idempotency-Key
    /// (gch-invoice-&lt;id&gt;-attempt-&lt;n&gt;) before the payment is created, and completed with the payment id after; a run
    /// killed in between is completed at the start of the next run by sending the same key again, which GoCardless answers with the
    /// payment it already created. A plan piped in is held to: an invoice it skipped, or whose amount due has changed since, is not
    /// charged (DiffersFromPlan). An invoice whose payment failed, was cancelled or charged back is charged again only with -Retry.
    /// A run whose total would exceed -MaximumRunTotal stops before charging anything (CollectionRunTotalExceeded).</para>
    /// <para type="description">An invoice changed in Halo after its payment was created (amount edited, voided, credited, or
    /// less due because another payment or credit was allocated to it) is reported as Skipped, ChangedAfterCollection, naming the
    /// payment, the amount it collects and the invoice's amount now; nothing is cancelled unless -CancelChanged is given. With
    /// -CancelChanged each such payment is cancelled in GoCardless while it still can be (before GoCardless submits it to the banks):
    /// Action Cancelled, recorded in the ledger, so Sync-GcPayment leaves the invoice unpaid in Halo and -Retry charges its new
    /// amount; a payment already submitted is Failed with CollectionCancelRefused (refund it from the GoCardless dashboard
    /// instead). A cancel whose answer is lost is read back before it is sent again.</para>
    /// <para type="description">-WhatIf lists each payment it would create and contacts GoCardless only to plan. New-GcPayment
    /// refuses to run while the integration is disabled (ModuleDisabled), waits for any other sync run against the same Halo
    /// (-LockTimeout), and appends each charge to the audit log (invoice.collected, invoice.collection_refused,
    /// invoice.collection_unknown, invoice.collection_cancelled, invoice.collection_cancel_refused, invoice.collection_cancel_unknown).</para>
    /// <para type="link">Get-GcCollectionPlan</para>
    /// <para type="link">Sync-GcPayment</para>
    /// <para type="link">Get-GcPayment</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcCollectionPlan -DueBefore (Get-Date).AddDays(7) | New-GcPayment -WhatIf</code>
    /// <para>Lists each payment the plan would create ("What if: Performing the operation "Charge 120.00 GBP on 2026-12-10 under
    /// mandate MD…" on target "Halo invoice INV-1042 (Acme Ltd)"") and charges nothing.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCollectionPlan | Where-Object Collectable | New-GcPayment -MaximumRunTotal 50000</code>
    /// <para>Charges every collectable invoice, unless together they come to more than 50,000 in any currency, in which case nothing
    /// is charged.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; New-GcPayment -InvoiceId 1042 -Retry</code>
    /// <para>Charges invoice 1042 again after its payment failed (attempt 2, a new Idempotency-Key).</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; New-GcPayment -CancelChanged -WhatIf</code>
    /// <para>Lists the payments of invoices changed in Halo since they were charged that -CancelChanged would cancel, and cancels
    /// nothing; without -WhatIf they are cancelled, then Sync-GcPayment and New-GcPayment -Retry charge the new amounts.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "GcPayment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GcCollectionResult))]
    public sealed class NewGcPaymentCommand : CollectionScopeCmdlet
    {
        private readonly Dictionary<int, PlannedCharge> _reviewed = new Dictionary<int, PlannedCharge>();
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        private SyncRun? _run;
        private PaymentLedger? _ledger;

        /// <summary>Charge again invoices whose earlier payment failed, was cancelled or charged back (the next attempt, a new Idempotency-Key);
        /// never one whose payment GoCardless will retry itself (GoCardlessRetrying), read again from GoCardless just before charging.</summary>
        [Parameter]
        public SwitchParameter Retry { get; set; }

        /// <summary>Cancel the GoCardless payment of each invoice changed in Halo since it was charged (amount edited, voided, credited),
        /// while GoCardless still allows it (before submission to the banks); without it such invoices are only reported (Skipped,
        /// ChangedAfterCollection). A payment already submitted fails with CollectionCancelRefused.</summary>
        [Parameter]
        public SwitchParameter CancelChanged { get; set; }

        /// <summary>The most this run may charge per currency (major units); a plan over it charges nothing (CollectionRunTotalExceeded).</summary>
        [Parameter]
        [ValidateRange(0, double.MaxValue)]
        public decimal? MaximumRunTotal { get; set; }

        /// <summary>How long to wait for another sync run against the same Halo to finish before giving up with ErrorId SyncLockTimeout:
        /// seconds (30) or a TimeSpan ('00:05:00'); default 5 minutes.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>From Get-GcCollectionPlan's output: whether that plan charges the invoice (an invoice it skipped is not charged).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public bool? Collectable { get; set; }

        /// <summary>From Get-GcCollectionPlan's output: the amount that plan showed (a different amount due now is not charged).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public decimal? Amount { get; set; }

        protected override void Process()
        {
            base.Process();
            if (Collectable is { } collectable)
            {
                foreach (var id in InvoiceId)
                {
                    _reviewed[id] = new PlannedCharge { InvoiceId = id, Collectable = collectable, Amount = Amount };
                }
            }
        }

        protected override void End()
        {
            ParameterChecks.NotNegative(LockTimeout, nameof(LockTimeout));
            var whatIf = WhatIfRequested();
            _run = SyncRun.Start(this, SyncKind.Payments, "New-GcPayment", LockTimeout, recordsOutcome: false);
            // -WhatIf never creates the ledger file; a real run needs it before the first charge.
            _ledger = whatIf ? Connections.OpenLedgerToRead() : Connections.OpenLedger(_run.Target);
            var collector = _ledger is null ? null : new InvoiceCollector(_run.GoCardless, _ledger, log: Log, audit: _run.Audit) { RetryIfPossible = Context.Settings.Collection.RetryIfPossible };
            var reported = new HashSet<int>();
            if (!whatIf && collector is not null)
            {
                // Charges an earlier run left half done are completed first (same Idempotency-Key), so nothing is planned twice.
                foreach (var result in Stream(collector.ResolveInterruptedAsync(CancellationToken)))
                {
                    reported.Add(result.InvoiceId);
                    Emit(result);
                }
            }

            var plan = Await(CollectionPlanning.PlanAsync(_run.Target, _run.GoCardless, _ledger, Query(), Options(Retry.IsPresent, MaximumRunTotal ?? Context.Settings.Collection.MaximumRunTotal), Context.Settings.Halo.LinkField, Log, CancellationToken));
            PlannedCharges.HoldTo(plan, _reviewed);
            InvoiceCollector.EnsureWithinRunTotal(plan);
            if (CancelChanged.IsPresent && _ledger is not null)
            {
                var canceller = new CollectionCanceller(_run.GoCardless, _ledger, log: Log, audit: _run.Audit);
                foreach (var result in Stream(canceller.CancelChangedAsync(plan, i => ShouldProcess($"Halo invoice {i.Invoice.InvoiceNumber} ({i.Invoice.ClientName})", CollectionCanceller.Describe(i)), CancellationToken)))
                {
                    reported.Add(result.InvoiceId);
                    Emit(result);
                }
            }

            var approved = new HashSet<int>(plan.Collectable.Where(Approve).Select(i => i.Invoice.Id));
            var results = collector is null || approved.Count == 0
                ? plan.Items.Where(i => !i.Collectable).Select(InvoiceCollector.Describe)
                : Stream(collector.CollectAsync(plan, i => approved.Contains(i.Invoice.Id), CancellationToken));
            foreach (var result in results.Where(r => !reported.Contains(r.InvoiceId)))
            {
                Emit(result);
            }

            WriteVerbose($"New-GcPayment: {(_counts.Count == 0 ? "no invoices in scope" : string.Join(", ", _counts.Select(c => $"{c.Value} {c.Key}")))}.");
        }

        private bool Approve(CollectionPlanItem item) => ShouldProcess(
            $"Halo invoice {item.Invoice.InvoiceNumber} ({item.Invoice.ClientName})",
            $"Charge {CurrencyAmounts.Format(item.Amount!.Value, item.Currency)} on {item.ChargeDate:yyyy-MM-dd} under mandate {item.Payer!.MandateId} of {item.Payer.CustomerId} ({item.Payer.UserName}), Idempotency-Key {item.IdempotencyKey}");

        private void Emit(CollectionResult result)
        {
            var action = result.Action.ToString();
            _counts[action] = _counts.TryGetValue(action, out var count) ? count + 1 : 1;
            if (result.Action == CollectionAction.Failed && result.ErrorId is { } errorId)
            {
                WriteItemError(new GcHaloException(errorId, ErrorIds.KindOf(errorId) ?? ErrorKind.Remote,
                    $"Collecting Halo invoice {result.InvoiceNumber} (id {result.InvoiceId}) failed: {result.Reason}", result.InvoiceId));
            }

            WriteObject(CollectionMapper.ToOutput(result));
            var done = _counts.Values.Sum();
            if (done % 25 == 0)
            {
                WriteProgress(new ProgressRecord(3, "Collecting Halo invoices", $"{done} invoices: " + string.Join(", ", _counts.Select(c => $"{c.Value} {c.Key}"))));
            }
        }

        protected override void DisposeResources()
        {
            _ledger?.Dispose();
            _run?.Dispose();
        }
    }
}
