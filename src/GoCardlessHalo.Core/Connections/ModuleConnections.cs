// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Connections
{
    /// <summary>
    /// Builds the GoCardless client and the Halo target the settings describe, resolving their secrets at the
    /// last moment. Secret resolution may run PowerShell (secret: references), so call these on the thread the
    /// caller's vault requires (the pipeline thread in the shell).
    /// </summary>
    public sealed class ModuleConnections
    {
        private readonly ModuleSettings _settings;
        private readonly ConfigLocation _location;
        private readonly SecretResolver _secrets;
        private readonly ClientInfo _clientInfo;
        private readonly IEngineLog _log;

        public ModuleConnections(ModuleSettings settings, ConfigLocation location, SecretResolver secrets, ClientInfo clientInfo, IEngineLog log)
        {
            _settings = settings;
            _location = location;
            _secrets = secrets;
            _clientInfo = clientInfo;
            _log = log;
            Ledger = LedgerLocation.Resolve(settings, location);
        }

        /// <summary>Where the payment ledger of the settings lives (the one rule: <see cref="Ledger.LedgerLocation.Resolve"/>).</summary>
        public LedgerLocation Ledger { get; }

        public GoCardlessClientOptions GoCardlessOptions()
        {
            var gc = _settings.GoCardless;
            var token = gc.AccessToken ?? throw new GcHaloException(
                ErrorIds.AccessTokenRequired,
                ErrorKind.InvalidArgument,
                $"No GoCardless access token is configured in '{_location.SettingsPath}'. Run Enable-GcModule -AccessTokenReference env:VARIABLE_NAME.",
                "goCardless.accessToken");
            return new GoCardlessClientOptions
            {
                Environment = gc.Environment,
                BaseUri = gc.BaseUri,
                DashboardBaseUri = gc.DashboardBaseUri,
                AccessToken = _secrets.Resolve(token, "goCardless.accessToken"),
                ClientInfo = _clientInfo,
                Timeout = gc.Timeout,
                TimeoutSetting = TimeoutSettings.GoCardless,
            };
        }

        public GoCardlessClient CreateGoCardlessClient() => new GoCardlessClient(GoCardlessOptions(), _log);

        /// <summary>Links into the GoCardless dashboard for the configured environment; needs no token.</summary>
        public DashboardLinks Dashboard() => DashboardLinks.For(new GoCardlessClientOptions
        {
            Environment = _settings.GoCardless.Environment,
            BaseUri = _settings.GoCardless.BaseUri,
            DashboardBaseUri = _settings.GoCardless.DashboardBaseUri,
        });

        /// <summary>
        /// The payment ledger where <see cref="Ledger"/> says it lives; in the Halo database it shares the open target's
        /// connection when one is given.
        /// </summary>
        public PaymentLedger OpenLedger(IHaloTarget? openTarget = null)
        {
            switch (Ledger.Place)
            {
                case LedgerPlace.HaloDatabase:
                    return openTarget is IHaloSqlDatabase sql ? new PaymentLedger(sql.Database) : PaymentLedger.OpenExisting(TargetSqlOptions(), _log);
                case LedgerPlace.LedgerDatabase:
                    return PaymentLedger.OpenExisting(LedgerSqlOptions()!, _log);
                default:
                    return PaymentLedger.OpenBesideConfiguration(_location, _log);
            }
        }

        /// <summary>
        /// The ledger to read (Get-GcPayment): as <see cref="OpenLedger"/>, but null where the ledger would be the file beside
        /// the settings and no Sync-GcPayment has created it yet. Reading never creates it (nor the folder it goes in).
        /// </summary>
        public PaymentLedger? OpenLedgerToRead() =>
            Ledger.Place == LedgerPlace.FileBesideSettings && !File.Exists(Ledger.FilePath) ? null : OpenLedger();

        /// <summary>The SQL Server database of <see cref="LedgerPlace.LedgerDatabase"/>, password resolved; null where the ledger lives elsewhere.</summary>
        public SqlOptions? LedgerSqlOptions()
        {
            if (Ledger.Database is not { ConnectionString: { } connectionString } database)
            {
                return null;
            }

            var password = database.Password is null ? null : _secrets.Resolve(database.Password, "ledger.password");
            return SqlOptions.ForSqlServer(connectionString, password);
        }

        /// <summary>The Halo target of the settings (not yet opened).</summary>
        /// <exception cref="GcHaloException">HaloTargetNotConfigured, or a secret that cannot be resolved.</exception>
        public IHaloTarget CreateHaloTarget()
        {
            var halo = _settings.Halo;
            switch (halo.Target)
            {
                case HaloTargetKind.Api:
                    return new HaloApiTarget(
                        new HaloApiOptions
                        {
                            Url = halo.Url?.OriginalString ?? string.Empty,
                            Tenant = halo.Tenant,
                            ClientId = halo.ClientId ?? string.Empty,
                            ClientSecret = halo.ClientSecret is null ? string.Empty : _secrets.Resolve(halo.ClientSecret, "halo.clientSecret"),
                            Scope = halo.Scope,
                            ClientInfo = _clientInfo,
                            RateLimitPer5Minutes = halo.RequestsPer5Minutes,
                            Timeout = halo.Timeout,
                            TimeoutSetting = TimeoutSettings.Halo,
                            RequestLedgerPath = RequestLedgerFile.For(RequestLedgerFile.MachineFolder(), halo.Url?.OriginalString ?? string.Empty, halo.Tenant, halo.ClientId ?? string.Empty).Path,
                        },
                        _log);
                case HaloTargetKind.SqlServer:
                case HaloTargetKind.Sqlite:
                    return new HaloSqlTarget(TargetSqlOptions(), _log);
                default:
                    throw new GcHaloException(
                        ErrorIds.HaloTargetNotConfigured,
                        ErrorKind.InvalidOperation,
                        $"No Halo target is configured in '{_location.SettingsPath}'. Run Enable-GcModule (with -HaloUrl, -ConnectionString or -DatabasePath, or none for the embedded database).",
                        "halo.target");
            }
        }

        // The SQL Server or SQLite database of the settings, secrets resolved.
        private SqlOptions TargetSqlOptions()
        {
            var halo = _settings.Halo;
            if (halo.Target == HaloTargetKind.SqlServer)
            {
                var password = halo.Password is null ? null : _secrets.Resolve(halo.Password, "halo.password");
                return SqlOptions.ForSqlServer(halo.ConnectionString ?? string.Empty, password);
            }

            if (string.IsNullOrWhiteSpace(halo.DatabasePath))
            {
                // Enable-GcModule always records a path; only a hand-edited file gets here.
                throw new GcHaloException(
                    ErrorIds.HaloDatabasePathRequired,
                    ErrorKind.InvalidOperation,
                    $"The Halo target in '{_location.SettingsPath}' is Sqlite but 'halo.databasePath' is not set. Run Enable-GcModule -DatabasePath <file>, or Enable-GcModule without a target for the embedded database.",
                    "halo.databasePath");
            }

            return SqlOptions.ForSqlite(halo.DatabasePath!);
        }
    }
}
