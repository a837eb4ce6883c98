// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes placement overrides. Users already created stay where they are.</para>
    /// <para type="description">Accepts Get-GcPlacementOverride output from the pipeline. From the next import, the customers are
    /// placed by their company name again (or the Default Site). An exact id or name that matches no override is an error
    /// (PlacementOverrideNotFound); a wildcard that matches nothing is not. The settings file is saved once, at the end.</para>
    /// <para type="link">Get-GcPlacementOverride</para>
    /// <para type="link">Set-GcPlacementOverride</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Remove-GcPlacementOverride -CustomerId CU000123ABC</code>
    /// <para>Removes the override for one GoCardless customer.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcPlacementOverride -CompanyName 'Orchard*' | Remove-GcPlacementOverride -WhatIf</code>
    /// <para>Lists the company overrides that would be removed, and removes none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "GcPlacementOverride", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveGcPlacementOverrideCommand : GcCmdlet
    {
        private int _removed;

        // One parameter set, checked here: objects piped from Get-GcPlacementOverride carry both properties, one of them null.

        /// <summary>The GoCardless customer id whose override is removed; wildcards allowed. Give this or -CompanyName. Also by
        /// property name from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string? CustomerId { get; set; }

        /// <summary>The company name whose override is removed (ignoring case); wildcards allowed. Give this or -CustomerId. Also by
        /// property name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string? CompanyName { get; set; }

        protected override void Process()
        {
            var byId = !string.IsNullOrWhiteSpace(CustomerId);
            if (byId == !string.IsNullOrWhiteSpace(CompanyName))
            {
                WriteItemError(new GcHaloException(ErrorIds.PlacementOverrideInvalid, ErrorKind.InvalidArgument, "Name the override to remove by -CustomerId or by -CompanyName: exactly one of them.", null));
                return;
            }

            var text = (byId ? CustomerId : CompanyName)!.Trim();
            var pattern = new WildcardPattern(text, byId ? WildcardOptions.None : WildcardOptions.IgnoreCase);
            var overrides = Context.Settings.PlacementOverrides;
            var matched = overrides.FindAll(o => (byId ? o.CustomerId : o.CompanyName) is { } key && pattern.IsMatch(key));
            if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(text))
            {
                WriteItemError(new GcHaloException(
                    ErrorIds.PlacementOverrideNotFound,
                    ErrorKind.NotFound,
                    $"No placement override exists for the {(byId ? "GoCardless customer" : "company")} '{text}'. Get-GcPlacementOverride lists them.",
                    text));
                return;
            }

            foreach (var placement in matched)
            {
                if (ShouldProcess(placement.Subject, $"Remove the placement override to {placement.Destination}"))
                {
                    overrides.Remove(placement);
                    _removed++;
                }
            }
        }

        protected override void End()
        {
            if (_removed > 0)
            {
                Context.Save();
                WriteVerbose($"Removed {_removed} placement override(s) from {Context.Location.SettingsPath}.");
            }
        }
    }
}
