// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>A gch_mandate row: which customer a mandate belongs to (payments only link their mandate) and its status.</summary>
    internal sealed record MandateRecord(string MandateId, string? CustomerId, string Status, DateTimeOffset CreatedAt)
    {
        public bool SameStoredValues(MandateRecord other) =>
            MandateId == other.MandateId && CustomerId == other.CustomerId && Status == other.Status && CreatedAt.UtcTicks == other.CreatedAt.UtcTicks;
    }

    /// <summary>Row counts of the ledger's tables, for figures and health checks.</summary>
    public sealed class LedgerCounts
    {
        /// <summary>Payments stored (those of linked customers).</summary>
        public long Payments { get; init; }

        /// <summary>Mandates known (all of the account's).</summary>
        public long Mandates { get; init; }

        /// <summary>Linked customers whose history is in the ledger.</summary>
        public long Customers { get; init; }

        /// <summary>Event ids kept for deduplication inside the overlap window.</summary>
        public long SeenEvents { get; init; }

        /// <inheritdoc />
        public override string ToString() => $"{Payments} payments, {Mandates} mandates, {Customers} customers, {SeenEvents} seen events";
    }
}
