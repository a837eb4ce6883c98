// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>A gch_mandate row: which customer a mandate belongs to (payments only link their mandate) and its status.</summary>
    internal sealed record MandateRow(string MandateId, string? CustomerId, string Status, DateTimeOffset CreatedAt)
    {
        public bool SameStoredValues(MandateRow other) =>
            MandateId == other.MandateId && CustomerId == other.CustomerId && Status == other.Status && CreatedAt.UtcTicks == other.CreatedAt.UtcTicks;
    }

    /// <summary>
    /// Every mandate the ledger knows, kept current during a run: payments link only their mandate, so this is how
    /// a payment finds its customer. Mandates seen in a list or fetched are compared with the stored row and queued
    /// for writing only when something changed; unknown ones are fetched once, before any transaction opens, so no
    /// database lock is held across a request.
    /// </summary>
    internal sealed class MandateDirectory
    {
        private readonly Dictionary<string, MandateRow> stored;
        private readonly Dictionary<string, MandateRow> pending = new Dictionary<string, MandateRow>(StringComparer.Ordinal);
        private readonly GoCardlessClient client;
        private readonly PaymentSyncStatistics statistics;
        private readonly IEngineLog log;

        public MandateDirectory(Dictionary<string, MandateRow> stored, GoCardlessClient client, PaymentSyncStatistics statistics, IEngineLog log)
        {
            this.stored = stored;
            this.client = client;
            this.statistics = statistics;
            this.log = log;
        }

        /// <summary>True when mandates are waiting to be written.</summary>
        public bool HasPending => pending.Count > 0;

        /// <summary>How many mandates are waiting to be written.</summary>
        public int PendingCount => pending.Count;

        /// <summary>The mandate's customer, or null when the mandate is unknown or has none.</summary>
        public string? CustomerOf(string? mandateId) => mandateId is null ? null : Find(mandateId)?.CustomerId;

        /// <summary>Takes a mandate as GoCardless shows it now; queues a write when it differs from the ledger.</summary>
        public async Task ObserveAsync(Mandate mandate, CancellationToken cancellationToken)
        {
            var known = Find(mandate.Id);

            // Mandates from before links.customer existed reach their customer through the bank account. A mandate
            // never changes bank account, nor an account customer, so the customer already known is reused.
            var customer = mandate.CustomerId ?? known?.CustomerId;
            if (customer is null && mandate.CustomerBankAccountId is { } account)
            {
                customer = (await client.GetCustomerBankAccountAsync(account, cancellationToken).ConfigureAwait(false)).CustomerId;
            }

            if (customer is null)
            {
                log.Warning($"Mandate {mandate.Id} links no customer and no bank account, so its payments cannot be attributed to anyone; they are skipped.");
            }

            var record = new MandateRow(mandate.Id, LinkValues.Normalize(customer), mandate.Status, mandate.CreatedAt);
            if (known is null || !known.SameStoredValues(record))
            {
                pending[record.MandateId] = record;
            }
        }

        /// <summary>Fetches the mandates among <paramref name="mandateIds"/> that are not known yet.</summary>
        public Task ResolveAsync(IEnumerable<string?> mandateIds, CancellationToken cancellationToken) =>
            FetchAsync(mandateIds.Where(id => id is not null && Find(id) is null).Select(id => id!), cancellationToken);

        /// <summary>Fetches every one of <paramref name="mandateIds"/> (they had events: their status may have moved).</summary>
        public Task RefreshAsync(IEnumerable<string> mandateIds, CancellationToken cancellationToken) => FetchAsync(mandateIds, cancellationToken);

        /// <summary>Writes the queued mandates; returns what was written (before is null for a new mandate).</summary>
        public async Task<IReadOnlyList<(MandateRow? Before, MandateRow After)>> FlushAsync(LedgerWriter writer, CancellationToken cancellationToken)
        {
            var written = new List<(MandateRow?, MandateRow)>(pending.Count);
            foreach (var record in pending.Values)
            {
                stored.TryGetValue(record.MandateId, out var before);
                await writer.SaveMandateAsync(record, exists: before is not null, cancellationToken).ConfigureAwait(false);
                written.Add((before, record));
            }

            // A failed commit ends the run, and the next run reloads the mandates from the ledger.
            foreach (var (_, after) in written)
            {
                stored[after.MandateId] = after;
            }

            pending.Clear();
            return written;
        }

        private MandateRow? Find(string mandateId) =>
            pending.TryGetValue(mandateId, out var queued) ? queued : stored.TryGetValue(mandateId, out var known) ? known : null;

        private async Task FetchAsync(IEnumerable<string> mandateIds, CancellationToken cancellationToken)
        {
            foreach (var id in mandateIds.Distinct(StringComparer.Ordinal).ToList())
            {
                var mandate = await client.GetMandateAsync(id, cancellationToken).ConfigureAwait(false);
                statistics.MandatesFetched++;
                await ObserveAsync(mandate, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
