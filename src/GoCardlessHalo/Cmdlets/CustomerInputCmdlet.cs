// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// Base of cmdlets that work through GoCardless customers: from the pipeline (Get-GcCustomer output), by id
    /// (also from any object with a CustomerId property), or — when neither is given — every customer.
    /// Subclasses handle one customer at a time, in arrival order.
    /// </summary>
    public abstract class CustomerInputCmdlet : GcCmdlet
    {
        protected const string AllSet = "All";
        protected const string InputSet = "InputObject";
        protected const string IdSet = "Id";

        /// <summary>GoCardless customers as Get-GcCustomer writes them, usually from the pipeline. Without -InputObject or -CustomerId,
        /// every GoCardless customer is read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputSet, ValueFromPipeline = true)]
        public GcCustomer[] InputObject { get; set; } = Array.Empty<GcCustomer>();

        /// <summary>GoCardless customer ids (CU…), also from the pipeline: strings, or any object with a CustomerId or GoCardlessCustomerId
        /// property (Get-GcUser output). An id
        /// GoCardless does not know is a non-terminating error (GoCardlessNotFound); the others are still handled.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GoCardlessCustomerId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomerIdCompleter))]
        public string[] CustomerId { get; set; } = Array.Empty<string>();

        /// <summary>The client that fetches customers given by id, and lists them all.</summary>
        internal abstract GoCardlessClient GoCardless { get; }

        /// <summary>Handles one customer.</summary>
        internal abstract void Handle(Customer customer);

        protected override void Process()
        {
            if (ParameterSetName == InputSet)
            {
                foreach (var customer in InputObject)
                {
                    Handle(customer.Source);
                }
            }
            else if (ParameterSetName == IdSet)
            {
                foreach (var id in CustomerId)
                {
                    Customer customer;
                    try
                    {
                        customer = Await(GoCardless.GetCustomerAsync(id.Trim(), CancellationToken));
                    }
                    catch (GcHaloException ex) when (ex.Kind == ErrorKind.NotFound)
                    {
                        WriteItemError(ex);
                        continue;
                    }

                    Handle(customer);
                }
            }
        }

        /// <summary>In the All set, streams every customer to <see cref="Handle"/>; call from End.</summary>
        protected void HandleAllWhenNoneGiven()
        {
            if (ParameterSetName == AllSet)
            {
                foreach (var customer in Stream(GoCardless.ListCustomersAsync(null, CancellationToken)))
                {
                    Handle(customer);
                }
            }
        }
    }
}
