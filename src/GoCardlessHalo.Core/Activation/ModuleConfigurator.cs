// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Activation
{
    /// <summary>
    /// Plans what Enable-GcModule changes: checks everything that can be checked on this machine, turns
    /// plain-text secrets into references (DPAPI) or refuses, and returns the new settings without saving.
    /// </summary>
    public sealed class ModuleConfigurator
    {
        /// <summary>File name of the embedded Halo-shaped SQLite database in the data folder.</summary>
        public const string EmbeddedDatabaseFileName = "halo.db";

        /// <summary>The Default Site of a new embedded database.</summary>
        public const string EmbeddedDefaultSite = "Unassigned Customers/Default Site";

        private readonly ConfigLocation _location;
        private readonly SecretResolver _secrets;
        private readonly IPlatform _platform;

        public ModuleConfigurator(ConfigLocation location, SecretResolver secrets, IPlatform platform)
        {
            _location = location;
            _secrets = secrets;
            _platform = platform;
        }

        /// <summary>Warnings found while planning (e.g. an env: variable not set in this session).</summary>
        public List<string> Warnings { get; } = new List<string>();

        /// <summary>Whether the planned settings use the embedded database (which then has to be created).</summary>
        public bool UsesEmbeddedDatabase { get; private set; }

        /// <summary>The settings after the request, enabled. <paramref name="current"/> is not modified.</summary>
        /// <exception cref="GcHaloException">Something in the request cannot work; nothing is planned.</exception>
        public ModuleSettings Plan(ModuleSettings current, EnableRequest request)
        {
            var next = current.Copy();
            next.Version = ModuleSettings.CurrentVersion;
            next.Enabled = true;
            ApplyGoCardless(next.GoCardless, request);
            ApplyHalo(next.Halo, request);
            ApplyLedger(next, request);
            next.MatchMode = request.MatchMode ?? next.MatchMode;
            if (request.DefaultSite is not null)
            {
                next.DefaultSite = Require(request.DefaultSite.Trim(), "DefaultSite", "The default site must name a Halo site (its id, its name, or 'Customer/Site').");
            }
            else if (next.DefaultSite is null && UsesEmbeddedDatabase)
            {
                // The embedded database starts with Halo's own default: site 1, "Default Site" of "Unassigned Customers".
                next.DefaultSite = EmbeddedDefaultSite;
            }

            return next;
        }

        private void ApplyGoCardless(GoCardlessSettings gc, EnableRequest request)
        {
            var tokenEnvironment = request.AccessToken is null ? null : GoCardlessTokens.EnvironmentOf(request.AccessToken);
            var environment = request.Environment ?? tokenEnvironment ?? gc.Environment;
            if (tokenEnvironment is not null && tokenEnvironment != environment)
            {
                throw new GcHaloException(
                    ErrorIds.GoCardlessTokenWrongEnvironment,
                    ErrorKind.AuthenticationFailed,
                    $"The access token is a {tokenEnvironment} token but the environment is {environment}. Sandbox and live are separate GoCardless accounts: " +
                    $"use -Environment {tokenEnvironment}, or create a token in the {environment} dashboard (Developers > Create > Access token).",
                    "AccessToken");
            }

            gc.Environment = environment;
            gc.BaseUri = CheckAddress(request.GoCardlessBaseUri, "GoCardlessBaseUri") ?? gc.BaseUri;
            gc.DashboardBaseUri = CheckAddress(request.DashboardBaseUri, "DashboardBaseUri") ?? gc.DashboardBaseUri;
            gc.Timeout = TimeoutSettings.Checked(request.GoCardlessTimeout, gc.Timeout, TimeoutSettings.GoCardless);
            gc.AccessToken = Secret(request.AccessToken, request.AccessTokenReference, "goCardless.accessToken", "AccessToken") ?? gc.AccessToken;
            if (gc.AccessToken is null)
            {
                throw new GcHaloException(
                    ErrorIds.AccessTokenRequired,
                    ErrorKind.InvalidArgument,
                    "A GoCardless access token is needed. Pass -AccessTokenReference env:VARIABLE_NAME (or secret:NAME), or -AccessToken (Read-Host -AsSecureString) on Windows.",
                    "AccessToken");
            }
        }

        private void ApplyHalo(HaloSettings halo, EnableRequest request)
        {
            if (request.LinkField is not null)
            {
                halo.LinkField = FieldMapping.Create("link", request.LinkField).HaloField;
            }

            if (request.HaloRequestsPer5Minutes is { } budget)
            {
                halo.RequestsPer5Minutes = budget;
            }

            halo.Timeout = TimeoutSettings.Checked(request.HaloTimeout, halo.Timeout, TimeoutSettings.Halo);

            switch (request.Target)
            {
                case HaloTargetKind.Api:
                    ClearTarget(halo);
                    halo.Target = HaloTargetKind.Api;
                    halo.Url = CheckAddress(Require(request.HaloUrl, "HaloUrl", "The Halo API target needs -HaloUrl."), "HaloUrl");
                    halo.Tenant = string.IsNullOrWhiteSpace(request.Tenant) ? null : request.Tenant!.Trim();
                    halo.ClientId = Require(request.ClientId?.Trim(), "ClientId", "The Halo API target needs a client id (-ClientId or -ClientCredential); copy it after saving the application in Halo (Configuration > Integrations > Halo API).");
                    halo.ClientSecret = Secret(request.ClientSecret, request.ClientSecretReference, "halo.clientSecret", "ClientSecret")
                                        ?? throw Missing("ClientSecret", "The Halo API target needs the application's client secret (-ClientSecret, -ClientCredential or -ClientSecretReference).");
                    halo.Scope = string.IsNullOrWhiteSpace(request.Scope) ? "all" : request.Scope!.Trim();
                    break;
                case HaloTargetKind.SqlServer:
                    ClearTarget(halo);
                    halo.Target = HaloTargetKind.SqlServer;
                    ApplySqlServer(halo, request);
                    break;
                case HaloTargetKind.Sqlite:
                    ClearTarget(halo);
                    halo.Target = HaloTargetKind.Sqlite;
                    halo.DatabasePath = Path.GetFullPath(Require(request.DatabasePath, "DatabasePath", "The SQLite target needs -DatabasePath."));
                    break;
                case null when halo.Target is null:
                    // Nothing configured and nothing asked for: the embedded database, so a first try just works.
                    halo.Target = HaloTargetKind.Sqlite;
                    halo.DatabasePath = _location.Beside(EmbeddedDatabaseFileName);
                    break;

            }

            UsesEmbeddedDatabase = halo.Target == HaloTargetKind.Sqlite
                                   && string.Equals(halo.DatabasePath, _location.Beside(EmbeddedDatabaseFileName), StringComparison.OrdinalIgnoreCase);
        }

        private void ApplySqlServer(HaloSettings halo, EnableRequest request)
        {
            var connectionString = Require(request.ConnectionString, "ConnectionString", "The SQL Server target needs -ConnectionString.");
            (halo.ConnectionString, halo.Password) = SqlLogin(connectionString, request.SqlUser, request.SqlPassword, request.SqlPasswordReference, "halo", "Sql");
        }

        // The API target's ledger may live in SQL Server instead of the SQLite file beside the settings. SQL targets keep it
        // in the Halo database, so a separate ledger database makes sense only for the API target.
        private void ApplyLedger(ModuleSettings next, EnableRequest request)
        {
            if (request.LedgerConnectionString is null)
            {
                if (next.Halo.Target != HaloTargetKind.Api && next.Ledger.ConnectionString is not null)
                {
                    next.Ledger = new LedgerSettings();
                    Warnings.Add("The separate ledger database applies only to the Halo API target; with a SQL target the payment ledger lives in the Halo database.");
                }

                return;
            }

            if (next.Halo.Target != HaloTargetKind.Api)
            {
                throw new GcHaloException(
                    ErrorIds.LedgerNeedsApiTarget,
                    ErrorKind.InvalidArgument,
                    "-LedgerConnectionString applies only to the Halo API target: with a SQL target the payment ledger lives in the Halo database.",
                    "LedgerConnectionString");
            }

            var (connectionString, password) = SqlLogin(request.LedgerConnectionString, request.LedgerUser, request.LedgerPassword, request.LedgerPasswordReference, "ledger", "Ledger");
            next.Ledger = new LedgerSettings { ConnectionString = connectionString, Password = password };
        }

        // A SQL Server login: the connection string without its password, and the password as a secret reference.
        // A password typed into the connection string is a secret like any other: protected or refused.
        private (string ConnectionString, SecretReference? Password) SqlLogin(string connectionString, string? user, string? password, string? passwordReference, string section, string parameterPrefix)
        {
            SqlOptions.ValidateSqlServer(connectionString, parameterPrefix == "Sql" ? "ConnectionString" : "LedgerConnectionString");
            var stripped = SqlConnectionStrings.RemovePassword(connectionString, out var embeddedPassword);
            if (user is not null)
            {
                stripped = SqlConnectionStrings.WithUser(stripped, user);
            }

            return (stripped, Secret(password ?? embeddedPassword, passwordReference, section + ".password", parameterPrefix + "Password"));
        }

        private SecretReference? Secret(string? plainText, string? reference, string settingName, string parameterName)
        {
            if (plainText is not null && reference is not null)
            {
                throw new GcHaloException(ErrorIds.ParameterConflict, ErrorKind.InvalidArgument, $"Give the {parameterName} either as a secret or as a reference ({parameterName}Reference), not both.", parameterName);
            }

            if (reference is not null)
            {
                var parsed = SecretReference.Parse(reference, settingName);
                CheckReachable(parsed, settingName);
                return parsed;
            }

            return plainText is null ? null : _secrets.Protect(plainText, settingName, parameterName);
        }

        // An environment variable missing from this session is not necessarily wrong (an RMM agent may set it only for
        // its own runs), so it is a warning. A secret: reference is looked up now: no SecretManagement, or no vault
        // holding the secret, stops the plan.
        private void CheckReachable(SecretReference reference, string settingName)
        {
            if (reference.Source == SecretSource.Environment && string.IsNullOrEmpty(_platform.GetEnvironmentVariable(reference.Value)))
            {
                Warnings.Add($"The environment variable {reference.Value} ({settingName}) is not set in this session. Make sure it is set for the account that runs the sync.");
            }
            else if (reference.Source == SecretSource.SecretManagement)
            {
                _secrets.Resolve(reference, settingName);
            }
        }

        private static Uri? CheckAddress(Uri? uri, string parameterName)
        {
            if (uri is null || Endpoints.IsAcceptable(uri))
            {
                return uri;
            }

            throw new GcHaloException(
                ErrorIds.InsecureAddress,
                ErrorKind.InvalidArgument,
                $"-{parameterName} '{uri}' must be an absolute https:// address (plain http:// is accepted only for this machine, e.g. an emulator on 127.0.0.1).",
                uri);
        }

        private static void ClearTarget(HaloSettings halo)
        {
            halo.Url = null;
            halo.Tenant = null;
            halo.ClientId = null;
            halo.ClientSecret = null;
            halo.ConnectionString = null;
            halo.Password = null;
            halo.DatabasePath = null;
        }

        private static T Require<T>(T? value, string parameterName, string message)
            where T : class => value is string text && string.IsNullOrWhiteSpace(text) || value is null ? throw Missing(parameterName, message) : value;

        private static GcHaloException Missing(string parameterName, string message) =>
            new GcHaloException(ErrorIds.ParameterMissing, ErrorKind.InvalidArgument, message, parameterName);
    }
}
