// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Activation;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads Halo's own GoCardless integration settings and turns them into this module's settings.</para>
    /// <para type="description">For a switch-over from Halo's GoCardless integration that keeps behaviour. Reads, from the configured
    /// Halo (GET /api/Control on the API target; Control4, IntegrationFieldMapping and MODULESETUP on SQL targets): the Default Site,
    /// company-name matching, the sandbox flag and the custom field mappings. They become defaultSite, matchMode (matching on:
    /// Exact, or the Normalized mode already set; off: Off, so every new user goes to the Default Site), goCardless.environment, and
    /// fieldMappings, with Halo's "don't update" flag as the CreateOnly ownership rule of that field. One result per setting says
    /// Set, Unchanged or NotCarried (with the reason), and Inferred when the translation rests on an inference about Halo (which
    /// mapping value holds the GoCardless metadata key, what the flags mean). Halo's access token is never read: keep this module's
    /// token reference. While Halo's own integrator is still switched on the cmdlet warns: both would write the same users.</para>
    /// <para type="link">Enable-GcModule</para>
    /// <para type="link">Get-GcModule</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Import-GcHaloIntegrationSetting -WhatIf</code>
    /// <para>"What if: ... Set defaultSite to '1' (was 'Unmatched customers')": each setting that would change; nothing is saved.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Enable-GcModule -HaloUrl https://contoso.halopsa.com -ClientId $id -ClientSecretReference env:HALO_SECRET -AccessTokenReference env:GOCARDLESS_ACCESS_TOKEN -DefaultSite 1
    /// PS&gt; Import-GcHaloIntegrationSetting | Format-Table Setting, Action, FromHalo, Inferred</code>
    /// <para>Connects to Halo, then takes over Halo's GoCardless settings; switch Halo's own integrator off afterwards.</para>
    /// </example>
    [Cmdlet(VerbsData.Import, "GcHaloIntegrationSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GcIntegrationSetting))]
    public sealed class ImportGcHaloIntegrationSettingCommand : GcCmdlet
    {
        protected override void End()
        {
            RequireEnabled();
            using var target = Connections.CreateHaloTarget();
            Await(target.OpenAsync(CancellationToken));
            var source = target as IHaloGoCardlessSettingsSource ?? throw new GcHaloException(
                ErrorIds.HaloTargetNotConfigured, ErrorKind.InvalidOperation, $"The Halo target at {target.Location} cannot read Halo's GoCardless settings.", target.Location);
            var halo = Await(source.ReadGoCardlessSettingsAsync(CancellationToken));
            WriteVerbose($"Read Halo's GoCardless settings from {halo.Source}.");
            foreach (var gap in halo.Gaps)
            {
                WriteWarning(gap);
            }

            if (halo.IntegratorEnabled == true)
            {
                WriteWarning("Halo's own GoCardless integrator is still switched on (Configuration > Integrations > GoCardless, Halo Integrator): both would write the same users. Switch it off before scheduling this module's runs; Test-GcModule warns until then (HaloNativeIntegration).");
            }

            var sites = Stream(target.GetSitesAsync(CancellationToken)).ToList();
            var fields = Await(target.GetUserFieldsAsync(CancellationToken));
            var accepted = new List<IntegrationSettingChange>();
            foreach (var change in HaloIntegrationMigration.Plan(halo, Context.Settings, sites, fields))
            {
                if (change.Action == IntegrationSettingAction.Set && !ShouldProcess(Context.Location.SettingsPath, change.Describe()))
                {
                    continue;
                }

                if (change.Action == IntegrationSettingAction.Set)
                {
                    accepted.Add(change);
                }

                WriteObject(new GcIntegrationSetting
                {
                    Setting = change.Setting,
                    Current = change.Current,
                    FromHalo = change.FromHalo,
                    Action = change.Action.ToString(),
                    Inferred = change.Inferred,
                    Note = change.Note,
                });
            }

            if (accepted.Count > 0)
            {
                HaloIntegrationMigration.Apply(accepted, Context.Settings);
                Context.Save();
                WriteVerbose($"Saved {accepted.Count} setting(s) from Halo's GoCardless integration to {Context.Location.SettingsPath}.");
            }
        }
    }
}
