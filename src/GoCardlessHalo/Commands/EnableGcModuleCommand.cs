// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using System.Security;
using GoCardlessHalo.Base;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Connections;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Models;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns the GoCardless integration on and records how to reach GoCardless and Halo.</para>
    /// <para type="description">Enable-GcModule writes the settings file (GoCardlessHalo.yaml): the GoCardless
    /// environment and access token, the Halo target (REST API, SQL Server, or SQLite; the embedded SQLite database
    /// when none is given) and the Default Site for customers whose company matches no Halo customer. Secrets are
    /// stored only as references (env:NAME, secret:NAME) or DPAPI-protected on Windows. Run it again to change
    /// any part; what is not given is kept.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "GcModule", SupportsShouldProcess = true, DefaultParameterSetName = KeepTargetSet)]
    [OutputType(typeof(GcModuleStatus))]
    public sealed class EnableGcModuleCommand : GcCmdlet
    {
        private const string KeepTargetSet = "KeepTarget";
        private const string HaloApiSet = "HaloApi";
        private const string SqlServerSet = "SqlServer";
        private const string SqliteSet = "Sqlite";

        /// <summary>The GoCardless access token, kept only DPAPI-protected (Windows). Elsewhere use -AccessTokenReference.</summary>
        [Parameter]
        public SecureString? AccessToken { get; set; }

        /// <summary>Where the access token is read at run time: env:VARIABLE_NAME or secret:SECRET_NAME.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessTokenReference { get; set; }

        /// <summary>Sandbox or Live. Inferred from a sandbox_/live_ token when not given.</summary>
        [Parameter]
        public GcEnvironment? Environment { get; set; }

        /// <summary>Overrides the GoCardless API address (e.g. the emulator). http:// only for loopback addresses.</summary>
        [Parameter]
        public Uri? GoCardlessBaseUri { get; set; }

        /// <summary>Overrides the dashboard address used for payment links.</summary>
        [Parameter]
        public Uri? DashboardBaseUri { get; set; }

        /// <summary>The Halo URL, e.g. https://contoso.halopsa.com (Halo REST API target).</summary>
        [Parameter(Mandatory = true, ParameterSetName = HaloApiSet)]
        public Uri? HaloUrl { get; set; }

        /// <summary>The Halo API application's client id.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        /// <summary>The Halo API application's client secret.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        public SecureString? ClientSecret { get; set; }

        /// <summary>Client id as user name and client secret as password.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [Credential]
        public PSCredential? ClientCredential { get; set; }

        /// <summary>Where the client secret is read at run time: env:NAME or secret:NAME.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientSecretReference { get; set; }

        /// <summary>The tenant of a hosted Halo instance.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        public string? Tenant { get; set; }

        /// <summary>OAuth scope; default "all".</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        public string? Scope { get; set; }

        /// <summary>Connection string of the Halo SQL Server database (on-premises Halo). A password in it is treated as a secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SqlServerSet)]
        [ValidateNotNullOrEmpty]
        public string? ConnectionString { get; set; }

        /// <summary>SQL login for the Halo database.</summary>
        [Parameter(ParameterSetName = SqlServerSet)]
        [Credential]
        public PSCredential? SqlCredential { get; set; }

        /// <summary>Where the SQL login's password is read at run time: env:NAME or secret:NAME.</summary>
        [Parameter(ParameterSetName = SqlServerSet)]
        [ValidateNotNullOrEmpty]
        public string? SqlPasswordReference { get; set; }

        /// <summary>A Halo-shaped SQLite database file.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SqliteSet)]
        [ValidateNotNullOrEmpty]
        public string? DatabasePath { get; set; }

        /// <summary>Where customers whose company matches no Halo customer go: a site id, name, or 'Customer/Site'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DefaultSite { get; set; }

        /// <summary>The Halo custom field (Text, User) that holds the GoCardless customer id; default GoCardlessCustomerId.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LinkField { get; set; }

        /// <summary>Fill a newly created embedded database with sample Halo customers and sites, for trying the module out.</summary>
        [Parameter(ParameterSetName = KeepTargetSet)]
        [Parameter(ParameterSetName = SqliteSet)]
        public SwitchParameter SampleData { get; set; }

        /// <summary>Save the settings without contacting GoCardless or Halo (e.g. to prepare a machine before it can reach them).</summary>
        [Parameter]
        public SwitchParameter SkipConnectionCheck { get; set; }

        /// <summary>Return the resulting status.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            var configurator = new ModuleConfigurator(Context.Location, Context.Secrets, CurrentPlatform.Instance);
            var planned = configurator.Plan(Context.Settings, BuildRequest());
            foreach (var warning in configurator.Warnings)
            {
                WriteWarning(warning);
            }

            if (SkipConnectionCheck)
            {
                WriteWarning("GoCardless and Halo were not contacted (-SkipConnectionCheck); Test-GcModule checks them later.");
            }
            var action = $"Enable the GoCardless integration ({planned.GoCardless.Environment}, Halo target {planned.Halo.Target} " +
                         $"{StatusBuilder.TargetLocation(planned.Halo)}, default site '{planned.DefaultSite ?? "(not set)"}')";
            // Without the database -WhatIf cannot look further into Halo, but it still says what would be saved.
            var activated = SkipConnectionCheck || Activate(planned);
            if (!ShouldProcess(Context.Location.SettingsPath, action) || !activated)
            {
                return;
            }

            Context.Settings.Enabled = planned.Enabled;
            Context.Settings.Version = planned.Version;
            Context.Settings.GoCardless = planned.GoCardless;
            Context.Settings.Halo = planned.Halo;
            Context.Settings.DefaultSite = planned.DefaultSite;
            Context.Save();
            WriteVerbose($"Saved {Context.Location.SettingsPath}.");
            if (PassThru)
            {
                WriteObject(StatusBuilder.Status(Context));
            }
        }

        // Checks both sides and does the one-time set-up, each change behind ShouldProcess. False when -WhatIf
        // (or a declined -Confirm) left nothing to check further.
        private bool Activate(ModuleSettings planned)
        {
            using var activation = new ModuleActivation(planned, ConnectionsFor(planned), Log);
            Await(activation.CheckGoCardlessAsync(CancellationToken));
            if (activation.DatabaseFileMissing)
            {
                if (!ShouldProcess(planned.Halo.DatabasePath, SampleData ? "Create the Halo-shaped SQLite database with sample customers" : "Create the Halo-shaped SQLite database"))
                {
                    return false;
                }

                Await(activation.CreateEmbeddedDatabaseAsync(SampleData, CancellationToken));
            }
            else if (SampleData)
            {
                Fail(ErrorRecords.Argument("SampleDataNeedsNewDatabase", $"-SampleData only fills a database this command creates, and '{planned.Halo.DatabasePath}' already exists.", "SampleData"));
            }

            Await(activation.OpenHaloAsync(CancellationToken));
            var link = planned.Halo.LinkField;
            if (Await(activation.LinkFieldMissingAsync(CancellationToken)) && ShouldProcess(activation.Target.Location, $"Create the Halo user custom field '{link}' (Text) for GoCardless customer ids"))
            {
                Await(activation.CreateLinkFieldAsync(CancellationToken));
            }

            var pending = Await(activation.PendingMigrationsAsync(CancellationToken));
            if (pending.Count > 0)
            {
                var script = activation.RenderMigrations(pending);
                var description = $"Apply {pending.Count} migration(s) of the module's own tables to {activation.Target.Location}:{System.Environment.NewLine}{script}";
                if (ShouldProcess(description, $"Apply {pending.Count} migration(s) of GoCardlessHalo's tables to {activation.Target.Location}?", "Migrate"))
                {
                    Await(activation.ApplyMigrationsAsync(CancellationToken));
                }
            }

            var site = Await(activation.CheckDefaultSiteAsync(CancellationToken));
            WriteVerbose(site is null ? "No Default Site is set yet." : $"Default Site: {site.ClientName}/{site.Name} (id {site.Id}).");
            return true;
        }

        private EnableRequest BuildRequest()
        {
            if (ClientCredential is not null && (ClientId is not null || ClientSecret is not null))
            {
                Fail(ErrorRecords.Argument("ParameterConflict", "Give the Halo client either as -ClientCredential or as -ClientId with -ClientSecret, not both.", "ClientCredential"));
            }

            return new EnableRequest
            {
                AccessToken = AccessToken is null ? null : SecureStrings.ToPlainText(AccessToken),
                AccessTokenReference = AccessTokenReference,
                Environment = Environment switch
                {
                    GcEnvironment.Live => GoCardlessEnvironment.Live,
                    GcEnvironment.Sandbox => GoCardlessEnvironment.Sandbox,
                    _ => null,
                },
                GoCardlessBaseUri = GoCardlessBaseUri,
                DashboardBaseUri = DashboardBaseUri,
                Target = ParameterSetName switch
                {
                    HaloApiSet => HaloTargetKind.Api,
                    SqlServerSet => HaloTargetKind.SqlServer,
                    SqliteSet => HaloTargetKind.Sqlite,
                    _ => null,
                },
                HaloUrl = HaloUrl,
                Tenant = Tenant,
                ClientId = ClientCredential?.UserName ?? ClientId,
                ClientSecret = ClientCredential is not null ? SecureStrings.ToPlainText(ClientCredential.Password)
                             : ClientSecret is not null ? SecureStrings.ToPlainText(ClientSecret) : null,
                ClientSecretReference = ClientSecretReference,
                Scope = Scope,
                ConnectionString = ConnectionString,
                SqlUser = SqlCredential?.UserName,
                SqlPassword = SqlCredential is null ? null : SecureStrings.ToPlainText(SqlCredential.Password),
                SqlPasswordReference = SqlPasswordReference,
                DatabasePath = DatabasePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DatabasePath),
                DefaultSite = DefaultSite,
                LinkField = LinkField,
            };
        }
    }
}
