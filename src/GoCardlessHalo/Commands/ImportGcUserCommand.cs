// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Completion;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Imports GoCardless customers as Halo users, or brings linked users up to date.</para>
    /// <para type="description">For each customer: a Halo user already linked to its GoCardless id is updated wherever it
    /// now lives; otherwise an unlinked user with the same email in the destination customer is linked; otherwise a user is
    /// created in the invoice site of the Halo customer whose name matches the company, or in the Default Site. Halo is read
    /// once, then written in batches; a rerun with nothing changed writes nothing. -WhatIf shows every planned field change.
    /// Customers come from the pipeline (Get-GcCustomer), from -CustomerId, or, when neither is given, from GoCardless.</para>
    /// <para type="description">Each user gets the display name, first name, surname, email, phone, the link id and every mapped
    /// custom field; a value GoCardless does not have is left alone in Halo, never blanked. One result per customer says what
    /// happened (Action: Created, Updated, Unchanged, Linked, Skipped or Failed), why (MatchedBy), where (HaloUserId, Client, Site)
    /// and which fields changed (Changes). A failure on one customer is a non-terminating error and the rest continue; if Halo
    /// becomes unreachable the run stops, and a rerun carries on without duplicates because created users are found by their link.
    /// When Halo's answer to a batch does not say which users it saved, those customers' results come once a read-back by link has
    /// found them (out of input order; still one result per customer).</para>
    /// <para type="description">Import-GcUser refuses to run while the integration is disabled (ModuleDisabled), waits for any
    /// other sync run against the same Halo (-LockTimeout, SyncLockTimeout), and appends every change to
    /// GoCardlessHalo.audit.jsonl beside the settings.</para>
    /// <para type="link">Get-GcImportPlan</para>
    /// <para type="link">Get-GcCustomer</para>
    /// <para type="link">Get-GcUser</para>
    /// <para type="link">Set-GcFieldMapping</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcCustomer | Import-GcUser -WhatIf</code>
    /// <para>Shows the plan, field by field ("What if: Performing the operation ... on target GoCardless customer CU…"), and writes
    /// nothing to Halo.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Import-GcUser | Group-Object Action | Format-Table Count, Name</code>
    /// <para>Imports every GoCardless customer and counts the results by action. A second run with nothing changed in GoCardless
    /// reports every customer as Unchanged and writes nothing.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Import-GcUser -CustomerId CU000123ABC -MatchMode Normalized</code>
    /// <para>Imports one customer, matching its company name to Halo customers while ignoring punctuation, repeated spaces and legal
    /// suffixes, so "Acme Ltd." finds the Halo customer "ACME Limited".</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Import-GcUser -ConfigPath C:\ProgramData\GoCardlessHalo -ErrorAction SilentlyContinue -ErrorVariable failed |
    ///     Where-Object { $_.Action -eq 'Skipped' -or $_.MatchedBy -eq 'DefaultSite' }</code>
    /// <para>A scheduled run (e.g. an RMM script running as SYSTEM): per-customer failures are collected in $failed instead of
    /// stopping the run, and the output keeps only the customers that need attention: skipped ones (such as two Halo customers
    /// with the same name) and those placed in the Default Site. examples/Invoke-ScheduledSync.ps1 turns this into an exit code.</para>
    /// </example>
    [Cmdlet(VerbsData.Import, "GcUser", SupportsShouldProcess = true, DefaultParameterSetName = AllSet)]
    [OutputType(typeof(GcImportResult))]
    public sealed class ImportGcUserCommand : CustomerInputCmdlet
    {
        private readonly Dictionary<ImportAction, int> _counts = Enum.GetValues(typeof(ImportAction)).Cast<ImportAction>().ToDictionary(a => a, _ => 0);
        private SyncRun? _run;
        private UserImporter? _importer;
        private ImportQueue? _queue;
        private readonly List<string> _seenIds = new List<string>();
        private readonly HashSet<string> _seenMetadataKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private int _seen;
        private int _declined;
        private IReadOnlyList<string>? _duplicates;

        /// <summary>How company names are compared with Halo customer names for this run; default: the matchMode setting
        /// (Enable-GcModule -MatchMode), itself Exact by default. Exact: equal after trimming and ignoring case. Normalized: for a
        /// company that no Halo customer names exactly, also ignore punctuation, repeated spaces and legal suffixes (Ltd, LLC, GmbH, …);
        /// an exact name always wins.</summary>
        [Parameter]
        public GcMatchMode? MatchMode { get; set; }

        /// <summary>How many users are written to Halo per API request or SQL transaction (1 to 1000, default 50).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = 50;

        /// <summary>How long to wait for another sync run against the same Halo (from any configuration on this machine) to finish before giving up with ErrorId
        /// SyncLockTimeout: seconds (30) or a TimeSpan ('00:05:00'); default 5 minutes.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

        protected override void Begin()
        {
            ParameterChecks.NotNegative(LockTimeout, nameof(LockTimeout));
            // Only a full run (every customer, really written) is what Get-GcModule and Test-GcModule report.
            // Pipeline input is bound after Begin, so ExpectingInput (not the parameter set) tells a piped subset apart.
            var fullRun = ParameterSetName == AllSet && !MyInvocation.ExpectingInput && !WhatIfRequested();
            _run = SyncRun.Start(this, SyncKind.Import, "Import-GcUser", LockTimeout, recordsOutcome: fullRun);
            if (!fullRun)
            {
                WriteVerbose("Not a full import (some customers, or -WhatIf): Get-GcModule and Test-GcModule keep reporting the last full run.");
            }

            _importer = new UserImporter(_run.Target, ImportOptions.FromSettings(Context.Settings, ImportResultMapper.ToEngine(MatchMode)), Log, _run.Audit);
            using (var ledger = Connections.OpenLedgerToRead())
            {
                // The link map names users a read of Halo can miss while Halo changes; they are read by id, never created again.
                Await(_importer.PrepareAsync(ledger, CancellationToken));
            }

            // Holding the lock and about to write: the lines a killed import left as intents are logged from Halo as read.
            if (!WhatIfRequested())
            {
                _importer.ReconcileInterruptedAudit();
            }

            _queue = new ImportQueue(_importer, BatchSize);
            _duplicates = _importer.DuplicateLinkDescriptions();
            foreach (var duplicate in _duplicates)
            {
                WriteWarning($"{duplicate}; that customer is skipped. {DuplicateLinks.Fix(Context.Settings.Halo.LinkField)}");
            }
        }

        internal override GoCardlessClient GoCardless => _run!.GoCardless;

        protected override void End()
        {
            HandleAllWhenNoneGiven();
            Emit(Await(_queue!.FlushAsync(CancellationToken)));
            if (MyInvocation.BoundParameters.ContainsKey("WhatIf"))
            {
                // -WhatIf's last line: what the run would have cost in Halo requests.
                ShouldProcess(_run!.Target.Location, _importer!.Cost(_declined, BatchSize).ToString());
            }

            var summary = string.Join(", ", _counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"));
            WriteVerbose($"Imported {_seen} customer(s): {(summary.Length == 0 ? "nothing to do" : summary)}.");

            // A run that left planned writes undone (-WhatIf, or declined under -Confirm) did not import: the outcome of
            // the last real run, which Get-GcModule and Test-GcModule report, stays as it was.
            if (_declined == 0)
            {
                RefreshLinkMap();
                _run!.Succeeded(_duplicates);
            }
            else
            {
                _run!.EndedWithoutOutcome();
            }

            UpdateCompletionCache();
        }

        /// <summary>
        /// The names tab completion offers, from what this run read anyway: Halo's always; GoCardless's customer ids and
        /// metadata keys only when it read every customer (a run for a few ids would otherwise shrink the list).
        /// </summary>
        private void UpdateCompletionCache()
        {
            var update = _importer!.HaloNames ?? new CompletionUpdate();
            if (CustomerId.Length == 0 && !MyInvocation.ExpectingInput)
            {
                update.GoCardlessCustomerIds = _seenIds;
                update.GoCardlessMetadataKeys = _seenMetadataKeys;
            }

            try
            {
                new CompletionCache(Context.Location).Update(update, DateTimeOffset.UtcNow);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                WriteVerbose($"The completion names were not saved: {ex.Message}");
            }
        }

        // The read of Halo this import made anyway spares the next Sync-GcPayment a read of every linked user.
        private void RefreshLinkMap()
        {
            using var ledger = Connections.OpenLedgerToRead();
            if (ledger is not null)
            {
                Await(_importer!.RefreshLinkMapAsync(ledger, CancellationToken));
            }
        }

        internal override void OnTerminatingError(GcHaloException exception) => _run?.Failed(exception);

        protected override void DisposeResources() => _run?.Dispose();

        internal override void Handle(Customer customer)
        {
            _seen++;
            _seenIds.Add(customer.Id);
            _seenMetadataKeys.UnionWith(customer.Metadata.Keys);
            var (plan, written) = Await(_queue!.PlanAsync(customer, CancellationToken));
            Emit(written);
            if (!plan.WritesToHalo)
            {
                Emit(UserImporter.WithoutWrite(plan));
            }
            else if (ShouldProcess($"GoCardless customer {customer.Id} ({customer.DisplayName})", plan.Describe()))
            {
                Emit(Await(_queue.AddAsync(plan, CancellationToken)));
            }
            else
            {
                _declined++;
            }

            if (_seen % 25 == 0)
            {
                WriteProgress(new ProgressRecord(1, "Importing GoCardless customers into Halo", $"{_seen} customers: " + string.Join(", ", _counts.Select(c => $"{c.Value} {c.Key}"))));
            }
        }

        private void Emit(IEnumerable<ImportResult> results)
        {
            foreach (var result in results)
            {
                Emit(result);
            }
        }

        private void Emit(ImportResult result)
        {
            _counts[result.Action]++;
            if (result.Error is not null)
            {
                WriteItemError(new GcHaloException(result.Error.ErrorId, result.Error.Kind, $"Importing GoCardless customer {result.CustomerId} failed: {result.Error.Message}", result.CustomerId, result.Error));
            }
            else if (result.Action == ImportAction.Skipped)
            {
                WriteVerbose($"Skipped {result.CustomerId}: {result.Plan.Reason}");
            }

            WriteObject(ImportResultMapper.ToOutput(result));
        }
    }
}
