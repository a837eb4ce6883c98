// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows, for each unpaid posted Halo invoice, what New-GcPayment would charge by direct debit, or why not.</para>
    /// <para type="description">Reads Halo's posted invoices in scope (-InvoiceId, -ClientId, -DueBefore, or all), the Halo users
    /// linked to GoCardless customers and those customers' usable mandates, and the module's ledger of earlier collections. One
    /// object per invoice: Collectable, the amount due and currency, the charge date (never before the mandate's next possible
    /// charge date; the due date when later), the linked user, GoCardless customer and mandate that pay it; or SkipReason and
    /// Reason: not posted, voided, nothing due (paid, or a credit note), currency unknown or not collectable on the mandate's
    /// scheme, no linked user with a usable mandate, several candidate mandates (never guessed between: -MandateChoice), a
    /// mandate of another customer, already collected, changed in Halo after collection, a previous payment failed (charged again
    /// only with New-GcPayment -Retry), on hold, above -MaximumAmount.</para>
    /// <para type="description">It writes nothing, takes no lock and charges nothing. Pipe it into New-GcPayment to charge what it
    /// shows: New-GcPayment charges only the invoices this plan marks Collectable, and only the Amount it shows.</para>
    /// <para type="link">New-GcPayment</para>
    /// <para type="link">Sync-GcPayment</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Get-GcCollectionPlan -DueBefore (Get-Date).AddDays(7)</code>
    /// <para>The invoices due within a week: number, customer, amount, charge date, mandate, or why each will not be charged.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCollectionPlan | Where-Object -Not Collectable | Group-Object SkipReason | Format-Table Count, Name</code>
    /// <para>Why invoices will not be collected, counted by reason: the list to work through before the monthly run.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Get-GcCollectionPlan -ClientId 12 -MaximumAmount 5000 | New-GcPayment</code>
    /// <para>Plans one customer's invoices up to 5,000 each and charges exactly what the plan shows.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "GcCollectionPlan")]
    [OutputType(typeof(GcCollectionPlanItem))]
    public sealed class GetGcCollectionPlanCommand : CollectionScopeCmdlet
    {
        private GoCardlessClient? _client;
        private IHaloTarget? _target;
        private PaymentLedger? _ledger;

        protected override void End()
        {
            _client = Connections.CreateGoCardlessClient();
            _target = Connections.CreateHaloTarget();
            Await(_target.OpenAsync(CancellationToken));
            _ledger = Connections.OpenLedgerToRead();
            var plan = Await(CollectionPlanning.PlanAsync(_target, _client, _ledger, Query(), Options(), Context.Settings.Halo.LinkField, Log, CancellationToken));
            foreach (var item in plan.Items)
            {
                WriteObject(CollectionMapper.ToOutput(item));
            }

            var totals = string.Join(", ", plan.Totals.Select(t => Core.Sync.Payments.CurrencyAmounts.Format(t.Value, t.Key)));
            WriteVerbose($"{plan.Collectable.Count()} of {plan.Items.Count} invoice(s) collectable{(totals.Length == 0 ? string.Empty : ": " + totals)}.");
        }

        protected override void DisposeResources()
        {
            _ledger?.Dispose();
            _target?.Dispose();
            _client?.Dispose();
        }
    }
}
