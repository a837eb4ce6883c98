// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sync.Payments;

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
            if (query.InvoiceIds is null)
            {
                await AddUnlistedAsync(HaloInvoices.Of(halo), invoices, priors, query, log, cancellationToken).ConfigureAwait(false);
            }

            return CollectionPlanner.Plan(invoices, payers, priors, options);
        }

        /// <summary>
        /// A Halo whose lists leave voided invoices out (HALO-INVOICES.md §5.3, emulator switch VoidedInList) would hide the
        /// change the admin most needs to see: so every invoice whose payment is still in flight (neither failed nor paid
        /// out) and that the list did not return is read by id, one request each, which only in-flight collections cost.
        /// </summary>
        private static async Task AddUnlistedAsync(
            IHaloInvoices reader, List<HaloInvoice> invoices, IReadOnlyDictionary<int, PriorCollection> priors, HaloInvoiceQuery query, IEngineLog? log, CancellationToken cancellationToken)
        {
            var listed = new HashSet<int>(invoices.Select(i => i.Id));
            foreach (var prior in priors.Values.Where(p => !listed.Contains(p.InvoiceId) && !p.DidNotCollect && p.PaymentStatus != PaymentStatus.PaidOut).OrderBy(p => p.InvoiceId))
            {
                try
                {
                    await foreach (var invoice in reader.GetInvoicesAsync(new HaloInvoiceQuery { ClientId = query.ClientId, InvoiceIds = new[] { prior.InvoiceId } }, cancellationToken).ConfigureAwait(false))
                    {
                        invoices.Add(invoice);
                    }
                }
                catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.HaloNotFound)
                {
                    log?.Warning($"Halo invoice {prior.InvoiceId.ToString(CultureInfo.InvariantCulture)}, collected by payment {prior.PaymentId ?? "(being recorded)"} ({CurrencyAmounts.Format(prior.Amount, prior.Currency)}), is no longer in Halo; review that payment in GoCardless.");
                }
            }
        }
    }
}
