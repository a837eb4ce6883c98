// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets GoCardless customers, streaming them as they arrive.</para>
    /// <para type="description">Without -Id, lists every customer (newest first, 500 per request), optionally only those
    /// created after -CreatedAfter. With -Id, gets those customers; an id that does not exist is a non-terminating error
    /// (GoCardlessNotFound) and the others are still returned. Metadata (the dashboard's custom fields) is a hashtable.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GcCustomer", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(GcCustomer))]
    public sealed class GetGcCustomerCommand : GcCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private GoCardlessClient? _client;

        /// <summary>GoCardless customer ids (CU…).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CustomerId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Only customers created after this moment.</summary>
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
