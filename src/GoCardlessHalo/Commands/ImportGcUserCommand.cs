// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Imports GoCardless customers as Halo users, or brings linked users up to date.</para>
    /// <para type="description">For each customer: a Halo user already linked to its GoCardless id is updated wherever it
    /// now lives; otherwise an unlinked user with the same email in the destination customer is linked; otherwise a user is
    /// created in the invoice site of the Halo customer whose name matches the company, or in the Default Site. Halo is read
    /// once, then written in batches; a rerun with nothing changed writes nothing. -WhatIf shows every planned field change.
    /// Customers come from the pipeline (Get-GcCustomer), from -CustomerId, or, when neither is given, from GoCardless.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "GcUser", SupportsShouldProcess = true, DefaultParameterSetName = AllSet)]
    [OutputType(typeof(GcImportResult))]
    public sealed class ImportGcUserCommand : CustomerInputCmdlet
    {
        private readonly Dictionary<ImportAction, int> _counts = Enum.GetValues(typeof(ImportAction)).Cast<ImportAction>().ToDictionary(a => a, _ => 0);
        private SyncRun? _run;
        private UserImporter? _importer;
        private ImportBatch? _batch;
        private int _seen;

        /// <summary>Exact (default): names equal ignoring case. Normalized: also ignore punctuation, spacing and legal suffixes.</summary>
        [Parameter]
        public GcMatchMode MatchMode { get; set; } = GcMatchMode.Exact;

        /// <summary>Users written to Halo per request or transaction (default 50).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = 50;

        /// <summary>How long to wait for another sync run on this configuration to finish (default 5 minutes).</summary>
        [Parameter]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

        protected override void Begin()
        {
            _run = SyncRun.Start(this, SyncKind.Import, "Import-GcUser", LockTimeout);
            _importer = new UserImporter(_run.Target, ImportOptions.FromSettings(Context.Settings, ImportResults.ToEngine(MatchMode), BatchSize), Log, _run.Audit);
            Await(_importer.PrepareAsync(CancellationToken));
            _batch = new ImportBatch(BatchSize);
        }

        internal override GoCardlessClient GoCardless => _run!.GoCardless;

        protected override void End()
        {
            HandleAllWhenNoneGiven();
            Flush();
            var summary = string.Join(", ", _counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"));
            WriteVerbose($"Imported {_seen} customer(s): {(summary.Length == 0 ? "nothing to do" : summary)}.");
            _run!.Succeeded();
        }

        internal override void OnTerminatingError(GcHaloException exception) => _run?.Failed(exception);

        protected override void DisposeResources() => _run?.Dispose();

        internal override void Handle(Customer customer)
        {
            _seen++;
            var plan = _importer!.Plan(customer);
            if (_batch!.Holds(customer.Id) || _batch.Conflicts(plan))
            {
                Flush();
                plan = _importer.Plan(customer);
            }

            if (!plan.WritesToHalo)
            {
                Emit(UserImporter.WithoutWrite(plan));
            }
            else if (ShouldProcess($"GoCardless customer {customer.Id} ({customer.DisplayName})", plan.Describe()))
            {
                _batch.Add(plan);
                if (_batch.IsFull)
                {
                    Flush();
                }
            }

            if (_seen % 25 == 0)
            {
                WriteProgress(new ProgressRecord(1, "Importing GoCardless customers into Halo", $"{_seen} customers: " + string.Join(", ", _counts.Select(c => $"{c.Value} {c.Key}"))));
            }
        }

        private void Flush()
        {
            foreach (var result in Await(_importer!.WriteAsync(_batch!.Take(), CancellationToken)))
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

            WriteObject(ImportResults.ToOutput(result));
        }
    }
}
