// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns the GoCardless integration off; the sync cmdlets then refuse to run.</para>
    /// <para type="description">Disable-GcModule sets enabled: false in the settings file (GoCardlessHalo.yaml). Import-GcUser and
    /// Sync-GcPayment then stop with ErrorId ModuleDisabled instead of writing to Halo, for example while Halo's own GoCardless
    /// integrator takes over, or during a Halo upgrade. Everything else in the settings is kept (token reference, Halo target,
    /// Default Site, field mappings), so Enable-GcModule with no parameters turns it back on. Disabling an integration that is
    /// already disabled changes nothing; a missing settings file is an error (ModuleNotConfigured).</para>
    /// <para type="link">Enable-GcModule</para>
    /// <para type="link">Get-GcModule</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Disable-GcModule</code>
    /// <para>Turns the integration off in the default settings file. Scheduled runs of Import-GcUser and Sync-GcPayment now fail
    /// with ErrorId ModuleDisabled, which an RMM monitor can alert on, until Enable-GcModule turns it back on.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Disable-GcModule -ConfigPath C:\ProgramData\GoCardlessHalo -PassThru</code>
    /// <para>Disables the machine-wide configuration that scheduled tasks and RMM agents running as SYSTEM use, and returns the
    /// resulting status: Enabled is False, the Halo target and mappings are unchanged.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Disable-GcModule
    /// PS&gt; Enable-GcModule</code>
    /// <para>Pauses the integration and resumes it later. Enable-GcModule without parameters keeps every setting and only sets
    /// enabled: true again (after checking GoCardless and Halo can still be reached).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "GcModule", SupportsShouldProcess = true)]
    [OutputType(typeof(GcModuleStatus))]
    public sealed class DisableGcModuleCommand : GcCmdlet
    {
        /// <summary>Return the resulting status, as Get-GcModule shows it. By default Disable-GcModule writes nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            if (!Context.IsConfigured)
            {
                throw new GcHaloException(
                    ErrorIds.ModuleNotConfigured,
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
