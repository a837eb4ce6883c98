// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Health;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks the integration end to end: configuration, GoCardless token, Halo access, fields, tables and recent syncs.</para>
    /// <para type="description">Writes one result per check, in order, as each completes: Configuration, GoCardlessToken, HaloConnection,
    /// HaloPermissions, LinkField, FieldMappings, DefaultSite, ModuleTables, LastImport, LastPaymentSync, HaloNativeIntegration (Halo's
    /// own GoCardless integrator switched on as well: both would write the same users). A check that cannot run because an earlier
    /// one failed is Skipped. -Quiet returns only $true (no check Failed) or $false, for RMM monitors. Never changes anything.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "GcModule")]
    [OutputType(typeof(GcHealthCheck))]
    [OutputType(typeof(bool))]
    public sealed class TestGcModuleCommand : GcCmdlet
    {
        /// <summary>Return only $true when no check failed, else $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>A last successful sync older than this is a Warning (default 2 days).</summary>
        [Parameter]
        public TimeSpan WarningAge { get; set; } = TimeSpan.FromDays(2);

        /// <summary>A last successful sync older than this is a Failure (default 7 days).</summary>
        [Parameter]
        public TimeSpan FailureAge { get; set; } = TimeSpan.FromDays(7);

        protected override void End()
        {
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
