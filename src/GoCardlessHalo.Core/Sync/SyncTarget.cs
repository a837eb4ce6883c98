// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Which Halo a run writes to, as the run lock sees it: the API URL and tenant, the SQL Server and database,
    /// or the SQLite file's full path. Two configurations naming the same Halo get the same key, so they share
    /// one lock (<see cref="SyncLock"/>).
    /// </summary>
    public sealed class SyncTarget
    {
        private SyncTarget(string key, string description)
        {
            Key = key;
            Description = description;
        }

        /// <summary>Normalised identity (kind and location, case-insensitive).</summary>
        public string Key { get; }

        /// <summary>The target's location as people read it (never a secret).</summary>
        public string Description { get; }

        public static SyncTarget Of(IHaloTarget target) => For(target.Kind, target.Location);

        public static SyncTarget For(HaloTargetKind kind, string targetLocation)
        {
            var location = targetLocation.Trim();
            const string SqlitePrefix = "SQLite ";
            if (kind == HaloTargetKind.Sqlite && location.StartsWith(SqlitePrefix, StringComparison.Ordinal))
            {
                location = location.Substring(SqlitePrefix.Length);
                try
                {
                    location = Path.GetFullPath(location);
                }
                catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
                {
                    // Keep the location as given; it still names the file consistently for this configuration.
                }
            }

            return new SyncTarget(kind + "|" + location.TrimEnd('/').ToLowerInvariant(), targetLocation);
        }
    }
}
