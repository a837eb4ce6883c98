// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets GoCardless customers, streaming them as they arrive.</para>
    /// <para type="description">Without -Id, lists every customer (newest first, 500 per request), optionally only those
    /// created after -CreatedAfter. With -Id, gets those customers; an id that does not exist is a non-terminating error
    /// (GoCardlessNotFound) and the others are still returned. Metadata (the dashboard's custom fields) is a hashtable.</para>
    /// <para type="description">Customers are written one by one as GoCardless pages them in, so a large account starts to flow
    /// at once and memory stays flat. Pipe them to Import-GcUser or Get-GcImportPlan. Get-GcCustomer only reads GoCardless; it
    /// works while the integration is disabled.</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Get-GcImportPlan</para>
    /// <para type="link">Get-GcUser</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcCustomer | Import-GcUser -WhatIf</code>
    /// <para>Streams every GoCardless customer into Import-GcUser, which prints what it would create or change in Halo, field by
    /// field, and writes nothing.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCustomer -Id CU000123ABC | Format-List CustomerId, Name, CompanyName, Email, Metadata, DashboardUrl</code>
    /// <para>One customer by id, with its custom fields (Metadata, the keys Set-GcFieldMapping maps to Halo fields) and its page
    /// in the GoCardless dashboard.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCustomer -CreatedAfter (Get-Date).AddDays(-7) | Import-GcUser</code>
    /// <para>Imports only the customers created in the last week, for example from a daily scheduled task.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCustomer | Where-Object { -not $_.Metadata['account_ref'] } | Select-Object CustomerId, Name, Email</code>
    /// <para>Lists the customers that lack the account_ref custom field, so they can be completed in the GoCardless dashboard
    /// before an import.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcCustomer", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(GcCustomer))]
    public sealed class GetGcCustomerCommand : GcCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private GoCardlessClient? _client;

        /// <summary>GoCardless customer ids (CU…), also from the pipeline: strings, or any object with a CustomerId property (e.g.
        /// Get-GcPayment or Import-GcUser output). Without -Id, every customer is listed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CustomerId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Only customers created after this moment (local time unless the value says otherwise).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedAfter { get; set; }

        protected override void Begin() => _client = Connections.CreateGoCardlessClient();

        protected override void Process()
        {
            if (ParameterSetName != IdSet)
            {
                return;
            }

            foreach (var id in Id)
            {
                try
                {
                    WriteObject(ToOutput(Await(_client!.GetCustomerAsync(id.Trim(), CancellationToken))));
                }
                catch (GcHaloException ex) when (ex.Kind == ErrorKind.NotFound)
                {
                    WriteItemError(ex);
                }
            }
        }

        protected override void End()
        {
            if (ParameterSetName != ListSet)
            {
                return;
            }

            var filter = new CustomerFilter { CreatedAfter = CreatedAfter is null ? null : new DateTimeOffset(CreatedAfter.Value.ToUniversalTime()) };
            foreach (var customer in Stream(_client!.ListCustomersAsync(filter, CancellationToken)))
            {
                WriteObject(ToOutput(customer));
            }
        }

        protected override void DisposeResources() => _client?.Dispose();

        private GcCustomer ToOutput(Customer customer) => new GcCustomer(customer, _client!.Dashboard.Customer(customer.Id));
    }
}
