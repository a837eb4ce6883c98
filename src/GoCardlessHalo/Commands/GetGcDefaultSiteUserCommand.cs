// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Sync.Inbox;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the linked Halo users still in the Default Site: why each landed there, and which now match a Halo customer.</para>
    /// <para type="description">The Default Site is an inbox, not a grave. For each active Halo user in the Default Site that holds a
    /// GoCardless link, the customer is read from GoCardless (one request per user) and placed by the import's own rule: a placement
    /// override, else a Halo customer whose name matches the company (an exact name first; in Normalized mode also ignoring
    /// punctuation and legal suffixes), else the Default Site. Each result has the company name, the nearest Halo customer names,
    /// CanMove and Match (Exact, Normalized or Override) with the Client and Site a move would take the user to, and the Reason.
    /// Nothing is written; Move-GcDefaultSiteUser moves the users that now match.</para>
    /// <para type="link">Move-GcDefaultSiteUser</para>
    /// <para type="link">Set-GcPlacementOverride</para>
    /// <para type="link">Get-GcImportPlan</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcDefaultSiteUser</code>
    /// <para>Every linked user in the Default Site, with what it matches now.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcDefaultSiteUser | Where-Object CanMove | Move-GcDefaultSiteUser -WhatIf</code>
    /// <para>Shows where each user that now matches a Halo customer would be moved; without -WhatIf it moves them.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcDefaultSiteUser | Where-Object { -not $_.CanMove } | Select-Object Name, CompanyName, NearestClients</code>
    /// <para>The users still unmatched, with the Halo names closest to their company: rename one side, or pin the customer with
    /// Set-GcPlacementOverride.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcDefaultSiteUser")]
    [OutputType(typeof(GcDefaultSiteUser))]
    public sealed class GetGcDefaultSiteUserCommand : GcCmdlet
    {
        private GoCardlessClient? _client;
        private IHaloTarget? _target;

        /// <summary>How company names are compared, as for Import-GcUser; default: the matchMode setting.</summary>
        [Parameter]
        public GcMatchMode? MatchMode { get; set; }

        protected override void End()
        {
            _client = Connections.CreateGoCardlessClient();
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            var inbox = new DefaultSiteInbox(_target, _client.GetCustomerAsync, ImportOptions.FromSettings(Context.Settings, ImportResultMapper.ToEngine(MatchMode)), audit: null);
            Await(inbox.PrepareAsync(CancellationToken));
            var count = 0;
            foreach (var user in Stream(inbox.ListAsync(CancellationToken)))
            {
                WriteObject(DefaultSiteMapper.ToOutput(user));
                if (++count % 10 == 0)
                {
                    WriteProgress(new ProgressRecord(1, "Reading the Default Site", $"{count} linked users read"));
                }
            }

            WriteVerbose($"{count} linked user(s) in the Default Site {inbox.DefaultSite.ClientName}/{inbox.DefaultSite.Name}.");
        }

        protected override void DisposeResources()
        {
            _target?.Dispose();
            _client?.Dispose();
        }
    }
}
