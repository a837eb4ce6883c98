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
}
