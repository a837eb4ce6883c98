// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes field mappings. Values already written to Halo stay as they are.</para>
    /// <para type="description">Accepts Get-GcFieldMapping output from the pipeline. A name without wildcards that
    /// matches no mapping is an error (FieldMappingNotFound); a wildcard that matches nothing is not.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "GcFieldMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveGcFieldMappingCommand : GcCmdlet
    {
        private int _removed;

        /// <summary>The GoCardless field whose mapping goes (wildcards allowed).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string GoCardlessField { get; set; } = string.Empty;

        protected override void Process()
        {
            var pattern = new WildcardPattern(GoCardlessField, WildcardOptions.None);
            var mappings = Context.Settings.FieldMappings;
            var matched = mappings.FindAll(m => pattern.IsMatch(m.GoCardlessField));
            if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(GoCardlessField))
            {
                WriteItemError(new GcHaloException(
                    "FieldMappingNotFound",
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
