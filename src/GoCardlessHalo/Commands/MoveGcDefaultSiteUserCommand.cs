// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Sync.Inbox;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Moves linked users out of the Default Site to the Halo customer (or override site) they now match.</para>
    /// <para type="description">For each user (from Get-GcDefaultSiteUser, -HaloUserId, or, when none is given, every linked user in
    /// the Default Site) the user and its GoCardless customer are read again and placed by the import's rule (placement override,
    /// exact name, normalised name). A user that matches is moved to the customer's invoice site (or the override's site). The user
    /// is read once more just before the write: a user no longer in the Default Site (an agent moved it), or now linked to another
    /// customer, is never moved (Action Skipped, with the reason). Users that still match nothing stay (Skipped). -WhatIf shows each
    /// move; every move is written to the audit log (user.moved-from-default-site) under the run lock.</para>
    /// <para type="link">Get-GcDefaultSiteUser</para>
    /// <para type="link">Set-GcPlacementOverride</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcDefaultSiteUser | Where-Object CanMove | Move-GcDefaultSiteUser</code>
    /// <para>Moves every user that now matches a Halo customer; one result per user (Moved or Skipped).</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Move-GcDefaultSiteUser -HaloUserId 1042 -WhatIf</code>
    /// <para>"What if: ... Move from the Default Site to Orchard Bakery Ltd / Bakehouse (matched by Exact)"; nothing is written.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Move, "GcDefaultSiteUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GcDefaultSiteMove))]
    public sealed class MoveGcDefaultSiteUserCommand : GcCmdlet
    {
        private SyncRun? _run;
        private DefaultSiteInbox? _inbox;
        private bool _given;

        /// <summary>The Halo user to move (HaloUserId from Get-GcDefaultSiteUser or Get-GcUser), also by property name. Default: every
        /// linked user in the Default Site.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int[] HaloUserId { get; set; } = new int[0];

        /// <summary>How company names are compared, as for Import-GcUser; default: the matchMode setting.</summary>
        [Parameter]
        public GcMatchMode? MatchMode { get; set; }

        /// <summary>How long to wait for another sync run against the same Halo: seconds (30) or a TimeSpan; default 1 minute.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(1);

        protected override void Begin()
        {
            ParameterChecks.NotNegative(LockTimeout, nameof(LockTimeout));
            // Under the run lock, so a move never races a scheduled import; not recorded as an import.
            _run = SyncRun.Start(this, SyncKind.Import, MyInvocation.MyCommand.Name, LockTimeout, recordsOutcome: false);
            _inbox = new DefaultSiteInbox(_run.Target, _run.GoCardless.GetCustomerAsync, ImportOptions.FromSettings(Context.Settings, ImportResultMapper.ToEngine(MatchMode)), _run.Audit);
            Await(_inbox.PrepareAsync(CancellationToken));
        }

        protected override void Process()
        {
            foreach (var id in HaloUserId)
            {
                _given = true;
                var planned = Await(_inbox!.PlanMoveAsync(id, CancellationToken));
                if (planned is null)
                {
                    WriteItemError(new GcHaloException(ErrorIds.HaloUserNotFound, ErrorKind.NotFound, $"No active Halo user has id {id}. Get-GcDefaultSiteUser lists the users in the Default Site.", id));
                    continue;
                }

                Move(planned);
            }
        }

        protected override void End()
        {
            if (_given || MyInvocation.ExpectingInput)
            {
                return;
            }

            // No user named: every linked user in the Default Site (listed first, then each read again as it is moved).
            var listed = Stream(_inbox!.ListAsync(CancellationToken)).Where(u => u.CanMove).Select(u => u.User.Id).ToList();
            foreach (var id in listed)
            {
                var planned = Await(_inbox.PlanMoveAsync(id, CancellationToken));
                if (planned is not null)
                {
                    Move(planned);
                }
            }
        }

        private void Move(DefaultSiteUser planned)
        {
            if (planned.CanMove && !ShouldProcess($"Halo user {planned.User.Id} ('{planned.User.Name}', GoCardless customer {planned.CustomerId})", planned.Describe()))
            {
                return;
            }

            var outcome = Await(_inbox!.MoveAsync(planned, CancellationToken));
            if (!outcome.Moved)
            {
                WriteVerbose($"Halo user {planned.User.Id} not moved: {outcome.Reason}");
            }

            WriteObject(DefaultSiteMapper.ToOutput(outcome));
        }

        protected override void DisposeResources() => _run?.Dispose();
    }
}
