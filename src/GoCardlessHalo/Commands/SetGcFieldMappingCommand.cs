// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Maps a GoCardless customer custom field (metadata key) to a Halo user custom field.</para>
    /// <para type="description">Adds the mapping, or changes the Halo field of an existing one. Accepts mapping objects
    /// from the pipeline (Get-GcFieldMapping output, or any object with GoCardlessField and HaloField properties).
    /// The Halo field must be a custom field of type Text on the User entity. All mappings of one call are saved
    /// together at the end.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "GcFieldMapping", SupportsShouldProcess = true)]
    [OutputType(typeof(GcFieldMapping))]
    public sealed class SetGcFieldMappingCommand : GcCmdlet
    {
        private readonly List<FieldMapping> _changed = new List<FieldMapping>();

        /// <summary>The GoCardless customer metadata key (up to 50 characters), or a payment summary source such as payment.last_status.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GoCardlessField { get; set; } = string.Empty;

        /// <summary>The Halo custom field's name (Text, User entity).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string HaloField { get; set; } = string.Empty;

        /// <summary>Return the mappings that were set.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            try
            {
                var mapping = FieldMapping.Create(GoCardlessField, HaloField);
                Apply(mapping);
            }
            catch (GcHaloException ex)
            {
                WriteItemError(ex);
            }
        }

        protected override void End()
        {
            if (_changed.Count > 0)
            {
                Context.Save();
                WriteVerbose($"Saved {_changed.Count} mapping(s) to {Context.Location.SettingsPath}.");
            }

            if (PassThru)
            {
                foreach (var mapping in _changed)
                {
                    WriteObject(StatusBuilder.Mapping(mapping));
                }
            }
        }

        private void Apply(FieldMapping mapping)
        {
            var mappings = Context.Settings.FieldMappings;
            if (string.Equals(mapping.HaloField, Context.Settings.Halo.LinkField, StringComparison.OrdinalIgnoreCase))
            {
                throw new GcHaloException(
                    "FieldMappingConflict",
                    ErrorKind.InvalidArgument,
                    $"'{mapping.HaloField}' is the link field that holds the GoCardless customer id; map '{mapping.GoCardlessField}' to another Halo field.",
                    mapping.HaloField);
            }

            var clash = mappings.FirstOrDefault(m => m.GoCardlessField != mapping.GoCardlessField && string.Equals(m.HaloField, mapping.HaloField, StringComparison.OrdinalIgnoreCase));
            if (clash is not null)
            {
                throw new GcHaloException(
                    "FieldMappingConflict",
                    ErrorKind.Conflict,
                    $"The Halo field '{mapping.HaloField}' already receives '{clash.GoCardlessField}'. Remove that mapping first (Remove-GcFieldMapping {clash.GoCardlessField}) or choose another Halo field.",
                    mapping.HaloField);
            }

            var index = mappings.FindIndex(m => m.GoCardlessField == mapping.GoCardlessField);
            if (index >= 0 && string.Equals(mappings[index].HaloField, mapping.HaloField, StringComparison.Ordinal))
            {
                WriteVerbose($"'{mapping.GoCardlessField}' is already mapped to '{mapping.HaloField}'.");
                return;
            }

            var action = index >= 0 ? $"Map to Halo field '{mapping.HaloField}' (was '{mappings[index].HaloField}')" : $"Map to Halo field '{mapping.HaloField}'";
            if (!ShouldProcess($"GoCardless field '{mapping.GoCardlessField}'", action))
            {
                return;
            }

            if (index >= 0)
            {
                mappings[index] = mapping;
            }
            else
            {
                mappings.Add(mapping);
                WarnWhenMoreThanThreeMetadataKeys(mappings);
            }

            _changed.Add(mapping);
        }

        private void WarnWhenMoreThanThreeMetadataKeys(List<FieldMapping> mappings)
        {
            var metadataKeys = mappings.Count(m => m.Source == FieldMappingSource.Metadata);
            if (metadataKeys > 3)
            {
                WriteWarning($"{metadataKeys} metadata keys are mapped, but a GoCardless customer holds at most 3; customers will only fill some of these fields.");
            }
        }
    }
}
