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
        /// Plans <paramref name="customer"/>. When the batch had to be written first, its results come back in
        /// <c>Written</c> (in order, before this customer's).
        /// </summary>
        public async Task<(ImportPlan Plan, IReadOnlyList<ImportResult> Written)> PlanAsync(Customer customer, CancellationToken cancellationToken)
        {
            var plan = _importer.Plan(customer);
            if (!_batch.Holds(customer.Id) && !_batch.Conflicts(plan))
            {
                return (plan, Array.Empty<ImportResult>());
            }

            var written = await FlushAsync(cancellationToken).ConfigureAwait(false);
            return (_importer.Plan(customer), written);
        }

        /// <summary>Queues a plan that writes; when that fills the batch, writes it and returns the results.</summary>
        public async Task<IReadOnlyList<ImportResult>> AddAsync(ImportPlan plan, CancellationToken cancellationToken)
        {
            _batch.Add(plan);
            return _batch.IsFull ? await FlushAsync(cancellationToken).ConfigureAwait(false) : Array.Empty<ImportResult>();
        }

        /// <summary>Writes whatever waits (nothing to do when the batch is empty).</summary>
        public Task<IReadOnlyList<ImportResult>> FlushAsync(CancellationToken cancellationToken) =>
            _importer.WriteAsync(_batch.Take(), cancellationToken);
    }
}
