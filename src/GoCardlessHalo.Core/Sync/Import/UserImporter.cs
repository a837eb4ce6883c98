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
    /// Imports GoCardless customers as Halo users: reads Halo once (<see cref="PrepareAsync"/>), plans each
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

        public UserImporter(IHaloTarget target, ImportOptions options, IEngineLog log, AuditLog? audit)
        {
            _target = target;
            _options = options;
            _log = log;
            _audit = audit;
        }

        /// <summary>The Halo names tab completion offers, from the read <see cref="PrepareAsync"/> makes anyway.</summary>
        public CompletionUpdate? HaloNames { get; private set; }

        /// <summary>
        /// Checks the link field and mappings against Halo (an invalid mapping stops the run before any write),
        /// finds the Default Site, and reads customers, sites and users once.
        /// </summary>
        public async Task PrepareAsync(CancellationToken cancellationToken)
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
            HaloNames = CompletionReader.HaloNames(clients, sites, definitions);
            var defaultSite = _directory.ResolveDefaultSite(_options.DefaultSite);
            _planner = new ImportPlanner(_directory, fields, defaultSite, _options.Overrides, _options.FieldOwnership);
            _log.Verbose($"Read Halo ({_target.Location}): {clients.Count} customers, {sites.Count} sites, {users.Count} users in {watch.ElapsedMilliseconds} ms. Match mode {_options.MatchMode}, {_options.Overrides.Count} placement override(s). Default Site: {defaultSite.ClientName}/{defaultSite.Name} (id {defaultSite.Id}).");
        }

        /// <summary>The Halo requests of an import that writes <paramref name="plannedWrites"/> users in batches of <paramref name="batchSize"/>.</summary>
        public ImportCost Cost(int plannedWrites, int batchSize) =>
            new ImportCost(_target is IHaloRequestBudget, _read.Clients, _read.Sites, _read.Users, plannedWrites, batchSize < 1 ? 1 : batchSize);

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
        /// <see cref="PrepareAsync"/> (recorded for Test-GcModule).
        /// </summary>
        public IReadOnlyList<string> DuplicateLinkDescriptions() =>
            (_directory ?? throw new InvalidOperationException("Call PrepareAsync first.")).Duplicates()
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => DuplicateLinks.Describe(p.Key, p.Value, _directory.LinkField))
                .ToList();

        /// <summary>What importing this customer will do; writes nothing.</summary>
        public ImportPlan Plan(Customer customer) =>
            (_planner ?? throw new InvalidOperationException("Call PrepareAsync first.")).Plan(customer);

        /// <summary>The result of a plan that writes nothing (Unchanged, Skipped, or declined by -WhatIf/-Confirm).</summary>
        public static ImportResult WithoutWrite(ImportPlan plan) => new ImportResult(plan, plan.Action, plan.ExistingUser?.Id);

        /// <summary>
        /// Writes the plans' users as one batch and returns one result per plan, in order. When Halo rejects the
        /// batch's data, each user is retried alone so one bad record fails alone. When the outcome is unknown
        /// (Halo may have saved some users but its answer does not say which), what Halo holds is read back by
        /// link value and only the users really missing are written again (<see cref="MaxWriteAttempts"/> times
        /// at most). Any other failure (Halo unreachable, authentication) stops the run: a rerun finds the users
        /// already written by their link, so it never duplicates them.
        /// </summary>
        public async Task<IReadOnlyList<ImportResult>> WriteAsync(IReadOnlyList<ImportPlan> plans, CancellationToken cancellationToken)
        {
            try
            {
                return await WriteAttemptAsync(plans, 1, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Also when the batch stopped part-way: the users Halo did save are in the log.
                _audit?.WriteAll(_applied);
                _applied.Clear();
            }
        }

        /// <summary>How often one batch is sent when each answer leaves its outcome unknown.</summary>
        public const int MaxWriteAttempts = 3;

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
                return await RecoverAsync(plans, ex, attempt, cancellationToken).ConfigureAwait(false);
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
                throw new GcHaloException(
                    ex.ErrorId,
                    ex.Kind,
                    $"{ex.Message} The import stopped while writing a batch of {plans.Count} users; some may have been written. Run Import-GcUser again: it finds users already created by their GoCardless link and never duplicates them.",
                    ex.Target,
                    ex);
            }
        }

        /// <summary>
        /// After an unknown outcome: keeps what the answer did account for, reads back the users it should have
        /// created, and writes again only the creates Halo does not hold and the updates (posting the same
        /// values twice changes nothing).
        /// </summary>
        private async Task<IReadOnlyList<ImportResult>> RecoverAsync(IReadOnlyList<ImportPlan> plans, HaloWriteOutcomeUnknownException unknown, int attempt, CancellationToken cancellationToken)
        {
            var results = new ImportResult?[plans.Count];
            foreach (var pair in unknown.Known)
            {
                results[pair.Key] = Applied(plans[pair.Key], pair.Value.UserId);
            }

            var creates = Enumerable.Range(0, plans.Count).Where(i => results[i] is null && plans[i].ExistingUser is null).ToList();
            var found = creates.Count == 0
                ? new Dictionary<string, HaloUser>()
                : await SavedUserReadBack.FindAsync(_target, _directory!, creates.Select(i => (plans[i].Customer.Id, plans[i].Site!.Id)).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var i in creates.Where(i => found.ContainsKey(plans[i].Customer.Id)))
            {
                results[i] = Applied(plans[i], found[plans[i].Customer.Id].Id);
            }

            var again = Enumerable.Range(0, plans.Count).Where(i => results[i] is null).ToList();
            _log.Warning($"Halo's answer to a batch of {plans.Count} users did not say what it saved ({unknown.Message}). Read back by GoCardless link: {unknown.Known.Count} accounted for by the answer, {creates.Count(i => results[i] is not null)} found saved, {again.Count} written again.");
            var rewritten = await WriteAttemptAsync(again.Select(i => plans[i]).ToList(), attempt + 1, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < again.Count; k++)
            {
                results[again[k]] = rewritten[k];
            }

            return results.Select(r => r!).ToList();
        }

        private ImportResult Applied(ImportPlan plan, int userId)
        {
            var directory = _directory!;
            var before = plan.Changes.ToDictionary(c => c.Field, c => c.OldValue);
            var after = plan.Changes.ToDictionary(c => c.Field, c => c.NewValue);
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

            _applied.Add(new AuditChange("user." + plan.Action.ToString().ToLowerInvariant(), AuditEntry.HaloUserPrefix + userId, plan.Customer.Id, plan.ExistingUser is null ? null : before, after));
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
