// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The plan for a run: one item per invoice in scope, and the run total it adds up to.</summary>
    public sealed class CollectionPlan
    {
        private readonly decimal? _maximumRunTotal;

        internal CollectionPlan(IReadOnlyList<CollectionPlanItem> items, decimal? maximumRunTotal)
        {
            Items = items;
            _maximumRunTotal = maximumRunTotal;
            Recount();
        }

        /// <summary>Every invoice in scope, in invoice id order.</summary>
        public IReadOnlyList<CollectionPlanItem> Items { get; }

        /// <summary>What the run would charge, minor units per currency.</summary>
        public IReadOnlyDictionary<string, long> Totals { get; private set; } = new Dictionary<string, long>();

        /// <summary>Why the run is over its configured total (names the currency and both figures), or null.</summary>
        public string? RunTotalExceeded { get; private set; }

        /// <summary>The invoices that will be charged.</summary>
        public IEnumerable<CollectionPlanItem> Collectable => Items.Where(i => i.Collectable);

        /// <summary>Totals again, after items were skipped (<see cref="PlannedCharges.HoldTo"/>).</summary>
        internal void Recount()
        {
            Totals = CollectionPlanner.Totals(Items);
            RunTotalExceeded = CollectionPlanner.OverRunTotal(Totals, _maximumRunTotal);
        }
    }
}
