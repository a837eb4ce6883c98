// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>What Set-GcUserLink and Remove-GcUserLink share: the run, the user id parameter, planning and writing one change.</summary>
    public abstract class UserLinkCmdlet : GcCmdlet
    {
        private SyncRun? _run;
        private UserLinks? _links;

        /// <summary>The Halo user's id (HaloUserId in Get-GcUser output; also in the user's Halo URL). Also by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int HaloUserId { get; set; }

        /// <summary>The customer id to set, or null to clear the link.</summary>
        protected abstract string? NewCustomerId { get; }

        protected override void Begin()
        {
            // The run lock keeps a hand-made link from racing a scheduled import; the outcome is not recorded as a run.
            _run = SyncRun.Start(this, SyncKind.Import, MyInvocation.MyCommand.Name, TimeSpan.FromMinutes(1), recordsOutcome: false);
            _links = new UserLinks(_run.Target, Context.Settings.Halo.LinkField, _run.Audit);
        }

        protected override void Process()
        {
            try
            {
                var change = Await(_links!.PlanAsync(HaloUserId, NewCustomerId, CancellationToken));
                var user = change.User;
                if (!change.Changes)
                {
                    WriteVerbose($"Halo user {user.Id} already has {(NewCustomerId is null ? "no GoCardless link" : "the link " + NewCustomerId)}.");
                    return;
                }

                if (ShouldProcess($"Halo user {user.Id} ('{user.Name}' in {user.ClientName} / {user.SiteName})", change.Describe()))
                {
                    Await(_links.ApplyAsync(change, CancellationToken));
                }
            }
            catch (GcHaloException ex) when (ex.Kind is ErrorKind.NotFound or ErrorKind.Conflict)
            {
                WriteItemError(ex);
            }
        }

        protected override void DisposeResources() => _run?.Dispose();
    }
}
