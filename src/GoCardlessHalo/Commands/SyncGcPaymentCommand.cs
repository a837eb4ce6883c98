// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Output;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Brings the payment ledger up to date with GoCardless and writes one object per payment status change.</para>
    /// <para type="description">The first run reads every payment of the customers linked to Halo users (mandates, then payments,
    /// 500 a page). Later runs read GoCardless's payment and mandate events since the last run, minus an overlap window, each event
    /// applied once. Once a day (fixed, not a setting) the ledger's payments not in a final state are also read again by id, so a
    /// change whose event GoCardless listed later than the overlap window is not lost (its Origin is Reconciliation).
    /// The ledger's watermark advances only in the transaction that stores the changes, so a failed run loses nothing and the
    /// next run picks up from where the last successful one ended. Field mappings with payment summary sources
    /// (payment.last_status, payment.last_charge_date, payment.last_amount, mandate.status) are written to the Halo users.</para>
    /// <para type="description">The ledger is the module's own tables (gch_*) in the Halo database for SQL targets, or
    /// GoCardlessHalo.ledger.db beside the settings for the Halo API target (or the SQL Server database given to Enable-GcModule
    /// -LedgerConnectionString). Each change names the payment, the linked Halo user,
    /// the old and new status, the GoCardless event actions behind it and their cause (e.g. insufficient_funds). Sync-GcPayment
    /// refuses to run while the integration is disabled (ModuleDisabled), waits for any other sync run against the same
    /// Halo, from any configuration (-LockTimeout, SyncLockTimeout), and records the run for Get-GcModule and Test-GcModule.</para>
    /// <para type="description">Invoices collected by New-GcPayment follow their payments into Halo: paid when paid out (GcInvoiceSettlement,
    /// Action MarkedPaid), unpaid again when the payment fails, is cancelled or charged back (Action Unpaid, a warning). With
    /// collection.failureTicketTypeId in the settings, each such failure also raises one Halo ticket of that type for the invoice's
    /// customer (HaloTicketId), exactly once: Halo is searched for the ticket before it is created, and a ticket Halo could not take
    /// is raised by the next run.</para>
    /// <para type="link">Get-GcPayment</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Set-GcFieldMapping</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Sync-GcPayment</code>
    /// <para>Brings the ledger up to date and lists each payment whose status changed: PaymentId, CustomerId, OldStatus, NewStatus,
    /// Amount, Currency. Nothing is written when nothing changed since the last run.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Sync-GcPayment | Where-Object NewStatus -In 'failed', 'charged_back' | Select-Object PaymentId, CustomerId, NewStatus, Cause, DashboardUrl</code>
    /// <para>Only the payments that just failed or were charged back, with GoCardless's reason and the dashboard page of each.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Import-GcUser -ConfigPath C:\ProgramData\GoCardlessHalo | Out-Null
    /// PS&gt; Sync-GcPayment -ConfigPath C:\ProgramData\GoCardlessHalo -OverlapWindow (New-TimeSpan -Minutes 30)</code>
    /// <para>A scheduled run: import new customers first (their payments are read in full the first time they are linked), then
    /// sync payments, rereading the last 30 minutes of events in case GoCardless created some late.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Sync-GcPayment -WhatIf</code>
    /// <para>Says where the payments would be stored (the module's tables in the Halo database or in the ledger database, or the
    /// ledger file beside the settings) and contacts neither GoCardless nor Halo.</para>
    /// </example>
    [Cmdlet(VerbsData.Sync, "GcPayment", SupportsShouldProcess = true)]
    [OutputType(typeof(GcPaymentChange), typeof(GcMandateChange), typeof(GcInvoiceSettlement))]
    public sealed class SyncGcPaymentCommand : GcCmdlet
    {
        private SyncRun? _run;
        private PaymentLedger? _ledger;

        /// <summary>How far before the last run's newest event to read again, because GoCardless creates events asynchronously; events
        /// already applied are recognised and applied only once: seconds (600) or a TimeSpan ('00:10:00'); default 10 minutes.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>How long to wait for another sync run against the same Halo (from any configuration on this machine) to finish before giving up with ErrorId
        /// SyncLockTimeout: seconds (30) or a TimeSpan ('00:05:00'); default 5 minutes.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Also write the payments a backfill stored (the first sync, or a customer linked since): history, which by default is
        /// stored and counted but not written, so it is never taken for new failures.</summary>
        [Parameter]
        public SwitchParameter IncludeBackfill { get; set; }

        protected override void End()
        {
            RequireEnabled();
            var settings = Context.Settings;
            var ledger = Connections.Ledger.Describe();
            var cost = settings.Halo.Target == HaloTargetKind.Api ? " (" + PaymentSummaryWriter.DescribeCost(50) + ")" : string.Empty;
            if (!ShouldProcess(Context.Location.SettingsPath, $"Sync payment statuses from GoCardless into {ledger}, and payment summaries into Halo users{cost}"))
            {
                return;
            }

            ParameterChecks.NotNegative(LockTimeout, nameof(LockTimeout));
            _run = SyncRun.Start(this, SyncKind.Payments, "Sync-GcPayment", LockTimeout);
            _ledger = Connections.OpenLedger(_run.Target);
            var options = Await(PaymentSyncOptions.FromSettingsAsync(_run.Target, Context.Settings, CancellationToken));
            options.OverlapWindow = OverlapWindow;
            var settlement = NewSettlement();

            // Before any stage journals an intent: settlement lines a killed run never wrote (the payment sync reconciles its own).
            Await(settlement.ReconcileInterruptedAuditAsync(CancellationToken));
            var synchronizer = new PaymentSynchronizer(_run.GoCardless, _run.Target, _ledger, options, Log, _run.Audit);
            var count = 0;
            var history = 0;
            foreach (var change in Stream(synchronizer.SyncAsync(CancellationToken)))
            {
                // A backfill's rows are what GoCardless already had when the module started watching: history, not news (issue 11).
                if (change.Origin == PaymentChangeOrigin.Backfill && !IncludeBackfill)
                {
                    history++;
                }
                else
                {
                    WriteObject(PaymentMapper.ToOutput(change));
                }

                WriteMandateChanges(synchronizer);
                if (++count % 500 == 0)
                {
                    WriteProgress(new ProgressRecord(2, "Syncing GoCardless payments", $"{count} payment changes stored"));
                }
            }

            WriteMandateChanges(synchronizer);
            if (history > 0)
            {
                WriteVerbose($"{history} payment(s) read by a backfill were stored as history and not written (-IncludeBackfill writes them).");
            }

            WriteVerbose($"Payment sync finished: {synchronizer.LastRun}.");
            SettleCollections(settlement);
            _run.Succeeded(mandateFailures: synchronizer.MandateChanges.Failures);
        }

        // Mandate changes are committed with the payments around them; they follow the payment change they were stored with.
        private void WriteMandateChanges(PaymentSynchronizer synchronizer)
        {
            foreach (var change in synchronizer.MandateChanges.Drain())
            {
                WriteObject(MandateMapper.ToOutput(change));
            }
        }

        /// <summary>Invoices collected by New-GcPayment follow their payments into Halo: paid when paid out, unpaid when they fail.</summary>
        private void SettleCollections(CollectionSettlement settlement)
        {
            foreach (var result in Stream(settlement.SettleAsync(CancellationToken)))
            {
                if (result.Action == SettlementAction.Failed)
                {
                    WriteItemError(new GcHaloException(result.ErrorId ?? ErrorIds.HaloRequestFailed, ErrorIds.KindOf(result.ErrorId ?? ErrorIds.HaloRequestFailed) ?? ErrorKind.Remote, result.Reason, result.Collection.InvoiceId));
                }
                else if (result.Action is SettlementAction.Unpaid or SettlementAction.VoidedInHalo)
                {
                    WriteWarning(result.Reason);
                }

                if (result.TicketErrorId is { } ticketError)
                {
                    WriteItemError(new GcHaloException(ticketError, ErrorIds.KindOf(ticketError) ?? ErrorKind.Remote, result.Reason, result.Collection.InvoiceId));
                }

                WriteObject(CollectionMapper.ToOutput(result));
            }
        }

        private CollectionSettlement NewSettlement() => new CollectionSettlement(_run!.Target, _ledger!, _run.Audit, log: Log)
        {
            MarkPaidOnConfirmed = Context.Settings.Collection.MarkPaidOn == "confirmed",
            FailureTickets = CollectionFailureTickets.FromSettings(_run.Target, Context.Settings.Collection),
        };

        internal override void OnTerminatingError(GcHaloException exception) => _run?.Failed(exception);

        protected override void DisposeResources()
        {
            _ledger?.Dispose();
            _run?.Dispose();
        }
    }
}
