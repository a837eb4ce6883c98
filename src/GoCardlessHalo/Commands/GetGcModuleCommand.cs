// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows whether the integration is enabled, how it reaches GoCardless and Halo, and how the last syncs went.</para>
    /// <para type="description">Never shows a secret: the access token and other secrets are described by where they are read from.
    /// When no settings file exists the status says Configured = False.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GcModule")]
    [OutputType(typeof(GcModuleStatus))]
    public sealed class GetGcModuleCommand : GcCmdlet
    {
        protected override void End() => WriteObject(StatusBuilder.Status(Context));
    }
}
