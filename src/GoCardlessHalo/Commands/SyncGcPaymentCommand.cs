// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Brings the payment ledger up to date with GoCardless and writes one object per payment status change.</para>
    /// <para type="description">The first run reads every payment of the customers linked to Halo users (mandates, then payments,
    /// 500 a page). Later runs read GoCardless's payment events since the last run, minus an overlap window, each event applied once.
    /// The ledger's watermark advances only in the transaction that stores the changes, so a failed run loses nothing and the
    /// next run picks up from where the last successful one ended. Field mappings with payment summary sources
    /// (payment.last_status, payment.last_charge_date, payment.last_amount, mandate.status) are written to the Halo users.</para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "GcPayment", SupportsShouldProcess = true)]
    [OutputType(typeof(GcPaymentChange))]
    public sealed class SyncGcPaymentCommand : GcCmdlet
    {
        private SyncRun? _run;
        private PaymentLedger? _ledger;

        /// <summary>How far before the last run's newest event to read again, because GoCardless creates events asynchronously (default 10 minutes).</summary>
        [Parameter]
        public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>How long to wait for another sync run on this configuration to finish (default 5 minutes).</summary>
        [Parameter]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

        protected override void End()
        {
            RequireEnabled();
            var description = Context.Settings.Halo.Target == Core.Halo.HaloTargetKind.Api
                ? "Sync payment statuses from GoCardless into the payment ledger beside the settings, and payment summaries into Halo users"
                : "Sync payment statuses from GoCardless into the module's tables in the Halo database, and payment summaries into Halo users";
            if (!ShouldProcess(Context.Location.SettingsPath, description))
            {
                return;
            }

            _run = SyncRun.Start(this, SyncKind.Payments, "Sync-GcPayment", LockTimeout);
            _ledger = Connections.OpenLedger(_run.Target);
            var linkField = Await(UserFieldResolver.ResolveLinkFieldAsync(_run.Target, Context.Settings.Halo.LinkField, CancellationToken));
            var options = new PaymentSyncOptions { LinkField = linkField, Mappings = Context.Settings.FieldMappings, OverlapWindow = OverlapWindow };
            var synchronizer = new PaymentSynchronizer(_run.GoCardless, _run.Target, _ledger, options, Log, _run.Audit);
            var count = 0;
            foreach (var change in Stream(synchronizer.SyncAsync(CancellationToken)))
            {
                WriteObject(Payments.ToOutput(change));
                if (++count % 500 == 0)
                {
                    WriteProgress(new ProgressRecord(2, "Syncing GoCardless payments", $"{count} payment changes stored"));
                }
            }

            WriteVerbose($"Payment sync finished: {synchronizer.LastRun}.");
            _run.Succeeded();
        }

        internal override void OnTerminatingError(GcHaloException exception) => _run?.Failed(exception);

        protected override void DisposeResources()
        {
            _ledger?.Dispose();
            _run?.Dispose();
        }
    }
}
