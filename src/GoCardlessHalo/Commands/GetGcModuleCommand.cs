// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows whether the integration is enabled, how it reaches GoCardless and Halo, and how the last syncs went.</para>
    /// <para type="description">Never shows a secret: the access token and other secrets are described by where they are read from.
    /// When no settings file exists the status says Configured = False.</para>
    /// <para type="description">The status also names the settings file in use (ConfigPath) and which rule chose it (ConfigSource:
    /// Parameter, EnvironmentVariable or Default), the time of the last successful import and payment sync, and the error of the
    /// last attempt that failed. Get-GcModule reads only the settings and the sync state; it contacts neither GoCardless nor Halo
    /// (Test-GcModule does).</para>
    /// <para type="link">Enable-GcModule</para>
    /// <para type="link">Disable-GcModule</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcModule</code>
    /// <para>A one-line summary: Enabled, Environment, Target, TargetLocation, DefaultSite, the number of mappings, and when the
    /// last import and payment sync succeeded.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcModule | Format-List</code>
    /// <para>Everything, including where the access token is read from (e.g. "environment variable GOCARDLESS_ACCESS_TOKEN"),
    /// the link field, the errors of failed runs, and the settings file in use.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; (Get-GcModule -ConfigPath C:\ProgramData\GoCardlessHalo).LastPaymentSyncError</code>
    /// <para>Why the last scheduled payment sync of the machine-wide configuration failed; empty when it succeeded.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcModule")]
    [OutputType(typeof(GcModuleStatus))]
    public sealed class GetGcModuleCommand : GcCmdlet
    {
        protected override void End() => WriteObject(StatusBuilder.Status(Context));
    }
}
