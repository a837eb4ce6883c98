// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Issue 8: a customer gets a new link holder (a created user, or a user linked by email) only when two reads of
    /// Halo both did not see a user holding its link. Halo's user list is read by page number (<c>Halo/Api/HaloPager.cs</c>):
    /// a user deleted while the pages are read shifts the rows after it onto a page already read, and when as many
    /// users are created the <c>record_count</c> the pager watches does not move, so a linked user can be missed.
    /// <see cref="MissedLinks"/> recovers the users the ledger's link map names; a user linked by hand, by Halo's own
    /// GoCardless integration or by a run whose map was not refreshed is not in the map. So, once per run, just before
    /// the first write that would give a customer a link holder, every user is read again (inactive ones too, as
    /// <see cref="UserImporter.PrepareAsync(Ledger.PaymentLedger, CancellationToken)"/> reads them) when the first read
    /// spanned more than one page of a paged target (<see cref="IHaloTarget.UserListPageSize"/>; one page, or a SQL
    /// target's one statement, cannot lose a row this way). Users it sees that the first read did not are added to the
    /// snapshot, so later customers are planned against them; a plan already made for a customer one of them holds is
    /// not carried out but reported <see cref="ImportAction.Skipped"/> (it was confirmed, under -Confirm, as a create:
    /// turning it into an update would carry out what nobody confirmed), and the next run updates that user.
    /// When the second read's users differ from the first's, Halo changed between or during them, so the second read
    /// may itself have lost a row: a third read is taken and the union used (<see cref="MaxReads"/> reads in all).
    /// Costs one read of every user (field definitions + pages) in a run that creates or links; nothing in a run that
    /// only updates (an Unchanged daily rerun), under -WhatIf or in Get-GcImportPlan, which write nothing.
    /// </summary>
    internal sealed class AbsenceCheck
    {
        /// <summary>Reads of every user at most, the import's own first read included.</summary>
        public const int MaxReads = 3;

        private readonly IHaloTarget _target;
        private readonly IEngineLog _log;
        private readonly int _firstReadUsers;

        // The ids the first read saw; null once the check was made, or when none is needed.
        private HashSet<int>? _firstRead;

        // Customer → the user holding its link that only a later read saw.
        private readonly Dictionary<string, HaloUser> _appeared = new Dictionary<string, HaloUser>(LinkValues.Comparer);

        public AbsenceCheck(IHaloTarget target, IReadOnlyCollection<HaloUser> firstRead, IEngineLog log)
        {
            _target = target;
            _log = log;
            _firstReadUsers = firstRead.Count;
            _firstRead = IsNeeded(target, firstRead.Count) ? new HashSet<int>(firstRead.Select(u => u.Id)) : null;
        }

        /// <summary>True until the check has been made, when the first read could have lost a row.</summary>
        public bool Pending => _firstRead is not null;

        /// <summary>The Halo requests the check costs when it is made: one read of every user (field definitions and pages).</summary>
        public int Requests => Pending ? 1 + ImportCost.Pages(_firstReadUsers) : 0;

        /// <summary>True when carrying out <paramref name="plan"/> gives its customer a new link holder (a create, or a link by email).</summary>
        public static bool GivesLink(ImportPlan plan) =>
            plan.WritesToHalo && (plan.ExistingUser is null || plan.Action == ImportAction.Linked);

        /// <summary>
        /// Before <paramref name="plans"/> are written: makes the check when due and one of them gives a link; then
        /// turns into <see cref="ImportAction.Skipped"/> every plan giving a link to a customer a user seen only by a
        /// later read holds, and returns those.
        /// </summary>
        public async Task<IReadOnlyList<ImportPlan>> HoldBackAsync(HaloDirectory directory, IReadOnlyList<ImportPlan> plans, CancellationToken cancellationToken)
        {
            if (_firstRead is { } firstRead && plans.Any(GivesLink))
            {
                // Marked made only once it was: a read that failed (the run stops) is not taken for one that found nothing.
                await ReadAgainAsync(directory, firstRead, cancellationToken).ConfigureAwait(false);
                _firstRead = null;
            }

            if (_appeared.Count == 0)
            {
                return Array.Empty<ImportPlan>();
            }

            var held = new List<ImportPlan>();
            foreach (var plan in plans.Where(GivesLink))
            {
                if (_appeared.TryGetValue(plan.Customer.Id, out var user))
                {
                    // The same plan object: callers keep its place and identity. Nothing is written for it.
                    plan.Action = ImportAction.Skipped;
                    plan.Reason = $"Halo user {user.Id} ('{user.Name}') holds this customer's GoCardless link but was missed by the first read of Halo (its user list changed while it was paged) and seen by a second; nothing was written. Run Import-GcUser again to update that user.";
                    (plan.ExistingUser, plan.Client, plan.Site) = (user, directory.Client(user.ClientId), directory.Site(user.SiteId));
                    plan.Write = null;
                    held.Add(plan);
                }
            }

            return held;
        }

        private static bool IsNeeded(IHaloTarget target, int users) => target.UserListPageSize is int size && users > size;

        private async Task ReadAgainAsync(HaloDirectory directory, HashSet<int> firstRead, CancellationToken cancellationToken)
        {
            var seen = new Dictionary<int, HaloUser>();
            var previous = firstRead;
            var reads = 1;
            while (reads < MaxReads)
            {
                reads++;
                var ids = new HashSet<int>();
                await foreach (var user in _target.GetUsersAsync(new HaloUserQuery { IncludeInactive = true }, cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(user.Id);
                    seen[user.Id] = user;
                }

                if (ids.SetEquals(previous))
                {
                    break;
                }

                previous = ids;
            }

            var added = 0;
            var linked = 0;
            foreach (var user in seen.Values.Where(u => directory.User(u.Id) is null).OrderBy(u => u.Id))
            {
                directory.Index(user);
                added++;
                if (directory.LinkValue(user) is { } link)
                {
                    linked++;
                    if (!_appeared.ContainsKey(link))
                    {
                        _appeared[link] = user;
                    }
                }
            }

            var message = $"Import-GcUser: read every Halo user again before the first user is created or linked ({reads} reads in all; the first, {_firstReadUsers} users, spanned more than one page): {added} user(s) the first read did not see, {linked} of them holding a GoCardless link";
            if (linked > 0)
            {
                _log.Warning(message + $" (users {string.Join(", ", _appeared.Values.Select(u => u.Id).OrderBy(id => id).Take(10))}{(_appeared.Count > 10 ? ", …" : string.Empty)}): Halo's user list changed while it was read (users deleted and created), which moves rows between pages. Their customers are not created again; a customer already planned is skipped and updated by the next run.");
            }
            else
            {
                _log.Verbose(message + ".");
            }
        }
    }
}
