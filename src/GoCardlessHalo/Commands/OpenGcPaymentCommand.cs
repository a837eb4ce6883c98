// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Opens payments in the GoCardless dashboard, like double-clicking a payment on Halo's "GoCardless Payments" tab.</para>
    /// <para type="description">Takes payments from Get-GcPayment (or payment ids) and opens each one's dashboard page in the default
    /// browser ($env:BROWSER when set). On a machine that cannot show a page — a server, an RMM agent — it writes the URL instead of
    /// failing. -PassThru writes each URL in any case.</para>
    /// <para type="description">Payments piped from Get-GcPayment bring their own DashboardUrl; for bare payment ids the URL is
    /// built from the configured environment (https://manage.gocardless.com/payments/PM…, manage-sandbox for Sandbox, or the
    /// -DashboardBaseUri given to Enable-GcModule). -WhatIf shows which pages would open.</para>
    /// <para type="output" name="System.String">The dashboard URL of each payment that could not be shown because this machine has
    /// no browser; with -PassThru, the URL of every payment opened as well.</para>
    /// <para type="link">Get-GcPayment</para>
    /// <para type="link">Get-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcPayment -CustomerId CU000123ABC | Select-Object -First 1 | Open-GcPayment</code>
    /// <para>Opens the customer's most recent payment in the GoCardless dashboard, in the default browser.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Open-GcPayment PM000456DEF</code>
    /// <para>Opens one payment by id. Over SSH or in an RMM session, where no browser can run, it writes the URL instead.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcPayment -Status failed -Since (Get-Date).AddDays(-7) | Open-GcPayment -WhatIf</code>
    /// <para>Shows which dashboard pages the failed payments of the last week would open, without opening any.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Open, "GcPayment", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class OpenGcPaymentCommand : GcCmdlet
    {
        private DashboardLinks? _dashboard;

        /// <summary>GoCardless payment ids (PM…), also from the pipeline: strings, or objects with a PaymentId property such as
        /// Get-GcPayment and Sync-GcPayment output.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] PaymentId { get; set; } = Array.Empty<string>();

        /// <summary>The dashboard page to open, taken by property name from Get-GcPayment output; when absent it is built from the
        /// configured environment and the payment id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DashboardUrl { get; set; }

        /// <summary>Write each URL to the pipeline, also when the page was opened in a browser.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            foreach (var id in PaymentId)
            {
                var url = PaymentId.Length == 1 && !string.IsNullOrWhiteSpace(DashboardUrl)
                    ? ParseUrl(DashboardUrl!)
                    : Dashboard().Payment(id.Trim());
                if (url is null || !ShouldProcess(url.AbsoluteUri, $"Open GoCardless payment {id} in the browser"))
                {
                    continue;
                }

                if (Browser.TryOpen(url, out var how))
                {
                    WriteVerbose($"Opened {url.AbsoluteUri} with {how}.");
                    if (PassThru)
                    {
                        WriteObject(url.AbsoluteUri);
                    }
                }
                else
                {
                    // Nothing can show a page here (no desktop, no browser): hand the URL back instead of failing.
                    WriteVerbose($"No browser is available on this machine ({how} cannot run); writing the URL instead.");
                    WriteObject(url.AbsoluteUri);
                }
            }
        }

        private DashboardLinks Dashboard() => _dashboard ??= Connections.Dashboard();

        private Uri? ParseUrl(string text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                return url;
            }

            WriteItemError(new GcHaloException(ErrorIds.DashboardUrlInvalid, ErrorKind.InvalidArgument, $"'{text}' is not an http(s) address, so it is not opened.", text));
            return null;
        }
    }
}
