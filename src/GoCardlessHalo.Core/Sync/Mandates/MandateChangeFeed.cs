// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Sync.Mandates
{
    /// <summary>
    /// The mandate status changes a payment sync stored, waiting to be handed out (Sync-GcPayment drains it beside the
    /// payment changes it streams). A first-run backfill never reports: what the ledger learns about mandates then is
    /// history, not news (issue 11: the RMM example raised 254 warnings on its first run).
    /// </summary>
    public sealed class MandateChangeFeed
    {
        private readonly Queue<MandateChange> _queue = new Queue<MandateChange>();

        /// <summary>Every failure reported so far in this run ("MD1 of CU1: active -> cancelled"), for Test-GcModule.</summary>
        public List<string> Failures { get; } = new List<string>();

        /// <summary>The changes recorded since the last call, oldest first.</summary>
        public IReadOnlyList<MandateChange> Drain()
        {
            var drained = _queue.ToList();
            _queue.Clear();
            return drained;
        }

        /// <summary>
        /// Takes the mandate rows one committed transaction wrote: a status that moved, or (outside a backfill) a mandate
        /// first seen since the module started watching. <paramref name="links"/> names each customer's Halo user.
        /// </summary>
        internal void Record(IReadOnlyList<(MandateRow? Before, MandateRow After)> writes, PaymentChangeOrigin origin, IEnumerable<KeyValuePair<string, int>> links, DateTimeOffset now)
        {
            var news = writes
                .Where(w => w.Before is null ? origin != PaymentChangeOrigin.Backfill : w.Before.Status != w.After.Status)
                .ToList();
            if (news.Count == 0)
            {
                return;
            }

            var userOf = links.ToDictionary(l => l.Key, l => l.Value, LinkValues.Comparer!);
            foreach (var (before, after) in news)
            {
                var change = new MandateChange
                {
                    MandateId = after.MandateId,
                    CustomerId = after.CustomerId,
                    HaloUserId = after.CustomerId is not null && userOf.TryGetValue(after.CustomerId, out var user) ? user : (int?)null,
                    OldStatus = before?.Status,
                    NewStatus = after.Status,
                    DetectedAt = now,
                };
                _queue.Enqueue(change);
                if (change.IsFailure)
                {
                    Failures.Add($"{change.MandateId} of {change.CustomerId ?? "no customer"}: {change.OldStatus ?? "new"} -> {change.NewStatus}");
                }
            }
        }
    }
}
