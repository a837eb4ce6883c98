// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Unlinks a Halo user from its GoCardless customer: clears the user's GoCardless customer id.</para>
    /// <para type="description">The user stays in Halo as it is; only the link field is cleared. The next Import-GcUser treats
    /// the customer as unlinked again (it may link another contact with the same email, or create a user), so clear a wrong link
    /// and then set the right one with Set-GcUserLink. Written under the run lock and appended to the audit log.</para>
    /// <para type="link">Set-GcUserLink</para>
    /// <para type="link">Get-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcUser -CustomerId CU000123ABC | Remove-GcUserLink -WhatIf</code>
    /// <para>Shows which user would be unlinked from the customer, and changes nothing.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Remove-GcUserLink -HaloUserId 1042 -Confirm:$false</code>
    /// <para>Clears user 1042's GoCardless customer id without asking; the change is in GoCardlessHalo.audit.jsonl.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "GcUserLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveGcUserLinkCommand : UserLinkCmdlet
    {
        protected override string? NewCustomerId => null;
    }
}
