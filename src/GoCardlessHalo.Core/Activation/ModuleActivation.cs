// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Connections;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Activation
{
    /// <summary>
    /// The checks and one-time set-up behind Enable-GcModule, as separate steps so the cmdlet can ask
    /// ShouldProcess before each one that changes something: the access token is valid for its environment;
    /// the embedded database exists; Halo answers with these credentials; the link field exists; the
    /// module's own tables are migrated; the Default Site is one active site.
    /// </summary>
    public sealed class ModuleActivation : IDisposable
    {
        private readonly ModuleSettings _settings;
        private readonly ModuleConnections _connections;
        private readonly IEngineLog _log;
        private readonly Lazy<SqlDatabase?> _ledgerDatabase;
        private IHaloTarget? _target;

        public ModuleActivation(ModuleSettings settings, ModuleConnections connections, IEngineLog log)
        {
            _settings = settings;
            _connections = connections;
            _log = log;
            _ledgerDatabase = new Lazy<SqlDatabase?>(() => connections.LedgerSqlOptions() is { } options ? new SqlDatabase(options, log) : null);
        }

        /// <summary>The opened Halo target (after <see cref="OpenHaloAsync"/>).</summary>
        public IHaloTarget Target => _target ?? throw new InvalidOperationException("Call OpenHaloAsync first.");

        /// <summary>Checks the token against the configured environment; returns the creditor it belongs to (if any).</summary>
        public async Task<Creditor?> CheckGoCardlessAsync(CancellationToken cancellationToken)
        {
            using var client = _connections.CreateGoCardlessClient();
            var creditor = await client.ValidateTokenAsync(cancellationToken).ConfigureAwait(false);
            _log.Verbose($"GoCardless {client.Environment} ({client.BaseUri}) accepted the access token" + (creditor is null ? "." : $": creditor {creditor.Id} '{creditor.Name}'."));
            return creditor;
        }

        /// <summary>True when the settings use a SQLite file that does not exist yet.</summary>
        public bool DatabaseFileMissing =>
            _settings.Halo.Target == HaloTargetKind.Sqlite && !File.Exists(_settings.Halo.DatabasePath);

        /// <summary>Creates the Halo-shaped SQLite database with its Default Site (and sample customers if asked).</summary>
        public async Task CreateEmbeddedDatabaseAsync(bool sampleData, CancellationToken cancellationToken)
        {
            var path = _settings.Halo.DatabasePath!;
            var options = await HaloSqliteDatabase.CreateAsync(path, cancellationToken, _log).ConfigureAwait(false);
            using var database = new SqlDatabase(options, _log);
            await HaloSqliteDatabase.SeedAsync(database, sampleData ? HaloSeedData.Sample() : HaloSeedData.DefaultSiteOnly(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Connects to Halo and authenticates (API) or discovers the schema (SQL).</summary>
        public async Task OpenHaloAsync(CancellationToken cancellationToken)
        {
            _target = _connections.CreateHaloTarget();
            await _target.OpenAsync(cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Halo ({_target.Kind}, {_target.Location}) answered.");
        }

        /// <summary>
        /// Whether the link field must be created. A field of that name that is not Text/User is an error:
        /// the module will not write customer ids into a field Halo uses for something else.
        /// </summary>
        public async Task<bool> LinkFieldMissingAsync(CancellationToken cancellationToken)
        {
            var resolver = new UserFieldResolver(await Target.GetUserFieldsAsync(cancellationToken).ConfigureAwait(false));
            if (resolver.Find(_settings.Halo.LinkField) is null)
            {
                return true;
            }

            var problem = resolver.Problem(_settings.Halo.LinkField, $"Link field '{_settings.Halo.LinkField}'");
            return problem is null ? false : throw new GcHaloException(ErrorIds.LinkFieldInvalid, ErrorKind.InvalidData, problem + " Choose another name with -LinkField.", _settings.Halo.LinkField);
        }

        public async Task CreateLinkFieldAsync(CancellationToken cancellationToken)
        {
            var field = await Target.CreateUserTextFieldAsync(_settings.Halo.LinkField, "GoCardless Customer Id", cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Created the Halo user field '{field.Name}' (id {field.Id}, Text) for GoCardless customer ids.");
        }

        /// <summary>
        /// The database holding the module's own tables: the Halo database for SQL targets; for the API target the SQL
        /// Server ledger database when one is configured, else none (the ledger file beside the settings migrates itself).
        /// </summary>
        public SqlDatabase? LedgerDatabase => (_target as IHaloSqlDatabase)?.Database ?? _ledgerDatabase.Value;

        /// <summary>Where the module's tables are, for messages.</summary>
        public string LedgerLocation => LedgerDatabase?.Location ?? Target.Location;

        public async Task<IReadOnlyList<SqlMigration>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
            LedgerDatabase is { } database
                ? await LedgerMigrations.Migrator(database).GetPendingAsync(cancellationToken).ConfigureAwait(false)
                : Array.Empty<SqlMigration>();

        public string RenderMigrations(IEnumerable<SqlMigration> migrations) => LedgerMigrations.Migrator(LedgerDatabase!).RenderScript(migrations);

        public async Task ApplyMigrationsAsync(CancellationToken cancellationToken)
        {
            var applied = await LedgerMigrations.Migrator(LedgerDatabase!).ApplyAsync(cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => m.Version + " " + m.Name))}.");
        }

        /// <summary>The Default Site, when one is configured (null otherwise).</summary>
        /// <exception cref="GcHaloException">DefaultSiteNotFound or DefaultSiteAmbiguous.</exception>
        public async Task<HaloSite?> CheckDefaultSiteAsync(CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(_settings.DefaultSite))
            {
                return null;
            }

            return await DefaultSites.ResolveAsync(Target, _settings.DefaultSite, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose()
        {
            _target?.Dispose();
            if (_ledgerDatabase.IsValueCreated)
            {
                _ledgerDatabase.Value?.Dispose();
            }
        }
    }
}
