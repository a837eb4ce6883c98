// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// The import loop's batching, shared by Import-GcUser and the benchmark: plans wait in an
    /// <see cref="ImportBatch"/> and are written together when it is full — or first, when a new plan would touch a
    /// customer or Halo user a waiting plan touches (then the customer is planned again against the written state).
    /// Whoever drives it decides, between <see cref="PlanAsync"/> and <see cref="AddAsync"/>, whether a plan is
    /// carried out at all (Import-GcUser asks ShouldProcess there).
    /// Creates whose outcome Halo's answer left unknown wait in the importer for one read-back that settles many
    /// (<see cref="UserImporter.SettleAsync"/>): read back when that is due, before their customer is planned again,
    /// and at the latest by <see cref="FlushAsync"/>. Their results then come later than their customers were planned,
    /// so results are not in input order; each plan's result comes back exactly once.
    /// </summary>
    public sealed class ImportQueue
    {
        private readonly UserImporter _importer;
        private readonly ImportBatch _batch;

        public ImportQueue(UserImporter importer, int batchSize)
        {
            _importer = importer;
            _batch = new ImportBatch(batchSize);
        }

        /// <summary>
        /// Plans <paramref name="customer"/>. When the batch had to be written first (or the customer's earlier create
        /// read back), those results come back in <c>Written</c>, before this customer's.
        /// </summary>
        public async Task<(ImportPlan Plan, IReadOnlyList<ImportResult> Written)> PlanAsync(Customer customer, CancellationToken cancellationToken)
        {
            var plan = _importer.Plan(customer);
            var parked = _importer.IsParked(customer.Id);
            if (!_batch.Holds(customer.Id) && !_batch.Conflicts(plan) && !parked)
            {
                return (plan, Array.Empty<ImportResult>());
            }

            var written = await WriteAsync(settleAll: parked, cancellationToken).ConfigureAwait(false);
            return (_importer.Plan(customer), written);
        }

        /// <summary>Queues a plan that writes; when that fills the batch, writes it and returns the results (with any creates read back).</summary>
        public async Task<IReadOnlyList<ImportResult>> AddAsync(ImportPlan plan, CancellationToken cancellationToken)
        {
            _batch.Add(plan);
            return _batch.IsFull ? await WriteAsync(settleAll: false, cancellationToken).ConfigureAwait(false) : Array.Empty<ImportResult>();
        }

        /// <summary>The end of the write phase: writes whatever waits and settles every create still waiting for a read-back.</summary>
        public Task<IReadOnlyList<ImportResult>> FlushAsync(CancellationToken cancellationToken) => WriteAsync(settleAll: true, cancellationToken);

        private async Task<IReadOnlyList<ImportResult>> WriteAsync(bool settleAll, CancellationToken cancellationToken)
        {
            var results = new List<ImportResult>(await _importer.WriteBatchAsync(_batch.Take(), cancellationToken).ConfigureAwait(false));
            results.AddRange(await _importer.SettleAsync(settleAll, _batch.Capacity, cancellationToken).ConfigureAwait(false));
            return results;
        }
    }
}
