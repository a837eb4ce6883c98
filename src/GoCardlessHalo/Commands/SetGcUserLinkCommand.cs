// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Links a Halo user to a GoCardless customer by hand: sets the user's GoCardless customer id.</para>
    /// <para type="description">Fixes a wrong link or chooses between duplicates without opening SQL: the next Import-GcUser finds
    /// the user by its link (MatchedBy Link) wherever it lives, and Sync-GcPayment syncs its payments. A customer is linked to one
    /// user at most: linking a customer already linked to another user is refused (UserLinkConflict) until that link is removed
    /// with Remove-GcUserLink. A user linked to another customer is relinked (the confirmation says which id it had). The change
    /// is written to Halo under the run lock and appended to the audit log; it is not recorded as an import.</para>
    /// <para type="link">Remove-GcUserLink</para>
    /// <para type="link">Get-GcUser</para>
    /// <para type="link">Import-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Set-GcUserLink -HaloUserId 1042 -CustomerId CU000123ABC</code>
    /// <para>Links Halo user 1042 to the GoCardless customer; an import skipped with "several unlinked Halo users have the email"
    /// names the candidates to choose from.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Remove-GcUserLink -HaloUserId 1042; Set-GcUserLink -HaloUserId 1077 -CustomerId CU000123ABC -WhatIf</code>
    /// <para>Moves a wrong link from one contact to the right one; -WhatIf shows the second step without writing it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "GcUserLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetGcUserLinkCommand : UserLinkCmdlet
    {
        /// <summary>The GoCardless customer id (CU…) the user is linked to. Also by property name from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^CU[0-9A-Z]+$")]
        public string CustomerId { get; set; } = string.Empty;

        protected override string? NewCustomerId => CustomerId;
    }
}
