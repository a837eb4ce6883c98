// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Connections;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>
    /// One health run's settings and connections, and the Configuration check that judged them. <see cref="Start"/>
    /// loads the settings and builds the GoCardless client, the Halo target and the options of a SQL Server ledger
    /// (sending nothing), so every secret
    /// is resolved there, synchronously, on the caller's thread: secret: references run Get-Secret, which only works
    /// on the PowerShell pipeline thread. The later checks only use what was built here.
    /// </summary>
    internal sealed class HealthRun : IDisposable
    {
        private const string NoSettings = "The settings could not be loaded (see the Configuration check).";

        private HealthRun(HealthCheck configuration, ConfigLocation location, IEngineLog log)
        {
            Configuration = configuration;
            Location = location;
            Log = log;
        }

        public HealthCheck Configuration { get; private set; }

        public ConfigLocation Location { get; }

        public IEngineLog Log { get; }

        /// <summary>The settings; null when the file is missing or cannot be read.</summary>
        public ModuleSettings? Settings { get; private set; }

        public ModuleConnections? Connections { get; private set; }

        /// <summary>Null when the GoCardless settings cannot be used.</summary>
        public GoCardlessClient? GoCardless { get; private set; }

        /// <summary>Null when the Halo settings cannot be used. Not yet opened.</summary>
        public IHaloTarget? Target { get; private set; }

        /// <summary>The SQL Server database of the API target's payment ledger; null for the ledger file beside the settings.</summary>
        public SqlOptions? LedgerOptions { get; private set; }

        /// <summary>Why <see cref="LedgerOptions"/> could not be built (its password does not resolve), or null.</summary>
        public GcHaloException? LedgerProblem { get; private set; }

        /// <summary>Why the settings-only checks cannot run, or null.</summary>
        public string? SettingsSkipReason => Settings is null ? NoSettings : null;

        /// <summary>Why the GoCardless check cannot run, or null.</summary>
        public string? GoCardlessSkipReason =>
            SettingsSkipReason ?? (GoCardless is null ? "The GoCardless settings cannot be used (see the Configuration check)." : null);

        /// <summary>Why the Halo checks cannot run, or null.</summary>
        public string? HaloSkipReason =>
            SettingsSkipReason ?? (Target is null ? "The Halo settings cannot be used (see the Configuration check)." : null);

        /// <summary>Loads the settings and builds both connections. Never throws: problems become the Configuration check.</summary>
        public static HealthRun Start(ConfigLocation location, SecretResolver secrets, ClientInfo clientInfo, IEngineLog log)
        {
            var run = new HealthRun(HealthCheck.Passed(HealthCheckNames.Configuration, string.Empty), location, log);
            try
            {
                run.Configuration = run.Load(secrets, clientInfo);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // Should not happen (every expected problem is a GcHaloException handled in Load), but a health
                // check must report, not crash.
                run.Dispose();
                run = new HealthRun(ModuleHealth.Unexpected(HealthCheckNames.Configuration, ex), location, log);
            }

            return run;
        }

        public void Dispose()
        {
            Target?.Dispose();
            GoCardless?.Dispose();
            Target = null;
            GoCardless = null;
        }

        private HealthCheck Load(SecretResolver secrets, ClientInfo clientInfo)
        {
            const string Name = HealthCheckNames.Configuration;
            var store = new ConfigStore(Location);
            if (!store.Exists)
            {
                return HealthCheck.Failed(Name,
                    $"There is no settings file at '{Location.SettingsPath}', so the integration is not set up. Run Enable-GcModule, or pass -ConfigPath with the settings file the sync uses.",
                    ErrorIds.ModuleNotConfigured);
            }

            IReadOnlyList<string> warnings;
            try
            {
                Settings = store.Load(out warnings);
            }
            catch (GcHaloException ex)
            {
                return HealthCheck.Failed(Name, ex.Message, ex.ErrorId);
            }

            Connections = new ModuleConnections(Settings, Location, secrets, clientInfo, Log);
            var problems = new List<GcHaloException>();
            GoCardless = Build(Connections.CreateGoCardlessClient, problems);
            Target = Build(Connections.CreateHaloTarget, problems);
            try
            {
                // Its password is a secret like the others, so it is resolved here too; the ModuleTables check reports a problem.
                LedgerOptions = Connections.LedgerSqlOptions();
            }
            catch (GcHaloException ex)
            {
                LedgerProblem = ex;
            }

            if (problems.Count > 0)
            {
                var message = problems.Count == 1
                    ? problems[0].Message
                    : $"{problems.Count} problems in the settings '{Location.SettingsPath}': " + string.Join(" ", problems.Select(p => p.Message));
                return HealthCheck.Failed(Name, message, problems[0].ErrorId, string.Join(Environment.NewLine, problems.Select(p => p.ErrorId + ": " + p.Message)));
            }

            var notes = new List<string>(warnings);
            if (!Settings.Enabled)
            {
                notes.Insert(0, "The integration is disabled: Import-GcUser and Sync-GcPayment refuse to run until Enable-GcModule turns it on again.");
            }

            return notes.Count > 0
                ? HealthCheck.Warning(Name, string.Join(" ", notes), Settings.Enabled ? "ConfigFileWarning" : "ModuleDisabled", Describe())
                : HealthCheck.Passed(Name, Describe());
        }

        private static T? Build<T>(Func<T> create, List<GcHaloException> problems)
            where T : class
        {
            try
            {
                return create();
            }
            catch (GcHaloException ex)
            {
                problems.Add(ex);
                return null;
            }
        }

        // What the settings say, with every secret described by where it is read from (never its value).
        private string Describe()
        {
            var settings = Settings!;
            var gc = settings.GoCardless;
            var halo = settings.Halo;
            var haloSecret = halo.Target switch
            {
                HaloTargetKind.Api when halo.ClientSecret is not null => $", client secret from the {halo.ClientSecret.Describe()}",
                HaloTargetKind.SqlServer when halo.Password is not null => $", password from the {halo.Password.Describe()}",
                _ => string.Empty,
            };
            var target = $"Halo target {Target!.Kind} ({Target.Location})";
            return $"'{Location.SettingsPath}' loads: {(settings.Enabled ? "enabled" : "disabled")}; GoCardless {gc.Environment} " +
                   $"(access token from the {gc.AccessToken!.Describe()}); {target}{haloSecret}; link field '{halo.LinkField}'; " +
                   $"{settings.FieldMappings.Count} field mapping(s).";
        }
    }
}
