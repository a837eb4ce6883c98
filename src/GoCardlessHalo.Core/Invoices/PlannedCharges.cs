// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>What a plan the admin reviewed said about one invoice (Get-GcCollectionPlan piped into New-GcPayment).</summary>
    public sealed class PlannedCharge
    {
        /// <summary>The Halo invoice.</summary>
        public int InvoiceId { get; set; }

        /// <summary>Whether that plan would charge it.</summary>
        public bool Collectable { get; set; }

        /// <summary>The amount that plan showed, major units, when it showed one.</summary>
        public decimal? Amount { get; set; }
    }

    /// <summary>
    /// Holds a fresh plan to the plan the admin reviewed: an invoice is charged only if the reviewed plan would have charged
    /// it, and for the amount it showed. Without this, a plan made with -MaximumAmount and piped into New-GcPayment without
    /// it would charge what the admin had seen excluded; an invoice edited between the two would be charged an amount nobody
    /// reviewed.
    /// </summary>
    public static class PlannedCharges
    {
        /// <summary>Marks the plan's collectable items that the reviewed plan skipped, or showed another amount for, as DiffersFromPlan.</summary>
        public static void HoldTo(CollectionPlan plan, IReadOnlyDictionary<int, PlannedCharge> reviewed)
        {
            foreach (var item in plan.Collectable)
            {
                if (!reviewed.TryGetValue(item.Invoice.Id, out var seen))
                {
                    continue;
                }

                if (!seen.Collectable)
                {
                    Skip(item, "The plan piped in does not charge this invoice; pipe only collectable items, or run New-GcPayment -InvoiceId with the options you want.");
                }
                else if (seen.Amount is { } amount && MinorUnits.FromMajor(amount, item.Currency!) != item.Amount)
                {
                    Skip(item, $"The plan piped in showed {amount.ToString(CultureInfo.InvariantCulture)} {item.Currency}, but {item.Invoice.AmountDue.ToString(CultureInfo.InvariantCulture)} is due now; plan again.");
                }
            }

            plan.Recount();
        }

        private static void Skip(CollectionPlanItem item, string reason)
        {
            item.Skip = CollectionSkipReason.DiffersFromPlan;
            item.Reason = reason;
        }
    }
}
