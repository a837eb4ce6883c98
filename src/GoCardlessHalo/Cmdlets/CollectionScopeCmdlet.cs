// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Core.Invoices;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// The scope parameters Get-GcCollectionPlan and New-GcPayment share (which invoices, which limits, which rule for
    /// several mandates), and the one place they become the engine's query and options, so both plan alike.
    /// </summary>
    public abstract class CollectionScopeCmdlet : GcCmdlet
    {
        private readonly List<int> _invoiceIds = new List<int>();

        /// <summary>Only these Halo invoices (their ids); binds from the pipeline by property name (Get-GcCollectionPlan's InvoiceId).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int[] InvoiceId { get; set; } = Array.Empty<int>();

        /// <summary>Only this Halo customer's invoices (its id).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? ClientId { get; set; }

        /// <summary>Only invoices due on or before this date (an invoice without a due date counts by its invoice date).</summary>
        [Parameter]
        public DateTime? DueBefore { get; set; }

        /// <summary>Invoices with more than this due (major units, in the invoice's currency) are skipped (AboveMaximum).</summary>
        [Parameter]
        [ValidateRange(0, double.MaxValue)]
        public decimal? MaximumAmount { get; set; }

        /// <summary>When several linked users' mandates could pay one invoice: Refuse (default; the invoice is skipped with
        /// SeveralMandates, never guessed) or InvoiceUser (the mandate of the user the invoice is addressed to, when linked).</summary>
        [Parameter]
        [ValidateSet("Refuse", "InvoiceUser")]
        public string MandateChoice { get; set; } = "Refuse";

        /// <summary>Invoice ids given so far (parameter or pipeline).</summary>
        internal IReadOnlyList<int> InvoiceIds => _invoiceIds;

        /// <summary>Gathers each record's ids; planning waits for the end, so the pipeline is planned in one read of Halo.</summary>
        protected override void Process() => _invoiceIds.AddRange(InvoiceId);

        /// <summary>The engine's query: the ids given, or the customer, or every posted invoice.</summary>
        internal HaloInvoiceQuery Query() => new HaloInvoiceQuery
        {
            ClientId = ClientId,
            InvoiceIds = _invoiceIds.Count > 0 || MyInvocation.ExpectingInput ? _invoiceIds.Distinct().ToList() : null,
        };

        /// <summary>The engine's options from the parameters.</summary>
        internal CollectionOptions Options(bool retry = false, decimal? maximumRunTotal = null) => new CollectionOptions
        {
            Today = DateTime.UtcNow.Date,
            DueBefore = DueBefore,
            MaximumAmount = MaximumAmount,
            MaximumRunTotal = maximumRunTotal,
            MandateChoice = (MandateChoice)Enum.Parse(typeof(MandateChoice), MandateChoice, ignoreCase: true),
            Retry = retry,
        };
    }
}
