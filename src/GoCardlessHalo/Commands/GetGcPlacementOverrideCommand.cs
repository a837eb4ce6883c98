// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the placement overrides that pin GoCardless customers to a Halo customer or site.</para>
    /// <para type="description">Reads the overrides from the settings file, in the order they were set: CustomerId or CompanyName
    /// (what the override applies to) and HaloCustomer or HaloSite (where the users go). It does not contact Halo; Get-GcImportPlan
    /// shows how each override resolves (MatchedBy Override, or Skipped with the reason when it names nothing in Halo).</para>
    /// <para type="link">Set-GcPlacementOverride</para>
    /// <para type="link">Remove-GcPlacementOverride</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcPlacementOverride</code>
    /// <para>Every override as a table.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcPlacementOverride -CompanyName 'Orchard*'</code>
    /// <para>Only the overrides for company names starting with Orchard (wildcards, ignoring case).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcPlacementOverride")]
    [OutputType(typeof(GcPlacementOverride))]
    public sealed class GetGcPlacementOverrideCommand : GcCmdlet
    {
        /// <summary>Only overrides for the GoCardless customer ids that match (wildcards allowed). Default: all.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? CustomerId { get; set; }

        /// <summary>Only overrides for the company names that match (wildcards allowed, ignoring case). Default: all.</summary>
        [Parameter]
        [SupportsWildcards]
        public string? CompanyName { get; set; }

        protected override void End()
        {
            var id = CustomerId is null ? null : new WildcardPattern(CustomerId, WildcardOptions.None);
            var company = CompanyName is null ? null : new WildcardPattern(CompanyName, WildcardOptions.IgnoreCase);
            foreach (var placement in Context.Settings.PlacementOverrides)
            {
                if ((id is null || (placement.CustomerId is not null && id.IsMatch(placement.CustomerId)))
                    && (company is null || (placement.CompanyName is not null && company.IsMatch(placement.CompanyName))))
                {
                    WriteObject(StatusBuilder.Placement(placement));
                }
            }
        }
    }
}
