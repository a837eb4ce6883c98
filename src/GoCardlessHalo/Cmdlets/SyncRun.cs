// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// What every sync cmdlet needs for one run: the integration enabled, the run lock (so an RMM schedule and a
    /// person never sync at once), the GoCardless client, the opened Halo target and the audit log; and, at the
    /// end, the outcome recorded for Get-GcModule and Test-GcModule.
    /// </summary>
    internal sealed class SyncRun : IDisposable
    {
        private readonly GcCmdlet _cmdlet;
        private readonly SyncKind _kind;
        private readonly SyncLock _lock;
        private DateTimeOffset? _previousStart;
        private string? _previousMachine;

        private SyncRun(GcCmdlet cmdlet, SyncKind kind, SyncLock runLock, GoCardlessClient goCardless, IHaloTarget target)
        {
            _cmdlet = cmdlet;
            _kind = kind;
            _lock = runLock;
            GoCardless = goCardless;
            Target = target;
            Audit = new AuditLog(cmdlet.Context.Location, Guid.NewGuid().ToString("N"));
        }

        public GoCardlessClient GoCardless { get; }

        public IHaloTarget Target { get; }

        public AuditLog Audit { get; }

        /// <summary>Takes the lock, records the start of a full run, and opens both sides.</summary>
        /// <param name="cmdlet">The cmdlet running (its settings, cancellation and warnings).</param>
        /// <param name="kind">Import or Payments.</param>
        /// <param name="holder">Who holds the lock, for the message another run gets.</param>
        /// <param name="lockTimeout">How long to wait for another run.</param>
        /// <param name="recordsOutcome">
        /// False for a run that is not a full run (one customer, a pipeline subset, -WhatIf, a link set by hand): it takes
        /// the lock and writes the audit log, but records neither its start nor its outcome, so Get-GcModule and
        /// Test-GcModule keep reporting the last full (scheduled) run and its failure is not cleared (issue 11).
        /// </param>
        /// <exception cref="GcHaloException">ModuleDisabled, SyncLockTimeout, or a connection failure.</exception>
        public static SyncRun Start(GcCmdlet cmdlet, SyncKind kind, string holder, TimeSpan lockTimeout, bool recordsOutcome = true)
        {
            cmdlet.RequireEnabled();
            GoCardlessClient? goCardless = null;
            IHaloTarget? target = null;
            SyncLock? runLock = null;
            var locked = false;
            try
            {
                var connections = cmdlet.Connections;
                // Creating the target sends nothing; it names the Halo the lock is for.
                target = connections.CreateHaloTarget();
                var runHolder = SyncRunHolder.Current(holder, cmdlet.Context.Location.SettingsPath);
                runLock = cmdlet.Await(SyncLock.AcquireAsync(SyncTarget.Of(target), runHolder, lockTimeout, cmdlet.CancellationToken));
                if (target is HaloSqlTarget database)
                {
                    // The machine lock cannot see a run on another machine; the database lock can (issue 8).
                    cmdlet.Await(database.LockRunAsync(runHolder, lockTimeout, cmdlet.CancellationToken));
                }

                locked = true;
                // Before anything is written, so a run killed from here on shows in Test-GcModule as never finished.
                var recorded = cmdlet.Context.SyncState.Load();
                var (previousStart, previousMachine) = (recorded[kind].LastStart, recorded[kind].LastMachine);
                if (OtherMachineRuns.Warning(target.Kind, recorded, Environment.MachineName) is { } otherMachine)
                {
                    cmdlet.WriteWarning(otherMachine + " (" + ErrorIds.SyncOtherMachine + ")");
                }

                if (recordsOutcome)
                {
                    Record(cmdlet, state => state.RecordStart(kind, DateTimeOffset.UtcNow, Environment.MachineName));
                }

                goCardless = connections.CreateGoCardlessClient();
                cmdlet.Await(target.OpenAsync(cmdlet.CancellationToken));
                return new SyncRun(cmdlet, kind, runLock, goCardless, target) { RecordsOutcome = recordsOutcome, _previousStart = previousStart, _previousMachine = previousMachine };
            }
            catch (Exception ex)
            {
                if (ex is GcHaloException failure && locked && recordsOutcome)
                {
                    Record(cmdlet, state => state.RecordFailure(kind, DateTimeOffset.UtcNow, failure.Message));
                }

                target?.Dispose();
                goCardless?.Dispose();
                runLock?.Dispose();
                throw;
            }
        }

        /// <param name="duplicateLinks">GoCardless ids held by more than one Halo user (Import-GcUser), for Test-GcModule.</param>
        /// <param name="mandateFailures">Mandates the payment sync found newly failed (Sync-GcPayment), for Test-GcModule.</param>
        public void Succeeded(IReadOnlyList<string>? duplicateLinks = null, IReadOnlyList<string>? mandateFailures = null)
        {
            if (RecordsOutcome)
            {
                Record(_cmdlet, state => state.RecordSuccess(_kind, DateTimeOffset.UtcNow, duplicateLinks, mandateFailures));
            }
        }

        /// <summary>
        /// The run wrote nothing it was asked to (-WhatIf, or declined under -Confirm): its start is taken back, so the
        /// outcome of the last real run stays what Get-GcModule and Test-GcModule report.
        /// </summary>
        public void EndedWithoutOutcome()
        {
            if (RecordsOutcome)
            {
                Record(_cmdlet, state => state.RecordStartWithdrawn(_kind, _previousStart, _previousMachine));
            }
        }

        public void Failed(GcHaloException exception)
        {
            if (RecordsOutcome)
            {
                Record(_cmdlet, state => state.RecordFailure(_kind, DateTimeOffset.UtcNow, exception.Message));
            }
        }

        /// <summary>True for a full run, whose start and outcome Get-GcModule and Test-GcModule report.</summary>
        public bool RecordsOutcome { get; private set; } = true;

        // The outcome is informational: a state file that cannot be written must neither fail a run that worked nor
        // replace the error of one that did not.
        private static void Record(GcCmdlet cmdlet, Action<SyncStateStore> record)
        {
            try
            {
                record(cmdlet.Context.SyncState);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                cmdlet.WriteWarning($"The outcome of this run could not be recorded in '{cmdlet.Context.SyncState.Path}' ({ex.Message}); Get-GcModule and Test-GcModule do not know about it.");
            }
        }

        public void Dispose()
        {
            Target.Dispose();
            GoCardless.Dispose();
            _lock.Dispose();
        }
    }
}
