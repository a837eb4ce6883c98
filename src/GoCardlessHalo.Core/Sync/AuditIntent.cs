// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// One change a run was about to make, as <see cref="AuditJournal"/> recorded it before the write: the run, when,
    /// against which Halo (<c>IHaloTarget.Location</c>, never a secret), and the change it intended (a created user's
    /// target is <see cref="UnknownUser"/>: Halo gives the id only in its answer).
    /// </summary>
    public sealed class AuditIntent
    {
        /// <summary>The target of an intended create: the Halo user id is not known before Halo answers.</summary>
        public const string UnknownUser = AuditEntry.HaloUserPrefix + "?";

        public AuditIntent(DateTimeOffset time, string runId, string location, AuditChange change)
        {
            Time = time;
            RunId = runId;
            Location = location;
            Change = change;
        }

        public DateTimeOffset Time { get; }

        public string RunId { get; }

        /// <summary>The Halo target the change was meant for.</summary>
        public string Location { get; }

        public AuditChange Change { get; }
    }
}
