// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the field mappings from GoCardless customer fields to Halo user custom fields.</para>
    /// <para type="description">Reads the mappings from the settings file, in the order they were added. Each has the GoCardless
    /// field (a customer metadata key, or a payment summary such as payment.last_status), the Halo user custom field that receives
    /// the value, and its Source (Metadata or PaymentSummary). Import-GcUser writes the Metadata mappings, Sync-GcPayment the
    /// PaymentSummary ones. Get-GcFieldMapping does not contact Halo; Test-GcModule checks every mapping against Halo.</para>
    /// <para type="link">Set-GcFieldMapping</para>
    /// <para type="link">Remove-GcFieldMapping</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcFieldMapping</code>
    /// <para>Every mapping as a table of GoCardlessField, HaloField and Source.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcFieldMapping 'payment.*'
    /// PS&gt; Get-GcFieldMapping -HaloField 'CF*'</code>
    /// <para>Only the payment summary mappings; only the mappings into Halo fields whose names start with CF. Wildcards match
    /// GoCardless fields case-sensitively (metadata keys are case-sensitive) and Halo fields ignoring case.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcFieldMapping -ConfigPath \\fs01\it\GoCardlessHalo | Set-GcFieldMapping -ConfigPath C:\ProgramData\GoCardlessHalo</code>
    /// <para>Copies every mapping from one configuration to another: Set-GcFieldMapping takes GoCardlessField and HaloField from
    /// the pipeline by property name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcFieldMapping")]
    [OutputType(typeof(GcFieldMapping))]
    public sealed class GetGcFieldMappingCommand : GcCmdlet
    {
        /// <summary>Only mappings of the GoCardless fields that match (wildcards allowed, case-sensitive like metadata keys). Default: all.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(GoCardlessFieldCompleter))]
        public string GoCardlessField { get; set; } = "*";

        /// <summary>Only mappings to the Halo fields that match (wildcards allowed, case-insensitive). Default: all.</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(HaloFieldCompleter))]
        public string HaloField { get; set; } = "*";

        protected override void End()
        {
            var gc = WildcardPatterns.Parse(GoCardlessField, nameof(GoCardlessField), WildcardOptions.None);
            var halo = WildcardPatterns.Parse(HaloField, nameof(HaloField), WildcardOptions.IgnoreCase);
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
