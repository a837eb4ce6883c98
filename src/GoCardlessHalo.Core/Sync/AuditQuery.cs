// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>Which audit lines to read (<see cref="AuditLogReader"/>); every criterion left null matches all.</summary>
    public sealed class AuditQuery
    {
        public string? CustomerId { get; set; }

        public int? HaloUserId { get; set; }

        /// <summary>Lines written at or after this time.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Lines written before this time.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>
        /// Lines one run wrote: its own changes, and those it found a killed run had made and logged for it
        /// (<see cref="AuditEntry.ReconciledBy"/>); so -Last and -RunId of a rerun show what it found as well as what it did.
        /// </summary>
        public string? RunId { get; set; }

        /// <summary>Which actions to keep (the shell passes its wildcard match); null keeps all.</summary>
        public Func<string, bool>? ActionMatches { get; set; }

        public bool Matches(AuditEntry entry) =>
            (CustomerId is null || string.Equals(entry.CustomerId, CustomerId, StringComparison.Ordinal))
            && (HaloUserId is null || entry.HaloUserId == HaloUserId)
            && (Since is null || entry.Time >= Since)
            && (Until is null || entry.Time < Until)
            && (RunId is null || string.Equals(entry.RunId, RunId, StringComparison.Ordinal) || string.Equals(entry.ReconciledBy, RunId, StringComparison.Ordinal))
            && (ActionMatches is null || ActionMatches(entry.Action));
    }
}
