// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads the audit log: what the module changed in Halo and the ledger, when, and by which run.</para>
    /// <para type="description">Every change Import-GcUser, Sync-GcPayment and the link cmdlets make is one line of
    /// GoCardlessHalo.audit.jsonl beside the settings (rotated monthly or at 20 MB into GoCardlessHalo.audit.&lt;stamp&gt;.jsonl).
    /// Get-GcAuditLog reads the current and the rotated files, oldest first, and streams each change as it is read. Filters
    /// combine: -CustomerId, -HaloUserId, -Since/-Until, -RunId, -Action (wildcards), or -Last for the newest run only.
    /// A line a killed run left incomplete is a warning, not an error. A change a killed run made in Halo or the ledger
    /// before writing its line is logged by the next writing run under the killed run's RunId, with ReconciledBy naming the
    /// run that wrote it (GoCardlessHalo.audit.pending.jsonl holds the intents until then); -Last and -RunId of that run
    /// include such lines. Nothing is contacted; nothing is written.</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Sync-GcPayment</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcAuditLog -Last</code>
    /// <para>What the last sync did: every change of the newest run.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcAuditLog -CustomerId CU000123 -Since (Get-Date).AddDays(-30)</code>
    /// <para>Everything that happened to one customer's user, mandate and link in the last 30 days.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcAuditLog -Action mandate.* | Where-Object { $_.After.status -eq 'cancelled' }</code>
    /// <para>Mandate changes that ended in a cancellation.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcAuditLog", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(GcAuditEntry))]
    public sealed class GetGcAuditLogCommand : GcCmdlet
    {
        private const string AllSet = "All";
        private const string LastSet = "Last";

        /// <summary>Only changes concerning this GoCardless customer.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? CustomerId { get; set; }

        /// <summary>Only changes to this Halo user.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int? HaloUserId { get; set; }

        /// <summary>Only changes written at or after this time.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Only changes written before this time.</summary>
        [Parameter]
        public DateTime? Until { get; set; }

        /// <summary>Only changes made by this run (the RunId of any entry).</summary>
        [Parameter(ParameterSetName = AllSet)]
        [ValidateNotNullOrEmpty]
        public string? RunId { get; set; }

        /// <summary>Only these actions (wildcards, ignoring case): user.created, user.updated, user.linked, customer.link,
        /// mandate.status, payment.watermark, user.payment_summary, ...</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Action { get; set; }

        /// <summary>Only the newest run's changes: what the last sync did.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LastSet)]
        public SwitchParameter Last { get; set; }

        protected override void Process()
        {
            var reader = new AuditLogReader(Context.Location.Beside(AuditLog.FileName));
            var action = Action is null ? null : WildcardPatterns.Parse(Action, nameof(Action), WildcardOptions.IgnoreCase);
            var query = new AuditQuery
            {
                CustomerId = CustomerId,
                HaloUserId = HaloUserId,
                Since = Since is { } since ? new DateTimeOffset(since.ToUniversalTime()) : null,
                Until = Until is { } until ? new DateTimeOffset(until.ToUniversalTime()) : null,
                RunId = Last ? reader.LastRunId(CancellationToken) : RunId,
                ActionMatches = action is null ? null : action.IsMatch,
            };
            if (Last && query.RunId is null)
            {
                WriteVerbose($"The audit log '{Context.Location.Beside(AuditLog.FileName)}' is empty or missing: no run has changed anything yet.");
                return;
            }

            WriteVerbose($"Reading {reader.Files().Count} audit file(s) beside '{Context.Location.SettingsPath}'" + (Last ? $", run {query.RunId}." : "."));
            foreach (var entry in reader.Read(query, Log.Warning, CancellationToken))
            {
                WriteObject(new GcAuditEntry(entry));
            }
        }
    }
}
