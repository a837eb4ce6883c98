// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Completion;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Imports GoCardless customers as Halo users: reads Halo once (<see cref="PrepareAsync(PaymentLedger, CancellationToken)"/>), plans each
    /// customer against that snapshot (<see cref="Plan"/>), then writes in batches (<see cref="WriteAsync"/>).
    /// A rerun with nothing changed in GoCardless plans only Unchanged results and writes nothing.
    /// </summary>
    public sealed class UserImporter
    {
        private readonly IHaloTarget _target;
        private readonly ImportOptions _options;
        private readonly IEngineLog _log;
        private readonly AuditLog? _audit;
        private ImportPlanner? _planner;
        private HaloDirectory? _directory;
        private (int Clients, int Sites, int Users) _read;

        // The audit lines of the batch being written, logged together when it ends (one flush to disk per batch).
        private readonly List<AuditChange> _applied = new List<AuditChange>();

        // Creates whose outcome Halo's answer left unknown, waiting for one read-back to settle many (issue 8).
        private readonly ParkedCreates _parked = new ParkedCreates();

        // The second read of every user before the first create or link, when the first read was paged (issue 8).
        private AbsenceCheck? _absence;

        // Whether a plan made so far creates or links a user (for Cost: only such a run makes the second read).
        private bool _plansLinks;

        public UserImporter(IHaloTarget target, ImportOptions options, IEngineLog log, AuditLog? audit)
        {
            _target = target;
            _options = options;
            _log = log;
            _audit = audit;
        }

        /// <summary>The Halo names tab completion offers, from the read <see cref="PrepareAsync(PaymentLedger, CancellationToken)"/> makes anyway.</summary>
        public CompletionUpdate? HaloNames { get; private set; }

        /// <summary>
        /// Checks the link field and mappings against Halo (an invalid mapping stops the run before any write),
        /// finds the Default Site, and reads customers, sites and users once.
        /// </summary>
        public Task PrepareAsync(CancellationToken cancellationToken) => PrepareAsync(null, cancellationToken);

        /// <summary>
        /// As <see cref="PrepareAsync(CancellationToken)"/>; then, when <paramref name="ledger"/> is given, every user its
        /// link map names that the read did not see is read by id, and kept linked when it still holds its link
        /// (<see cref="MissedLinks"/>): a row Halo's paging lost never becomes a second user.
        /// </summary>
        public async Task PrepareAsync(PaymentLedger? ledger, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var definitions = await _target.GetUserFieldsAsync(cancellationToken).ConfigureAwait(false);
            var fields = new UserFieldResolver(definitions).ResolveAll(_options.LinkField, _options.Mappings);
            var clients = await ReadAllAsync(_target.GetClientsAsync(cancellationToken)).ConfigureAwait(false);
            var sites = await ReadAllAsync(_target.GetSitesAsync(cancellationToken)).ConfigureAwait(false);
            // Inactive users too: one that is linked must be reported, never silently duplicated.
            var users = await ReadAllAsync(_target.GetUsersAsync(new HaloUserQuery { IncludeInactive = true }, cancellationToken)).ConfigureAwait(false);
            _directory = new HaloDirectory(clients, sites, users, fields.LinkField, _options.MatchMode);
            _read = (clients.Count, sites.Count, users.Count);
            _absence = new AbsenceCheck(_target, users, _log);
            if (ledger is not null)
            {
                await MissedLinks.RecoverAsync(_target, _directory, ledger, _log, cancellationToken).ConfigureAwait(false);
            }

            HaloNames = CompletionReader.HaloNames(clients, sites, definitions);
            var defaultSite = _directory.ResolveDefaultSite(_options.DefaultSite);
            _planner = new ImportPlanner(_directory, fields, defaultSite, _options.Overrides, _options.FieldOwnership);
            _log.Verbose($"Read Halo ({_target.Location}): {clients.Count} customers, {sites.Count} sites, {users.Count} users in {watch.ElapsedMilliseconds} ms. Match mode {_options.MatchMode}, {_options.Overrides.Count} placement override(s). Default Site: {defaultSite.ClientName}/{defaultSite.Name} (id {defaultSite.Id}).");
        }

        /// <summary>
        /// Writes the audit lines an earlier import against this Halo intended but never wrote, killed after Halo acted
        /// and before its lines (<see cref="AuditLog.Reconcile"/>): a change Halo holds, as read by
        /// <see cref="PrepareAsync(PaymentLedger, CancellationToken)"/>, is logged now under the killed run's id; one it
        /// does not hold did not happen, and this run makes and logs it itself. Only for a run that writes (it holds
        /// the sync lock), before its first write. Returns the number of lines written.
        /// </summary>
        public int ReconcileInterruptedAudit()
        {
            var directory = _directory ?? throw new InvalidOperationException("Call PrepareAsync first.");
            return _audit?.Reconcile(_target.Location, ConfirmedUserChanges.Judges, intended => ConfirmedUserChanges.Confirm(intended, directory), _log.Verbose) ?? 0;
        }

        /// <summary>The Halo requests of an import that writes <paramref name="plannedWrites"/> users in batches of <paramref name="batchSize"/>.</summary>
        public ImportCost Cost(int plannedWrites, int batchSize) =>
            new ImportCost(_target is IHaloRequestBudget, _read.Clients, _read.Sites, _read.Users, plannedWrites, batchSize < 1 ? 1 : batchSize, _plansLinks ? _absence?.Requests ?? 0 : 0);

        /// <summary>
        /// Hands the links this import saw (Halo as read, plus the users it created or linked) to the payment ledger's
        /// link map, so the next Sync-GcPayment need not read every linked user again. Skipped, with a verbose line,
        /// when the ledger's tables are not there yet (the first Sync-GcPayment reads Halo itself). Returns whether
        /// the map was refreshed.
        /// </summary>
        public async Task<bool> RefreshLinkMapAsync(PaymentLedger ledger, CancellationToken cancellationToken)
        {
            var directory = _directory ?? throw new InvalidOperationException("PrepareAsync must run before RefreshLinkMapAsync.");
            var links = directory.Links.ToList();
            try
            {
                await ledger.RefreshLinksAsync(links, SystemClock.Instance, cancellationToken).ConfigureAwait(false);
            }
            catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.PaymentLedgerNotMigrated)
            {
                _log.Verbose("Import-GcUser: the payment ledger has no tables yet, so its link map was not refreshed; the first Sync-GcPayment reads the links from Halo.");
                return false;
            }

            _log.Verbose($"Import-GcUser: refreshed the payment ledger's link map with {links.Count} link(s) ({ledger.Location}).");
            return true;
        }

        /// <summary>
        /// "CU1: Halo users 12 and 34 hold …" for every GoCardless id more than one Halo user holds, as read by
        /// <see cref="PrepareAsync(PaymentLedger, CancellationToken)"/> (recorded for Test-GcModule).
        /// </summary>
        public IReadOnlyList<string> DuplicateLinkDescriptions() =>
            (_directory ?? throw new InvalidOperationException("Call PrepareAsync first.")).Duplicates()
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => DuplicateLinks.Describe(p.Key, p.Value, _directory.LinkField))
                .ToList();

        /// <summary>What importing this customer will do; writes nothing.</summary>
        public ImportPlan Plan(Customer customer)
        {
            var plan = (_planner ?? throw new InvalidOperationException("Call PrepareAsync first.")).Plan(customer);
            _plansLinks |= AbsenceCheck.GivesLink(plan);
            return plan;
        }

        /// <summary>The result of a plan that writes nothing (Unchanged, Skipped, or declined by -WhatIf/-Confirm).</summary>
        public static ImportResult WithoutWrite(ImportPlan plan) => new ImportResult(plan, plan.Action, plan.ExistingUser?.Id);

        /// <summary>
        /// Writes the plans' users as one batch, settles every create whose outcome was left unknown (this batch's and
        /// any parked before), and returns their results, this batch's in order first. When Halo rejects the batch's
        /// data, each user is retried alone so one bad record fails alone. When the outcome is unknown (Halo may have
        /// saved some users but its answer does not say which), what Halo holds is read back by link value and only
        /// the users really missing are written again (<see cref="MaxWriteAttempts"/> times at most). Any other
        /// failure (Halo unreachable, authentication) stops the run: a rerun finds the users already written by their
        /// link, so it never duplicates them. <see cref="ImportQueue"/> writes through <see cref="WriteBatchAsync"/>
        /// and <see cref="SettleAsync"/> instead, so one read-back settles the creates of many batches.
        /// </summary>
        public async Task<IReadOnlyList<ImportResult>> WriteAsync(IReadOnlyList<ImportPlan> plans, CancellationToken cancellationToken)
        {
            var results = new List<ImportResult>(await WriteBatchAsync(plans, cancellationToken).ConfigureAwait(false));
            results.AddRange(await SettleAsync(all: true, plans.Count, cancellationToken).ConfigureAwait(false));
            var order = new Dictionary<ImportPlan, int>();
            for (var i = 0; i < plans.Count; i++)
            {
                order[plans[i]] = i;
            }

            return results.OrderBy(r => order.TryGetValue(r.Plan, out var i) ? i : int.MaxValue).ToList();
        }

        /// <summary>How often one user is sent when each answer leaves its outcome unknown.</summary>
        public const int MaxWriteAttempts = 3;

        /// <summary>Creates waiting for a read-back (<see cref="SettleAsync"/>) because Halo's answer did not say whether it saved them.</summary>
        public int ParkedCount => _parked.Count;

        /// <summary>True when this customer's create waits for a read-back: it must be settled before the customer is planned again.</summary>
        public bool IsParked(string customerId) => _parked.Holds(customerId);

        /// <summary>
        /// Writes the plans' users as one batch and returns the results Halo's answer settles (in order as far as it
        /// goes). Creates whose outcome the answer leaves unknown are parked, not written again, and reported by a
        /// later <see cref="SettleAsync"/>; updates it leaves unknown are written again at once (known by id, posting
        /// the same values twice changes nothing). Audit lines are written before the results are returned. Before the
        /// first create or link of a run whose read of Halo was paged, every user is read again (<see cref="AbsenceCheck"/>):
        /// a plan for a customer whose linked user only that read saw is not written but returned Skipped, after the rest.
        /// </summary>
        public async Task<IReadOnlyList<ImportResult>> WriteBatchAsync(IReadOnlyList<ImportPlan> plans, CancellationToken cancellationToken)
        {
            var held = await (_absence ?? throw new InvalidOperationException("Call PrepareAsync first.")).HoldBackAsync(_directory!, plans, cancellationToken).ConfigureAwait(false);
            var writes = held.Count == 0 ? plans : plans.Where(p => p.WritesToHalo).ToList();

            // Before Halo sees the batch: a run killed before its lines are written leaves its intents (AuditJournal).
            _audit?.Intend(_target.Location, writes.Select(p => ImportAuditLines.Of(p, p.ExistingUser?.Id)));
            var results = await AuditedAsync(() => WriteAttemptAsync(writes, 1, cancellationToken)).ConfigureAwait(false);
            return held.Count == 0 ? results : results.Concat(held.Select(WithoutWrite)).ToList();
        }

        /// <summary>
        /// Reads back the parked creates by link value — when due (<see cref="ParkedCreates.IsDue"/>), or every one
        /// when <paramref name="all"/> (the end of the write phase) — and returns their results: those Halo holds
        /// are tied to the user holding their link; the rest are written again, <paramref name="batchSize"/> a
        /// request, and parked again if the answer again does not say (until <see cref="MaxWriteAttempts"/>).
        /// </summary>
        public Task<IReadOnlyList<ImportResult>> SettleAsync(bool all, int batchSize, CancellationToken cancellationToken) =>
            AuditedAsync(() => SettleParkedAsync(all, batchSize < 1 ? 1 : batchSize, cancellationToken));

        // Also when the write stopped part-way: the users Halo did save are in the log before anything is reported.
        // Only a write that ended leaves no intent open, and only when no create waits for a read-back: the journal
        // is emptied then; after a failure its intents stay for the next run to reconcile.
        private async Task<IReadOnlyList<ImportResult>> AuditedAsync(Func<Task<IReadOnlyList<ImportResult>>> write)
        {
            IReadOnlyList<ImportResult> results;
            try
            {
                results = await write().ConfigureAwait(false);
            }
            finally
            {
                _audit?.WriteAll(_applied);
                _applied.Clear();
            }

            if (_parked.Count == 0)
            {
                _audit?.Settle();
            }

            return results;
        }

        private async Task<IReadOnlyList<ImportResult>> WriteAttemptAsync(IReadOnlyList<ImportPlan> plans, int attempt, CancellationToken cancellationToken)
        {
            if (plans.Count == 0)
            {
                return Array.Empty<ImportResult>();
            }

            try
            {
                var written = await _target.WriteUsersAsync(plans.Select(p => p.Write!).ToList(), cancellationToken).ConfigureAwait(false);
                return plans.Select((plan, i) => Applied(plan, written[i].UserId)).ToList();
            }
            catch (HaloWriteOutcomeUnknownException ex) when (attempt < MaxWriteAttempts)
            {
                return await ParkAsync(plans, ex, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (GcHaloException ex) when (ex.Kind is ErrorKind.InvalidData or ErrorKind.InvalidArgument)
            {
                if (plans.Count == 1)
                {
                    return new[] { new ImportResult(plans[0], ImportAction.Failed, plans[0].ExistingUser?.Id, ex) };
                }

                _log.Verbose($"Halo rejected a batch of {plans.Count} users ({ex.Message}); writing them one by one to find the bad record.");
                var results = new List<ImportResult>();
                foreach (var plan in plans)
                {
                    results.AddRange(await WriteAttemptAsync(new[] { plan }, attempt, cancellationToken).ConfigureAwait(false));
                }

                return results;
            }
            catch (GcHaloException ex)
            {
                var waiting = _parked.Count == 0 ? "" : $" {_parked.Count} user(s) created earlier in this run were not yet confirmed by a read-back; the rerun finds those Halo saved by their link.";
                throw new GcHaloException(
                    ex.ErrorId,
                    ex.Kind,
                    $"{ex.Message} The import stopped while writing a batch of {plans.Count} users; some may have been written.{waiting} Run Import-GcUser again: it finds users already created by their GoCardless link and never duplicates them.",
                    ex.Target,
                    ex);
            }
        }

        /// <summary>
        /// After an unknown outcome: keeps what the answer did account for, parks the creates it did not (Halo may
        /// hold them: never written again before a read-back), and writes the updates it did not again.
        /// </summary>
        private async Task<IReadOnlyList<ImportResult>> ParkAsync(IReadOnlyList<ImportPlan> plans, HaloWriteOutcomeUnknownException unknown, int attempt, CancellationToken cancellationToken)
        {
            var results = unknown.Known.OrderBy(k => k.Key).Select(k => Applied(plans[k.Key], k.Value.UserId)).ToList();
            var open = Enumerable.Range(0, plans.Count).Where(i => !unknown.Known.ContainsKey(i)).Select(i => plans[i]).ToList();
            var creates = open.Where(p => p.ExistingUser is null).ToList();
            var updates = open.Where(p => p.ExistingUser is not null).ToList();
            _parked.Add(creates, attempt, unknown.Message);
            _log.Verbose($"Halo's answer to a batch of {plans.Count} users did not say what it saved ({unknown.Message}): {unknown.Known.Count} accounted for by the answer, {creates.Count} created user(s) wait for a read-back by GoCardless link, {updates.Count} update(s) written again.");
            results.AddRange(await WriteAttemptAsync(updates, attempt + 1, cancellationToken).ConfigureAwait(false));
            return results;
        }

        private async Task<IReadOnlyList<ImportResult>> SettleParkedAsync(bool all, int batchSize, CancellationToken cancellationToken)
        {
            var directory = _directory ?? throw new InvalidOperationException("Call PrepareAsync first.");
            var results = new List<ImportResult>();
            while (_parked.Count > 0 && (all || _parked.IsDue(directory)))
            {
                var (writes, cause) = (_parked.Writes, _parked.LastCause);
                var wanted = _parked.Wanted();
                var cost = SavedUserReadBack.Cost(directory, wanted);
                var parked = _parked.Take();
                var found = await SavedUserReadBack.FindConfirmedAsync(_target, directory, wanted, _log, cancellationToken).ConfigureAwait(false);
                var missing = new List<(ImportPlan Plan, int Attempt)>();
                foreach (var (plan, attempt) in parked)
                {
                    if (found.TryGetValue(plan.Customer.Id, out var user))
                    {
                        results.Add(Applied(plan, user.Id));
                    }
                    else
                    {
                        missing.Add((plan, attempt));
                    }
                }

                _log.Warning($"{ReadBackWarning} to {writes} write request(s) ({cause}). Read back by GoCardless link: {parked.Count} created user(s), from {(cost.EveryUser ? "every Halo user" : "the users of their sites")} (about {cost.Requests} request(s)): {parked.Count - missing.Count} found saved, {missing.Count} written again.");
                foreach (var round in missing.GroupBy(m => m.Attempt))
                {
                    foreach (var chunk in Chunks(round.Select(m => m.Plan).ToList(), batchSize))
                    {
                        results.AddRange(await WriteAttemptAsync(chunk, round.Key + 1, cancellationToken).ConfigureAwait(false));
                    }
                }

                if (!all)
                {
                    break;
                }
            }

            return results;
        }

        /// <summary>How the warning of each read-back begins (the benchmark counts read-backs by it).</summary>
        public const string ReadBackWarning = "Halo did not say what it saved in its answers";

        private static IEnumerable<IReadOnlyList<ImportPlan>> Chunks(IReadOnlyList<ImportPlan> plans, int size)
        {
            for (var start = 0; start < plans.Count; start += size)
            {
                yield return plans.Skip(start).Take(size).ToList();
            }
        }

        private ImportResult Applied(ImportPlan plan, int userId)
        {
            var directory = _directory!;
            if (plan.ExistingUser is { } existing)
            {
                Apply(existing, plan.Changes);
                if (plan.Action == ImportAction.Linked)
                {
                    directory.MarkLinked(existing, plan.Customer.Id);
                }
            }
            else
            {
                var created = new HaloUser { Id = userId, SiteId = plan.Site!.Id, SiteName = plan.Site.Name, ClientId = plan.Site.ClientId, ClientName = plan.Site.ClientName };
                Apply(created, plan.Changes);
                directory.Index(created);
            }

            _applied.Add(ImportAuditLines.Of(plan, userId));
            return new ImportResult(plan, plan.Action, userId);
        }

        // Keeps the in-memory snapshot true after a write, so later customers in the same run plan against it.
        private static void Apply(HaloUser user, IEnumerable<FieldChange> changes)
        {
            foreach (var change in changes)
            {
                switch (change.Field)
                {
                    case UserFields.Name: user.Name = change.NewValue ?? user.Name; break;
                    case UserFields.FirstName: user.FirstName = change.NewValue; break;
                    case UserFields.Surname: user.Surname = change.NewValue; break;
                    case UserFields.Email: user.Email = change.NewValue; break;
                    case UserFields.Phone: user.Phone = change.NewValue; break;
                    default: user.CustomFields[change.Field] = change.NewValue; break;
                }
            }
        }

        private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> source)
        {
            var list = new List<T>();
            await foreach (var item in source.ConfigureAwait(false))
            {
                list.Add(item);
            }

            return list;
        }
    }
}
