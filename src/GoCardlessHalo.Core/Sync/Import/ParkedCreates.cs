// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Creates whose outcome Halo's answer left unknown (issue 8): Halo may hold the user, so the customer must not
    /// be written again until a read-back has looked for it by link value. Reading back after every such batch cost
    /// about one read of every user per batch (benchmark section 5), so they wait here and one read-back settles many.
    /// The rule for when (<see cref="IsDue"/>): once the read-back costs no more than half a request per write that
    /// left creates waiting (a cheap per-site read soon, a read of every user rarely: with one read per write request
    /// the 10,000-customer benchmark read every user 7 times, 2.3× the requests of an answer that says everything);
    /// and always at the end of the write phase. A customer waiting here is never planned again before that (<see cref="ImportQueue"/>).
    /// </summary>
    internal sealed class ParkedCreates
    {
        private readonly List<(ImportPlan Plan, int Attempt)> _plans = new List<(ImportPlan Plan, int Attempt)>();
        private readonly HashSet<string> _customers = new HashSet<string>(StringComparer.Ordinal);

        public int Count => _plans.Count;

        /// <summary>The write requests that left creates waiting since the last read-back.</summary>
        public int Writes { get; private set; }

        /// <summary>Why the last of them left its outcome unknown (Halo's answer, as the target described it).</summary>
        public string? LastCause { get; private set; }

        /// <summary>True when the customer's create waits for a read-back.</summary>
        public bool Holds(string customerId) => _customers.Contains(customerId);

        /// <summary>Parks the creates one write request left unknown (<paramref name="attempt"/>: how often they were sent).</summary>
        public void Add(IEnumerable<ImportPlan> plans, int attempt, string cause)
        {
            var any = false;
            foreach (var plan in plans)
            {
                _plans.Add((plan, attempt));
                _customers.Add(plan.Customer.Id);
                any = true;
            }

            if (any)
            {
                Writes++;
                LastCause = cause;
            }
        }

        /// <summary>The link value and site of each waiting create: what a read-back looks for, and where.</summary>
        public IReadOnlyList<(string Link, int SiteId)> Wanted() => _plans.Select(p => (p.Plan.Customer.Id, p.Plan.Site!.Id)).ToList();

        /// <summary>True once one read-back of every waiting create costs at most half a request per write that left them waiting.</summary>
        public bool IsDue(HaloDirectory directory) => _plans.Count > 0 && 2 * SavedUserReadBack.Cost(directory, Wanted()).Requests <= Writes;

        /// <summary>The waiting creates, in the order they were written; none wait afterwards.</summary>
        public IReadOnlyList<(ImportPlan Plan, int Attempt)> Take()
        {
            var plans = _plans.ToArray();
            _plans.Clear();
            _customers.Clear();
            Writes = 0;
            return plans;
        }
    }
}
