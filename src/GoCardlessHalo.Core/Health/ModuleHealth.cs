// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using static GoCardlessHalo.Core.Health.HealthCheckNames;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>
    /// The health check behind Test-GcModule: runs every check of <see cref="HealthCheckNames.All"/> in that order
    /// and yields each result as soon as it is known. A check that finds a problem yields a Failed (or Warning)
    /// result with the problem's message and ErrorId; it never throws. A check whose prerequisite did not pass
    /// (no Halo connection, so no link field check) is Skipped, saying which.
    /// </summary>
    /// <remarks>
    /// Secrets are resolved while the first result (Configuration) is produced, before anything is awaited, so on
    /// the thread that first calls MoveNextAsync: secret: references run Get-Secret, which needs the PowerShell
    /// pipeline thread. Only cancellation ends the sequence early (OperationCanceledException).
    /// </remarks>
    public sealed class ModuleHealth
    {
        private readonly ConfigLocation _location;
        private readonly SecretResolver _secrets;
        private readonly ClientInfo _clientInfo;
        private readonly IEngineLog _log;
        private readonly HealthOptions _options;

        /// <summary>A health check of the configuration at <paramref name="location"/>.</summary>
        /// <param name="location">Where the settings file is (it may be missing or invalid: that is a check result).</param>
        /// <param name="secrets">Resolves the secret references of the settings.</param>
        /// <param name="clientInfo">Who is calling, for the User-Agent of GoCardless and Halo requests.</param>
        /// <param name="log">Verbose messages of the clients and targets.</param>
        /// <param name="options">Thresholds; defaults when null.</param>
        /// <exception cref="ArgumentException">The options' thresholds make no sense.</exception>
        public ModuleHealth(ConfigLocation location, SecretResolver secrets, ClientInfo? clientInfo = null, IEngineLog? log = null, HealthOptions? options = null)
        {
            _location = location ?? throw new ArgumentNullException(nameof(location));
            _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
            _clientInfo = clientInfo ?? ClientInfo.Default;
            _log = log ?? NullEngineLog.Instance;
            _options = options ?? new HealthOptions();
            _options.Validate();
        }

        /// <summary>True when no check Failed (warnings and skipped checks are allowed): the answer of -Quiet.</summary>
        public static bool IsHealthy(IEnumerable<HealthCheck> checks) => checks.All(c => c.Status != HealthStatus.Failed);

        /// <summary>Runs every check in order, yielding each result as it completes.</summary>
        public async IAsyncEnumerable<HealthCheck> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // Synchronous: loads the settings and resolves every secret (see the class remarks).
            using var run = HealthRun.Start(_location, _secrets, _clientInfo, _log);
            yield return run.Configuration;

            yield return await GuardAsync(GoCardlessToken, run.GoCardlessSkipReason, () => GoCardlessTokenAsync(run.GoCardless!, cancellationToken), cancellationToken).ConfigureAwait(false);

            var halo = new HaloHealthChecks(run);
            var connection = await GuardAsync(HaloConnection, run.HaloSkipReason, () => halo.ConnectAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            yield return connection;
            var permissions = await GuardAsync(HaloPermissions, SkipUnless(connection), () => halo.ReadAccessAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            yield return permissions;
            yield return await GuardAsync(LinkField, SkipUnless(permissions), () => Task.FromResult(halo.LinkField()), cancellationToken).ConfigureAwait(false);
            yield return await GuardAsync(FieldMappings, SkipUnless(permissions), () => Task.FromResult(halo.FieldMappings()), cancellationToken).ConfigureAwait(false);
            yield return await GuardAsync(DefaultSite, SkipUnless(permissions), () => halo.DefaultSiteAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            yield return await GuardAsync(ModuleTables, halo.ModuleTablesSkipReason(connection), () => halo.ModuleTablesAsync(cancellationToken), cancellationToken).ConfigureAwait(false);

            var ages = new SyncAgeCheck(_options, run.Target is { } target ? SyncTarget.Of(target) : null, _location.SettingsPath);
            var state = new Lazy<IDictionary<SyncKind, SyncRunState>>(() => new SyncStateStore(_location).Load()); // one read for both checks
            yield return await GuardAsync(LastImport, run.SettingsSkipReason, () => Task.FromResult(ages.Check(SyncKind.Import, state.Value[SyncKind.Import])), cancellationToken).ConfigureAwait(false);
            yield return await GuardAsync(LastPaymentSync, run.SettingsSkipReason, () => Task.FromResult(ages.Check(SyncKind.Payments, state.Value[SyncKind.Payments])), cancellationToken).ConfigureAwait(false);
            yield return await GuardAsync(SyncMachine, run.HaloSkipReason, () => Task.FromResult(MachineCheck(run.Target!.Kind, state.Value)), cancellationToken).ConfigureAwait(false);

            yield return await GuardAsync(HaloNativeIntegration, SkipUnless(connection), () => halo.NativeIntegratorAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Null when <paramref name="prerequisite"/> passed (or only warned); otherwise why a dependent check is skipped.</summary>
        internal static string? SkipUnless(HealthCheck prerequisite) =>
            prerequisite.Status == HealthStatus.Passed || prerequisite.Status == HealthStatus.Warning
                ? null
                : $"It needs {prerequisite.Name}, which {(prerequisite.Status == HealthStatus.Failed ? "failed" : "was skipped")}.";

        /// <summary>A Failed result for an exception the engine did not raise on purpose.</summary>
        internal static HealthCheck Unexpected(string name, Exception exception) =>
            HealthCheck.Failed(name, $"The check failed unexpectedly ({exception.GetType().Name}: {exception.Message}). Please report this.", ErrorIds.HealthCheckError);

        /// <summary>Warning when the sync state shows runs from another machine and nothing but this rule can tell (the API target).</summary>
        internal static HealthCheck MachineCheck(HaloTargetKind target, IDictionary<SyncKind, SyncRunState> state)
        {
            var here = Environment.MachineName;
            if (OtherMachineRuns.Warning(target, state, here) is { } warning)
            {
                return HealthCheck.Warning(SyncMachine, warning, ErrorIds.SyncOtherMachine);
            }

            var others = OtherMachineRuns.Find(state, here);
            return HealthCheck.Passed(SyncMachine, others.Count == 0
                ? $"The runs recorded for this configuration started on this machine ({here})."
                : $"Runs of this configuration also started on {string.Join(", ", others.Select(o => o.Machine).Distinct(StringComparer.OrdinalIgnoreCase))}; the lock inside Halo's database keeps runs of two machines apart.");
        }

        private static async Task<HealthCheck> GoCardlessTokenAsync(GoCardlessClient client, CancellationToken cancellationToken)
        {
            var creditor = await client.ValidateTokenAsync(cancellationToken).ConfigureAwait(false);
            var owner = creditor is null ? "; the account has no creditor yet" : $" of creditor {creditor.Id} '{creditor.Name}'";
            return HealthCheck.Passed(GoCardlessToken, $"GoCardless {client.Environment} ({client.BaseUri}) accepted the access token{owner}.");
        }

        // Runs one check unless skipped; any failure becomes that check's result. Cancellation alone propagates.
        private static async Task<HealthCheck> GuardAsync(string name, string? skipReason, Func<Task<HealthCheck>> check, CancellationToken cancellationToken)
        {
            if (skipReason is not null)
            {
                return HealthCheck.Skipped(name, skipReason);
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await check().ConfigureAwait(false);
            }
            catch (GcHaloException ex)
            {
                return HealthCheck.Failed(name, ex.Message, ex.ErrorId);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return Unexpected(name, ex);
            }
        }
    }
}
