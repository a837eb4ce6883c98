// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// Gathers what the planner needs — Halo's invoices in scope (through the target's <see cref="IHaloInvoices"/>),
    /// the linked payers and their mandates, the ledger's attempts — and plans. Reads only: nothing is charged or
    /// written (an interrupted attempt shows as AlreadyCollected until New-GcPayment completes it).
    /// </summary>
    public static class CollectionPlanning
    {
        /// <summary>The plan for the invoices <paramref name="query"/> selects; <paramref name="ledger"/> null when none exists yet.</summary>
        public static async Task<CollectionPlan> PlanAsync(
            IHaloTarget halo,
            GoCardlessClient client,
            PaymentLedger? ledger,
            HaloInvoiceQuery query,
            CollectionOptions options,
            string linkField,
            IEngineLog? log,
            CancellationToken cancellationToken)
        {
            var invoices = new List<HaloInvoice>();
            await foreach (var invoice in HaloInvoices.Of(halo).GetInvoicesAsync(query, cancellationToken).ConfigureAwait(false))
            {
                invoices.Add(invoice);
            }

            var payers = await PayerDirectory.ReadAsync(halo, client, linkField, log, cancellationToken).ConfigureAwait(false);
            // No ledger yet (the API target's file is created by the first charge or payment sync): nothing collected yet.
            var priors = ledger is null
                ? new Dictionary<int, PriorCollection>()
                : CollectionLedger.Latest(await new CollectionLedger(ledger).LoadAsync(cancellationToken).ConfigureAwait(false));
            return CollectionPlanner.Plan(invoices, payers, priors, options);
        }
    }
}
