// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Health;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks the integration end to end: configuration, GoCardless token, Halo access, fields, tables and recent syncs.</para>
    /// <para type="description">Writes one result per check, in order, as each completes: Configuration, GoCardlessToken, HaloConnection,
    /// HaloPermissions, LinkField, FieldMappings, DefaultSite, ModuleTables, LastImport, LastPaymentSync, SyncMachine, HaloNativeIntegration (Halo's
    /// own GoCardless integrator switched on as well: both would write the same users). A check that cannot run because an earlier
    /// one failed is Skipped. -Quiet returns only $true (no check Failed) or $false, for RMM monitors. Never changes anything.</para>
    /// <para type="description">Each result has Name, Status (Passed, Warning, Failed or Skipped), a Message saying what was found
    /// and how to fix it, Detail, and the ErrorId behind a Warning or Failed result. An invalid or missing settings file is a
    /// Failed Configuration check, not an error, so a monitor always gets an answer.</para>
    /// <para type="output" name="System.Boolean">With -Quiet, one value: $true when no check Failed, else $false.</para>
    /// <para type="link">Get-GcModule</para>
    /// <para type="link">Enable-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Test-GcModule</code>
    /// <para>Runs every check and shows Name, Status and Message for each, as they complete.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; if (-not (Test-GcModule -ConfigPath C:\ProgramData\GoCardlessHalo -Quiet)) { exit 1 }</code>
    /// <para>An RMM monitor script: Test-GcModule -Quiet returns $false when any check Failed (Warnings do not count), and the
    /// script exits 1 so the RMM tool raises an alert.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Test-GcModule | Where-Object Status -In 'Failed', 'Warning' | Format-List Name, Status, Message, Detail, ErrorId</code>
    /// <para>Only the checks that need attention, with everything they found.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Test-GcModule -WarningAge 1.00:00:00 -FailureAge 3.00:00:00</code>
    /// <para>Stricter about stale syncs for a daily schedule: a last successful import or payment sync older than one day is a
    /// Warning, older than three days a Failure.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "GcModule")]
    [OutputType(typeof(GcHealthCheck))]
    [OutputType(typeof(bool))]
    public sealed class TestGcModuleCommand : GcCmdlet
    {
        /// <summary>Return only $true when no check Failed (Warnings and Skipped checks do not count), else $false; for RMM monitors.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>A last successful import or payment sync older than this is a Warning: seconds or a TimeSpan ('2.00:00:00'); default 2 days.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan WarningAge { get; set; } = TimeSpan.FromDays(2);

        /// <summary>A last successful import or payment sync older than this is a Failure: seconds or a TimeSpan ('7.00:00:00'); default 7 days.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan FailureAge { get; set; } = TimeSpan.FromDays(7);

        protected override void End()
        {
            ParameterChecks.NotNegative(WarningAge, nameof(WarningAge));
            ParameterChecks.NotNegative(FailureAge, nameof(FailureAge));
            // Not through Context: an invalid settings file must become a Failed check, not stop the command.
            var location = ResolveLocation();
            var health = new ModuleHealth(
                location,
                new SecretResolver(CurrentPlatform.Instance, new PowerShellSecretVault(this)),
                HostClientInfo(),
                Log,
                new HealthOptions { SyncWarningAge = WarningAge, SyncFailureAge = FailureAge });
            var results = new List<HealthCheck>();
            foreach (var check in Stream(health.RunAsync(CancellationToken)))
            {
                results.Add(check);
                if (!Quiet)
                {
                    WriteObject(new GcHealthCheck(check.Name, check.Status.ToString(), check.Message, check.Detail, check.ErrorId));
                }
            }

            if (Quiet)
            {
                WriteObject(ModuleHealth.IsHealthy(results));
            }
        }
    }
}
