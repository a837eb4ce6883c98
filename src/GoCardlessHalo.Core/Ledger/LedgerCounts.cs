// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>Row counts of the ledger's tables, for the figures tests and the benchmark.</summary>
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
