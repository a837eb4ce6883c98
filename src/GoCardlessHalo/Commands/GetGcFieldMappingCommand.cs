// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the field mappings from GoCardless customer fields to Halo user custom fields.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GcFieldMapping")]
    [OutputType(typeof(GcFieldMapping))]
    public sealed class GetGcFieldMappingCommand : GcCmdlet
    {
        /// <summary>Only mappings of these GoCardless fields (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string GoCardlessField { get; set; } = "*";

        /// <summary>Only mappings to these Halo fields (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        public string HaloField { get; set; } = "*";

        protected override void End()
        {
            var gc = new WildcardPattern(GoCardlessField, WildcardOptions.None);
            var halo = new WildcardPattern(HaloField, WildcardOptions.IgnoreCase);
            foreach (var mapping in Context.Settings.FieldMappings)
            {
                if (gc.IsMatch(mapping.GoCardlessField) && halo.IsMatch(mapping.HaloField))
                {
                    WriteObject(StatusBuilder.Mapping(mapping));
                }
            }
        }
    }
}
