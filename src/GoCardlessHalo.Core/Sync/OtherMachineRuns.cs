// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// The one rule for "the last runs came from another machine" (issue 8, "One run per Halo"). The run lock is
    /// machine-wide (<see cref="SyncLock"/>); on SQL targets a second lock inside Halo's database keeps runs of two
    /// machines apart (<c>Halo/Sql/HaloDatabaseLock.cs</c>), but through the REST API nothing can: two schedulers on
    /// two machines against one hosted Halo would import at once. Each run records the machine it starts on in the
    /// sync state (<see cref="SyncRunState.LastMachine"/>); when that state is shared (the configuration folder on a
    /// network share, or copied to another machine with its state) a run from another machine shows there, and
    /// Import-GcUser, Sync-GcPayment and Test-GcModule say so.
    /// </summary>
    public static class OtherMachineRuns
    {
        /// <summary>The kinds of sync whose last recorded start was on a machine other than <paramref name="thisMachine"/>.</summary>
        public static IReadOnlyList<(SyncKind Kind, string Machine, DateTimeOffset? Started)> Find(IDictionary<SyncKind, SyncRunState> state, string thisMachine) =>
            state.Where(p => !string.IsNullOrWhiteSpace(p.Value.LastMachine) && !string.Equals(p.Value.LastMachine!.Trim(), thisMachine.Trim(), StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.Key)
                .Select(p => (p.Key, p.Value.LastMachine!.Trim(), p.Value.LastStart))
                .ToList();

        /// <summary>
        /// The warning to give on <paramref name="thisMachine"/>, or null: only for a target without a lock other machines
        /// see (the API), and only when the last runs recorded came from another machine.
        /// </summary>
        public static string? Warning(HaloTargetKind target, IDictionary<SyncKind, SyncRunState> state, string thisMachine)
        {
            if (target != HaloTargetKind.Api)
            {
                return null;
            }

            var others = Find(state, thisMachine);
            if (others.Count == 0)
            {
                return null;
            }

            var runs = string.Join("; ", others.Select(o => $"the last {Describe(o.Kind)} started on {o.Machine}" +
                (o.Started is { } at ? " at " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : string.Empty)));
            return $"This configuration's sync state shows runs from another machine ({runs}); this is {thisMachine.Trim()}. " +
                   "Through the Halo API the run lock cannot see other machines, so two machines syncing one Halo can create the same users twice. " +
                   "Keep one scheduled task on one machine and remove the others.";
        }

        private static string Describe(SyncKind kind) => kind == SyncKind.Import ? "Import-GcUser" : "Sync-GcPayment";
    }
}
