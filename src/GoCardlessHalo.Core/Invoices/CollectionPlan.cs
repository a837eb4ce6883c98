// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The plan for a run: one item per invoice in scope, and the run total it adds up to.</summary>
    public sealed class CollectionPlan
    {
        internal CollectionPlan(IReadOnlyList<CollectionPlanItem> items, IReadOnlyDictionary<string, long> totals, string? overTotal)
        {
            Items = items;
            Totals = totals;
            RunTotalExceeded = overTotal;
        }

        /// <summary>Every invoice in scope, in invoice id order.</summary>
        public IReadOnlyList<CollectionPlanItem> Items { get; }

        /// <summary>What the run would charge, minor units per currency.</summary>
        public IReadOnlyDictionary<string, long> Totals { get; }

        /// <summary>Why the run is over its configured total (names the currency and both figures), or null.</summary>
        public string? RunTotalExceeded { get; }

        /// <summary>The invoices that will be charged.</summary>
        public IEnumerable<CollectionPlanItem> Collectable => Items.Where(i => i.Collectable);
    }
}
