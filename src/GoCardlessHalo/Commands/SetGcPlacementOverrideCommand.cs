// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Pins a GoCardless customer, or every customer with a company name, to a Halo customer or site.</para>
    /// <para type="description">An override decides where Import-GcUser creates the user when the name matching cannot: a company
    /// written differently in GoCardless and Halo, two Halo customers with similar names, a branch that belongs to a group. It beats
    /// the company-name match and the Default Site (the plan shows MatchedBy Override); an override for a customer id beats one for
    /// its company name. A user already linked to the customer stays where it lives: overrides place new users, and decide in which
    /// Halo customer an existing contact with the same email is looked for.</para>
    /// <para type="description">The destination is a Halo customer (-HaloCustomer: its id or exact name; the user goes to its
    /// invoice site) or a site (-HaloSite: its id, its name, or 'Customer/Site'). It is checked when the import reads Halo: an
    /// override naming nothing, or several things, skips the customer with the reason instead of guessing. Overrides are kept in the
    /// settings file (placementOverrides) and saved once at the end of the call; setting one again replaces it.</para>
    /// <para type="link">Get-GcPlacementOverride</para>
    /// <para type="link">Remove-GcPlacementOverride</para>
    /// <para type="link">Get-GcImportPlan</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Set-GcPlacementOverride -CustomerId CU000123ABC -HaloCustomer 'Orchard Bakery Pty Ltd'</code>
    /// <para>The next import creates that customer's user in the invoice site of 'Orchard Bakery Pty Ltd', whatever its company name.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Set-GcPlacementOverride -CompanyName 'Harbour Cafe (Kiosk)' -HaloSite 'Harbour Cafe/Kiosk' -WhatIf</code>
    /// <para>Shows the override that would send every customer with that company name to the Kiosk site, and saves nothing.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Import-Csv overrides.csv | Set-GcPlacementOverride -PassThru</code>
    /// <para>Sets many overrides from rows with CustomerId or CompanyName and HaloCustomer or HaloSite columns, in one save.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "GcPlacementOverride", SupportsShouldProcess = true)]
    [OutputType(typeof(GcPlacementOverride))]
    public sealed class SetGcPlacementOverrideCommand : GcCmdlet
    {
        private readonly List<PlacementOverride> _changed = new List<PlacementOverride>();

        // One parameter set with a check in the engine (PlacementOverrideInvalid) rather than two sets: objects piped from
        // Get-GcPlacementOverride carry both properties, one of them null, which parameter sets could not bind.

        /// <summary>The GoCardless customer id (CU…) to place. Give this or -CompanyName. Also by property name from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? CustomerId { get; set; }

        /// <summary>The GoCardless company name (compared trimmed and ignoring case) whose customers to place. Give this or -CustomerId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CompanyName { get; set; }

        /// <summary>The Halo customer (its id or exact name) whose invoice site receives the user. Give this or -HaloSite.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? HaloCustomer { get; set; }

        /// <summary>The Halo site (its id, name, or 'Customer/Site') that receives the user. Give this or -HaloCustomer.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? HaloSite { get; set; }

        /// <summary>Return the overrides that were added or changed. By default Set-GcPlacementOverride writes nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            try
            {
                var placement = PlacementOverride.Create(CustomerId, CompanyName, HaloCustomer, HaloSite);
                var overrides = Context.Settings.PlacementOverrides;
                var index = overrides.FindIndex(o => o.SameSubject(placement));
                var action = index >= 0 ? $"Place in {placement.Destination} (was {overrides[index].Destination})" : $"Place in {placement.Destination}";
                if (!ShouldProcess(placement.Subject, action))
                {
                    return;
                }

                if (index >= 0)
                {
                    overrides[index] = placement;
                }
                else
                {
                    overrides.Add(placement);
                }

                _changed.Add(placement);
            }
            catch (GcHaloException ex)
            {
                WriteItemError(ex);
            }
        }

        protected override void End()
        {
            if (_changed.Count == 0)
            {
                return;
            }

            Context.Save();
            WriteVerbose($"Saved {_changed.Count} placement override(s) to {Context.Location.SettingsPath}.");
            if (PassThru)
            {
                foreach (var placement in _changed)
                {
                    WriteObject(StatusBuilder.Placement(placement));
                }
            }
        }
    }
}
