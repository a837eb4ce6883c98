// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes field mappings. Values already written to Halo stay as they are.</para>
    /// <para type="description">Accepts Get-GcFieldMapping output from the pipeline. A name without wildcards that
    /// matches no mapping is an error (FieldMappingNotFound); a wildcard that matches nothing is not.</para>
    /// <para type="description">The settings file is saved once, after the last mapping is removed. Import-GcUser and
    /// Sync-GcPayment stop writing the field from their next run; the values they wrote before stay in Halo.</para>
    /// <para type="link">Get-GcFieldMapping</para>
    /// <para type="link">Set-GcFieldMapping</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Remove-GcFieldMapping account_ref</code>
    /// <para>Removes the mapping of the GoCardless custom field account_ref; its Halo field keeps the values already written.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Remove-GcFieldMapping 'payment.*' -WhatIf</code>
    /// <para>Lists the payment summary mappings that would be removed, and removes none.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcFieldMapping -HaloField 'CFOld*' | Remove-GcFieldMapping -Confirm</code>
    /// <para>Removes every mapping into a Halo field whose name starts with CFOld, asking before each one.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "GcFieldMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveGcFieldMappingCommand : GcCmdlet
    {
        private int _removed;

        /// <summary>The GoCardless field (metadata key or payment summary) whose mapping is removed; wildcards allowed. Also by
        /// property name from Get-GcFieldMapping output, where it is taken literally ([, ] and * in a key are not wildcards).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GoCardlessFieldCompleter))]
        public string GoCardlessField { get; set; } = string.Empty;

        protected override void Process()
        {
            // A key that came down the pipeline (Get-GcFieldMapping output) is a name, never a pattern: a metadata
            // key may hold [, ] or * and must remove only its own mapping.
            var literal = MyInvocation.ExpectingInput;
            var pattern = literal
                ? new WildcardPattern(WildcardPattern.Escape(GoCardlessField), WildcardOptions.None)
                : WildcardPatterns.Parse(GoCardlessField, nameof(GoCardlessField), WildcardOptions.None);
            var mappings = Context.Settings.FieldMappings;
            var matched = mappings.FindAll(m => pattern.IsMatch(m.GoCardlessField));
            if (matched.Count == 0 && (literal || !WildcardPattern.ContainsWildcardCharacters(GoCardlessField)))
            {
                WriteItemError(new GcHaloException(
                    ErrorIds.FieldMappingNotFound,
                    ErrorKind.NotFound,
                    $"No mapping exists for the GoCardless field '{GoCardlessField}'. Get-GcFieldMapping lists the mappings.",
                    GoCardlessField));
                return;
            }

            foreach (var mapping in matched)
            {
                if (ShouldProcess($"GoCardless field '{mapping.GoCardlessField}'", $"Remove the mapping to Halo field '{mapping.HaloField}'"))
                {
                    mappings.Remove(mapping);
                    _removed++;
                }
            }
        }

        protected override void End()
        {
            if (_removed > 0)
            {
                Context.Save();
                WriteVerbose($"Removed {_removed} mapping(s) from {Context.Location.SettingsPath}.");
            }
        }
    }
}
