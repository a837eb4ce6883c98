// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Mandates;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists GoCardless mandates with their status, next possible charge date, and the Halo user, customer and site.</para>
    /// <para type="description">Reads the mandates straight from GoCardless (never a stale copy) and Halo's linked users once. Without
    /// -CustomerId or -HaloUserId it lists the mandates of every GoCardless customer linked to a Halo user. NeedsAttention is true for a
    /// mandate that can no longer collect (failed, cancelled, expired, blocked, suspended_by_payer); -NeedsAttention lists only those.
    /// HaloUserId and CustomerId bind by property name, so Get-GcUser, Get-GcPayment and Sync-GcPayment's mandate changes pipe in.</para>
    /// <para type="link">Sync-GcPayment</para>
    /// <para type="link">Get-GcUser</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcMandate -NeedsAttention</code>
    /// <para>Every mandate of a linked customer that can no longer collect, with its Halo user and customer: ask those payers for a new mandate.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcUser -Client 'Acme*' | Get-GcMandate | Format-Table HaloUser, Status, NextPossibleChargeDate</code>
    /// <para>The mandates of the users of one Halo customer, and when each could next be charged.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Sync-GcPayment | Where-Object NeedsAttention | Get-GcMandate</code>
    /// <para>After a sync, the current state of the mandates whose status just moved to a failure.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcMandate")]
    [OutputType(typeof(GcMandate))]
    public sealed class GetGcMandateCommand : GcCmdlet
    {
        private GoCardlessClient? _client;
        private IHaloTarget? _target;
        private MandateListing? _listing;

        /// <summary>Only this GoCardless customer's mandates (CU…). Also by property name from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^CU[0-9A-Z]+$")]
        public string? CustomerId { get; set; }

        /// <summary>Only the mandates of the customer this Halo user is linked to. Also by property name from the pipeline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int? HaloUserId { get; set; }

        /// <summary>Only mandates in these statuses (GoCardless's names: active, cancelled, failed, expired, …).</summary>
        [Parameter]
        [ValidateSet(MandateStatus.PendingCustomerApproval, MandateStatus.PendingSubmission, MandateStatus.Submitted, MandateStatus.Active,
            MandateStatus.SuspendedByPayer, MandateStatus.Failed, MandateStatus.Cancelled, MandateStatus.Expired, MandateStatus.Consumed, MandateStatus.Blocked)]
        public string[]? Status { get; set; }

        /// <summary>Only mandates that can no longer collect: failed, cancelled, expired, blocked, suspended_by_payer.</summary>
        [Parameter]
        public SwitchParameter NeedsAttention { get; set; }

        protected override void Begin()
        {
            _client = Connections.CreateGoCardlessClient();
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            _listing = new MandateListing(_client, _target, Context.Settings.Halo.LinkField);
        }

        protected override void Process()
        {
            var query = new MandateQuery
            {
                CustomerId = CustomerId,
                HaloUserId = HaloUserId,
                Statuses = NeedsAttention ? MandateStatuses.FailureStatuses : Status,
            };
            try
            {
                foreach (var mandate in Stream(_listing!.ListAsync(query, CancellationToken)))
                {
                    WriteObject(MandateMapper.ToOutput(mandate));
                }
            }
            catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.HaloUserNotLinked)
            {
                WriteItemError(ex);
            }
        }

        protected override void DisposeResources()
        {
            _target?.Dispose();
            _client?.Dispose();
        }
    }
}
