// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo
{
    /// <summary>One change from the audit log, as Get-GcAuditLog returns it: what changed, when, by which run.</summary>
    public sealed class GcAuditEntry
    {
        internal GcAuditEntry(AuditEntry entry)
        {
            Time = entry.Time;
            RunId = entry.RunId;
            Action = entry.Action;
            Target = entry.Target;
            CustomerId = entry.CustomerId;
            HaloUserId = entry.HaloUserId;
            Before = entry.Before ?? new Dictionary<string, string?>();
            After = entry.After ?? new Dictionary<string, string?>();
            Changes = Describe(Before, After);
            ReconciledBy = entry.ReconciledBy;
        }

        /// <summary>When the change was written (UTC).</summary>
        public DateTimeOffset Time { get; }

        /// <summary>
        /// The run that made it (Get-GcAuditLog -RunId lists all of that run's changes, and the lines it wrote for a
        /// killed run: <see cref="ReconciledBy"/>).
        /// </summary>
        public string RunId { get; }

        /// <summary>e.g. user.created, user.updated, user.linked, customer.link, mandate.status, payment.watermark.</summary>
        public string Action { get; }

        /// <summary>What it happened to, e.g. halo-user:123, mandate:MD000123, ledger.</summary>
        public string Target { get; }

        public string? CustomerId { get; }

        /// <summary>The Halo user changed, when the target is one.</summary>
        public int? HaloUserId { get; }

        /// <summary>Values before the change (empty for a creation).</summary>
        public IReadOnlyDictionary<string, string?> Before { get; }

        /// <summary>Values after the change.</summary>
        public IReadOnlyDictionary<string, string?> After { get; }

        /// <summary>
        /// The run that wrote this line for <see cref="RunId"/>, which was stopped after Halo made the change and before
        /// its line was written (found in Halo by the next import); empty for a line written by the run itself.
        /// </summary>
        public string? ReconciledBy { get; }

        /// <summary>The fields that changed, as "field: old -> new" joined by "; " (a created value shows as "field: new").</summary>
        public string Changes { get; }

        private static string Describe(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
            string.Join("; ", after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k)))
                .Where(key => !before.TryGetValue(key, out var old) || !after.TryGetValue(key, out var now) || old != now)
                .Select(key =>
                {
                    var now = after.TryGetValue(key, out var value) ? value ?? "(empty)" : "(removed)";
                    return before.TryGetValue(key, out var old) ? $"{key}: {old ?? "(empty)"} -> {now}" : $"{key}: {now}";
                }));
    }
}
