// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using static GoCardlessHalo.Core.Health.HealthCheckNames;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>
    /// The checks that ask Halo: connection, permissions, link field, mappings, Default Site, the module's tables and
    /// Halo's own GoCardless integrator. Each returns its result or throws a <see cref="GcHaloException"/>, which
    /// <see cref="ModuleHealth"/> turns into a Failed result. Reuses the sync's own rules
    /// (<see cref="UserFieldResolver"/>, <see cref="DefaultSites"/>, <see cref="SqlMigrator"/>), so the health check
    /// and the sync can never disagree about what is valid.
    /// </summary>
    internal sealed class HaloHealthChecks
    {
        private readonly HealthRun _run;
        private IReadOnlyList<HaloFieldDefinition> _fields = Array.Empty<HaloFieldDefinition>();

        public HaloHealthChecks(HealthRun run)
        {
            _run = run;
        }

        private IHaloTarget Target => _run.Target!;

        private IHaloHealthProbe? Probe => _run.Target as IHaloHealthProbe;

        private ModuleSettings Settings => _run.Settings!;

        private string Describe => $"Halo ({Target.Kind}, {Target.Location})";

        /// <summary>Why <see cref="ModuleTablesAsync"/> cannot run, given the connection check; null when it can.</summary>
        public string? ModuleTablesSkipReason(HealthCheck connection) =>
            _run.SettingsSkipReason
            ?? (Settings.Halo.Target == HaloTargetKind.Api ? null : ModuleHealth.SkipUnless(connection) ?? _run.HaloSkipReason);

        /// <summary>API: the credentials give a token. SQL: the connection opens and Halo's tables are there.</summary>
        public async Task<HealthCheck> ConnectAsync(CancellationToken cancellationToken)
        {
            if (Probe is { } probe)
            {
                var what = await probe.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheck.Passed(HaloConnection, $"{Describe} {what}.");
            }

            await Target.OpenAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheck.Passed(HaloConnection, $"{Describe} answered.");
        }

        /// <summary>Reads the User custom fields (kept for the field checks) and a row of everything else the sync reads.</summary>
        public async Task<HealthCheck> ReadAccessAsync(CancellationToken cancellationToken)
        {
            try
            {
                _fields = await Target.GetUserFieldsAsync(cancellationToken).ConfigureAwait(false);
                var what = Probe is { } probe ? await probe.CheckReadAccessAsync(cancellationToken).ConfigureAwait(false) : "read";
                return HealthCheck.Passed(
                    HaloPermissions,
                    char.ToUpperInvariant(what[0]) + what.Substring(1) + string.Format(CultureInfo.InvariantCulture, "; {0} User custom field(s) read.", _fields.Count));
            }
            catch (GcHaloException ex) when (ex.Kind == ErrorKind.PermissionDenied)
            {
                return HealthCheck.Failed(HaloPermissions, "Not enough permission: " + ex.Message, ex.ErrorId);
            }
        }

        public HealthCheck LinkField()
        {
            var resolver = new UserFieldResolver(_fields);
            var name = Settings.Halo.LinkField;
            var field = resolver.Find(name);
            var problem = resolver.Problem(name, $"Link field '{name}'");
            if (problem is null)
            {
                return HealthCheck.Passed(HealthCheckNames.LinkField,
                    $"The link field '{name}' is Halo's user field '{field!.Name}' (id {field.Id}, Text), which holds each user's GoCardless customer id.");
            }

            var fix = field is null
                ? " Enable-GcModule creates it (Text, entity User) when it is missing."
                : " Choose another name with Enable-GcModule -LinkField.";
            return HealthCheck.Failed(HealthCheckNames.LinkField, problem + fix, ErrorIds.LinkFieldInvalid);
        }

        /// <summary>Every mapping at once, so one run of the check lists everything to fix.</summary>
        public HealthCheck FieldMappings()
        {
            var mappings = Settings.FieldMappings;
            if (mappings.Count == 0)
            {
                return HealthCheck.Passed(HealthCheckNames.FieldMappings, "No field mappings are configured, so nothing beyond the link field and the users' own fields is written. Add mappings with Set-GcFieldMapping.");
            }

            var resolver = new UserFieldResolver(_fields);
            var link = resolver.Find(Settings.Halo.LinkField);
            var problems = new List<string>();
            foreach (var mapping in mappings)
            {
                var purpose = $"Mapping '{mapping.GoCardlessField}' -> '{mapping.HaloField}'";
                var problem = resolver.Problem(mapping.HaloField, purpose);
                if (problem is null && link is not null && resolver.Find(mapping.HaloField)!.Id == link.Id)
                {
                    // Set-GcFieldMapping refuses this, but a hand-edited file can still say it.
                    problem = $"{purpose}: '{mapping.HaloField}' is the link field, which holds the GoCardless customer id; map to another field.";
                }

                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }

            var list = string.Join(", ", mappings.Select(m => $"'{m.GoCardlessField}' -> '{m.HaloField}'"));
            return problems.Count == 0
                ? HealthCheck.Passed(HealthCheckNames.FieldMappings, $"All {mappings.Count} field mapping(s) write to Text fields of Halo users: {list}.")
                : HealthCheck.Failed(
                    HealthCheckNames.FieldMappings,
                    $"{problems.Count} of {mappings.Count} field mapping(s) cannot be used, so Import-GcUser stops before writing anything: {string.Join(" ", problems)} " +
                    "Then correct the mappings with Set-GcFieldMapping or Remove-GcFieldMapping.",
                    ErrorIds.FieldMappingInvalidInHalo,
                    string.Join(Environment.NewLine, problems));
        }

        public async Task<HealthCheck> DefaultSiteAsync(CancellationToken cancellationToken)
        {
            var setting = Settings.DefaultSite;
            if (string.IsNullOrWhiteSpace(setting))
            {
                return HealthCheck.Warning(DefaultSite,
                    "No Default Site is configured, so customers whose company matches no Halo customer cannot be imported. Run Enable-GcModule -DefaultSite <site id, name or 'Customer/Site'>.",
                    ErrorIds.DefaultSiteNotSet);
            }

            var site = await DefaultSites.ResolveAsync(Target, setting, cancellationToken).ConfigureAwait(false);
            return HealthCheck.Passed(DefaultSite, $"The Default Site '{setting}' is {site.ClientName}/{site.Name} (id {site.Id}), where unmatched customers go.");
        }

        /// <summary>
        /// SQL targets: migrations in the Halo database. API target: migrations in its SQL Server ledger database, or the
        /// payment ledger beside the settings.
        /// </summary>
        public async Task<HealthCheck> ModuleTablesAsync(CancellationToken cancellationToken)
        {
            if (_run.Connections!.Ledger.Place != LedgerPlace.HaloDatabase)
            {
                if (_run.LedgerProblem is { } problem)
                {
                    return HealthCheck.Failed(ModuleTables, problem.Message, problem.ErrorId);
                }

                if (_run.LedgerOptions is { } ledgerOptions)
                {
                    using var ledgerDatabase = new SqlDatabase(ledgerOptions, _run.Log);
                    return await MigrationsAsync(ledgerDatabase, cancellationToken).ConfigureAwait(false);
                }

                return await LedgerAsync(cancellationToken).ConfigureAwait(false);
            }

            return Target is IHaloSqlDatabase sql
                ? await MigrationsAsync(sql.Database, cancellationToken).ConfigureAwait(false)
                : HealthCheck.Skipped(ModuleTables, $"{Describe} keeps no module tables.");
        }

        // The module's tables in a database whose schema changes belong to Enable-GcModule (and a DBA).
        private static async Task<HealthCheck> MigrationsAsync(SqlDatabase database, CancellationToken cancellationToken)
        {
            var pending = await LedgerMigrations.Migrator(database).GetPendingAsync(cancellationToken).ConfigureAwait(false);
            return pending.Count == 0
                ? HealthCheck.Passed(ModuleTables, $"The module's tables in {database.Location} are up to date (migration {LedgerMigrations.All.Last()}).")
                : HealthCheck.Failed(
                    ModuleTables,
                    $"{pending.Count} migration(s) of the module's tables are not applied to {database.Location}: {string.Join(", ", pending)}. " +
                    "Run Enable-GcModule to apply them (with -WhatIf it prints the DDL for a database administrator).",
                    ErrorIds.MigrationsPending);
        }

        public async Task<HealthCheck> NativeIntegratorAsync(CancellationToken cancellationToken)
        {
            if (Probe is null)
            {
                return HealthCheck.Skipped(HaloNativeIntegration, $"{Describe} cannot tell whether Halo's own GoCardless integration is switched on.");
            }

            var native = await Probe.ReadNativeIntegratorAsync(cancellationToken).ConfigureAwait(false);
            if (!native.IsKnown)
            {
                return HealthCheck.Skipped(HaloNativeIntegration, native.UnknownReason!);
            }

            var lastSync = native.LastSync is null ? string.Empty : $"; it last synced at {native.LastSync}";
            var detail = native.LastError is null ? null : "Halo's last GoCardless integrator error: " + native.LastError;
            return native.Enabled
                ? HealthCheck.Warning(
                    HaloNativeIntegration,
                    $"Halo's own GoCardless integration is switched on ({native.Source}){lastSync}. It imports the same GoCardless customers into the same Halo users " +
                    "as this module, so each would overwrite the other's changes. Switch one off: Halo's integrator sync for GoCardless (Configuration > Integrations > GoCardless), or this module with Disable-GcModule.",
                    ErrorIds.HaloNativeIntegrationEnabled,
                    detail)
                : HealthCheck.Passed(HaloNativeIntegration, $"Halo's own GoCardless integration is switched off ({native.Source}){lastSync}.", detail);
        }

        private async Task<HealthCheck> LedgerAsync(CancellationToken cancellationToken)
        {
            var path = _run.Connections!.Ledger.FilePath!;
            if (!File.Exists(path))
            {
                return HealthCheck.Warning(ModuleTables,
                    $"The payment ledger '{path}' does not exist yet. It is created on the first Sync-GcPayment; nothing to do until then.",
                    "LedgerMissing");
            }

            using var ledger = new SqlDatabase(SqlOptions.ForSqlite(path), _run.Log);
            var pending = await LedgerMigrations.Migrator(ledger).GetPendingAsync(cancellationToken).ConfigureAwait(false);
            return pending.Count == 0
                ? HealthCheck.Passed(ModuleTables, $"The payment ledger '{path}' is up to date (migration {LedgerMigrations.All.Last()}).")
                : HealthCheck.Warning(ModuleTables,
                    $"The payment ledger '{path}' lacks {pending.Count} migration(s) ({string.Join(", ", pending)}); the next Sync-GcPayment applies them.",
                    ErrorIds.MigrationsPending);
        }
    }
}
