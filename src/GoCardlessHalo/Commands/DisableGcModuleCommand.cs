// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns the GoCardless integration off; the sync cmdlets then refuse to run.</para>
    /// <para type="description">Everything else in the settings is kept, so Enable-GcModule with no parameters turns it back on.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "GcModule", SupportsShouldProcess = true)]
    [OutputType(typeof(GcModuleStatus))]
    public sealed class DisableGcModuleCommand : GcCmdlet
    {
        /// <summary>Return the resulting status.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            if (!Context.IsConfigured)
            {
                throw new GcHaloException(
                    "ModuleNotConfigured",
                    ErrorKind.NotFound,
                    $"There is nothing to disable: '{Context.Location.SettingsPath}' does not exist. Check -ConfigPath or $env:GOCARDLESSHALO_HOME.",
                    Context.Location.SettingsPath);
            }

            if (Context.Settings.Enabled && ShouldProcess(Context.Location.SettingsPath, "Disable the GoCardless integration"))
            {
                Context.Settings.Enabled = false;
                Context.Save();
            }
            else if (!Context.Settings.Enabled)
            {
                WriteVerbose("The integration is already disabled.");
            }

            if (PassThru)
            {
                WriteObject(StatusBuilder.Status(Context));
            }
        }
    }
}
