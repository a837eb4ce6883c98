// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Says who owns a Halo user field that Import-GcUser writes: GoCardless, or the agents in Halo.</para>
    /// <para type="description">For each field (Name, FirstName, Surname, Email, Phone, or a mapped Halo custom field) one rule:
    /// Overwrite (GoCardless owns it: an import overwrites the Halo value whenever it differs), FillWhenEmpty (an import writes it
    /// only while it is empty in Halo, so what an agent typed stays) or CreateOnly (set when the module creates the user, never
    /// afterwards). Default removes the field's rule. Without a rule, contact fields are FillWhenEmpty (a contact linked by email
    /// keeps its name, a phone an agent corrected is not reverted) and mapped fields Overwrite. Get-GcModule lists every rule;
    /// Import-GcUser -WhatIf and each result's Kept property show which rule kept which value.</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Get-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Set-GcFieldOwnership -Field Name, FirstName, Surname -Rule Overwrite</code>
    /// <para>GoCardless owns the names: a name changed in GoCardless is copied to Halo on the next import.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Set-GcFieldOwnership Phone CreateOnly -WhatIf</code>
    /// <para>Shows that the phone number would only be set on users the module creates, and saves nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "GcFieldOwnership", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SetGcFieldOwnershipCommand : GcCmdlet
    {
        private int _changed;

        /// <summary>The fields: Name, FirstName, Surname, Email, Phone, or mapped Halo custom field names. Also by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Field { get; set; } = new string[0];

        /// <summary>Overwrite, FillWhenEmpty, CreateOnly, or Default (remove the rule: contact fields FillWhenEmpty, mapped fields Overwrite).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public GcFieldRule Rule { get; set; }

        protected override void Process()
        {
            var rules = Context.Settings.FieldOwnership;
            foreach (var given in Field)
            {
                try
                {
                    var field = FieldOwnership.FieldName(given, Context.Settings.Halo.LinkField);
                    var had = rules.TryGetValue(field, out var current) ? current.ToString() : "Default";
                    if (had == Rule.ToString())
                    {
                        WriteVerbose($"'{field}' already has the rule {had}.");
                        continue;
                    }

                    if (ShouldProcess($"Field '{field}'", $"Set the ownership rule to {Rule} (was {had})"))
                    {
                        Apply(rules, field);
                        _changed++;
                    }
                }
                catch (GcHaloException ex)
                {
                    WriteItemError(ex);
                }
            }
        }

        protected override void End()
        {
            if (_changed > 0)
            {
                Context.Save();
                WriteVerbose($"Saved {_changed} ownership rule(s) to {Context.Location.SettingsPath}.");
            }
        }

        private void Apply(Dictionary<string, FieldRule> rules, string field)
        {
            switch (Rule)
            {
                case GcFieldRule.Default: rules.Remove(field); break;
                case GcFieldRule.Overwrite: rules[field] = FieldRule.Overwrite; break;
                case GcFieldRule.FillWhenEmpty: rules[field] = FieldRule.FillWhenEmpty; break;
                default: rules[field] = FieldRule.CreateOnly; break;
            }
        }
    }
}
