// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>One line of the audit log (<see cref="AuditLog"/>): a change made in Halo or the ledger by one run.</summary>
    public sealed class AuditEntry
    {
        public AuditEntry(DateTimeOffset time, string runId, string action, string target, string? customerId,
            IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after, string? reconciledBy = null)
        {
            ReconciledBy = reconciledBy;
            Time = time;
            RunId = runId;
            Action = action;
            Target = target;
            CustomerId = customerId;
            Before = before;
            After = after;
            HaloUserId = HaloUserIdOf(target);
        }

        /// <summary>The Halo user a target names ("halo-user:123"), or null when it names none.</summary>
        public static int? HaloUserIdOf(string target) =>
            target.StartsWith(HaloUserPrefix, StringComparison.Ordinal)
            && int.TryParse(target.Substring(HaloUserPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? id : (int?)null;

        /// <summary>How <see cref="AuditLog.Write"/> names a Halo user as the target ("halo-user:123").</summary>
        public const string HaloUserPrefix = "halo-user:";

        public DateTimeOffset Time { get; }

        public string RunId { get; }

        /// <summary>e.g. user.created, user.updated, user.linked, customer.link, mandate.status, payment.watermark.</summary>
        public string Action { get; }

        /// <summary>What the change happened to, e.g. "halo-user:123", "mandate:MD1", "ledger".</summary>
        public string Target { get; }

        public string? CustomerId { get; }

        /// <summary>The Halo user the change happened to, when the target is one.</summary>
        public int? HaloUserId { get; }

        /// <summary>Values before the change; null for a creation.</summary>
        public IReadOnlyDictionary<string, string?>? Before { get; }

        /// <summary>Values after the change.</summary>
        public IReadOnlyDictionary<string, string?>? After { get; }

        /// <summary>
        /// The run that wrote this line for <see cref="RunId"/>, which was stopped after the change and before its line
        /// (<see cref="AuditLog.Reconcile"/>); null for a line written by the run that made the change.
        /// </summary>
        public string? ReconciledBy { get; }
    }
}
