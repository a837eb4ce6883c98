// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Plans waiting to be written together. Plans are made against the Halo snapshot, which learns about a
    /// write only once it is done; so a plan for a customer already waiting, or one touching a Halo user
    /// another waiting plan touches, must wait until the batch is written and be planned again — otherwise the
    /// same customer could be created twice, or two customers linked to one user.
    /// </summary>
    public sealed class ImportBatch
    {
        private readonly List<ImportPlan> _plans = new List<ImportPlan>();
        private readonly HashSet<string> _customers = new HashSet<string>(System.StringComparer.Ordinal);
        private readonly HashSet<int> _users = new HashSet<int>();

        public ImportBatch(int capacity)
        {
            Capacity = capacity < 1 ? 1 : capacity;
        }

        public int Capacity { get; }

        public bool IsFull => _plans.Count >= Capacity;

        /// <summary>True when the customer already waits here (write the batch before planning it).</summary>
        public bool Holds(string customerId) => _customers.Contains(customerId);

        /// <summary>True when the plan touches a Halo user a waiting plan touches (write the batch, then plan again).</summary>
        public bool Conflicts(ImportPlan plan) => plan.ExistingUser is { } user && _users.Contains(user.Id);

        public void Add(ImportPlan plan)
        {
            _plans.Add(plan);
            _customers.Add(plan.Customer.Id);
            if (plan.ExistingUser is { } user)
            {
                _users.Add(user.Id);
            }
        }

        /// <summary>The waiting plans, in order; the batch is empty afterwards.</summary>
        public IReadOnlyList<ImportPlan> Take()
        {
            var plans = _plans.ToArray();
            _plans.Clear();
            _customers.Clear();
            _users.Clear();
            return plans;
        }
    }
}
