// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Mandates
{
    /// <summary>
    /// A mandate whose status changed since the module started watching it (issue 11: a cancelled, failed, expired or
    /// blocked mandate is more than an audit line). Reported by Sync-GcPayment once the transaction that stored it committed.
    /// </summary>
    public sealed record MandateChange
    {
        public string MandateId { get; init; } = string.Empty;

        public string? CustomerId { get; init; }

        /// <summary>The Halo user linked to the customer when the change was stored; null when none is.</summary>
        public int? HaloUserId { get; init; }

        /// <summary>The status the ledger had; null for a mandate first seen after the first sync (created since).</summary>
        public string? OldStatus { get; init; }

        public string NewStatus { get; init; } = string.Empty;

        /// <summary>When this run stored the change (GoCardless's mandate has no status-change time of its own).</summary>
        public DateTimeOffset DetectedAt { get; init; }

        /// <summary>True when the mandate can no longer collect: <see cref="MandateStatuses.IsFailure"/>.</summary>
        public bool IsFailure => MandateStatuses.IsFailure(NewStatus);

        /// <summary>"MD123 active -> cancelled".</summary>
        public override string ToString() => MandateId + " " + (OldStatus ?? "(new)") + " -> " + NewStatus;
    }

    /// <summary>The one rule for which mandate statuses need attention.</summary>
    public static class MandateStatuses
    {
        // A mandate in one of these states collects nothing until the payer sets up a new one (or, for
        // suspended_by_payer, re-enables it): https://developer.gocardless.com/api-reference#core-endpoints-mandates
        private static readonly HashSet<string> Failures = new HashSet<string>(StringComparer.Ordinal)
        {
            MandateStatus.Failed, MandateStatus.Cancelled, MandateStatus.Expired, MandateStatus.Blocked, MandateStatus.SuspendedByPayer,
        };

        /// <summary>The statuses that need attention, for help text and filters.</summary>
        public static IReadOnlyList<string> FailureStatuses { get; } = Failures.OrderBy(s => s, StringComparer.Ordinal).ToList();

        /// <summary>True for failed, cancelled, expired, blocked and suspended_by_payer.</summary>
        public static bool IsFailure(string? status) => status is not null && Failures.Contains(status);
    }
}
