// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Management.Automation;
using System.Security;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Output;
using GoCardlessHalo.Activation;
using GoCardlessHalo.Core.Activation;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns the GoCardless integration on and records how to reach GoCardless and Halo.</para>
    /// <para type="description">Enable-GcModule writes the settings file (GoCardlessHalo.yaml): the GoCardless
    /// environment and access token, the Halo target (REST API, SQL Server, or SQLite; the embedded SQLite database
    /// when none is given) and the Default Site for customers whose company matches no Halo customer. Secrets are
    /// stored only as references (env:NAME, secret:NAME) or DPAPI-protected on Windows. Run it again to change
    /// any part; what is not given is kept.</para>
    /// <para type="description">Before saving it checks both sides: GoCardless must accept the access token, Halo must be
    /// reachable and the Default Site must name one active site. It then does the one-time set-up, each step behind -WhatIf and
    /// -Confirm: it creates the embedded database (with -SampleData, sample Halo customers and sites), creates the link field
    /// (GoCardlessCustomerId, Text, User) in Halo when it is missing, and applies the module's own tables (gch_*) to a SQL
    /// database; -WhatIf prints their DDL. -SkipConnectionCheck saves the settings without contacting either side.</para>
    /// <para type="description">Choose the Halo target with one parameter set: none (the embedded SQLite database, for trying
    /// the module out), -HaloUrl (hosted Halo through the REST API), -ConnectionString (on-premises Halo's SQL Server database),
    /// or -DatabasePath (a Halo-shaped SQLite file).</para>
    /// <para type="link">Disable-GcModule</para>
    /// <para type="link">Get-GcModule</para>
    /// <para type="link">Set-GcFieldMapping</para>
    /// <para type="link">Test-GcModule</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; $env:GOCARDLESS_ACCESS_TOKEN = 'sandbox_...'
    /// PS&gt; Enable-GcModule -Environment Sandbox -AccessTokenReference env:GOCARDLESS_ACCESS_TOKEN -SampleData -PassThru</code>
    /// <para>A first try: the GoCardless sandbox and the embedded SQLite Halo, created with a few sample customers and sites.
    /// Only the reference env:GOCARDLESS_ACCESS_TOKEN is stored; the token is read from the environment variable at run time.
    /// -PassThru returns the status (Enabled, Environment, Target, TargetLocation, DefaultSite).</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Enable-GcModule -Environment Live -AccessTokenReference env:GOCARDLESS_ACCESS_TOKEN -HaloUrl https://contoso.halopsa.com -Tenant contoso -ClientId 6f1c2a9e-0000-4000-8000-000000000000 -ClientSecretReference env:HALO_CLIENT_SECRET -DefaultSite 'Unassigned Customers/Default Site'</code>
    /// <para>Hosted Halo through the REST API, with the client id and secret of a Halo API application (Client ID and Secret
    /// authentication). Both secrets are environment-variable references, which is what RMM tools and scheduled tasks need: set
    /// the variables in the job's environment. Customers whose company matches no Halo customer go to the Default Site.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Enable-GcModule -ConnectionString 'Server=sql01;Database=Halo;User ID=gc_sync;Encrypt=True' -SqlPasswordReference env:HALO_SQL_PASSWORD -DefaultSite 'Unmatched customers' -WhatIf</code>
    /// <para>On-premises Halo through its SQL Server database, with a SQL login whose password is read from $env:HALO_SQL_PASSWORD.
    /// -WhatIf checks GoCardless and the database, then prints what it would do, including the DDL of the module's own tables,
    /// and saves nothing. Run it again without -WhatIf to apply it.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Enable-GcModule -ConfigPath C:\ProgramData\GoCardlessHalo -DefaultSite 'Acme Ltd/Head Office'</code>
    /// <para>Changes one setting of the machine-wide configuration (the one RMM agents running as SYSTEM use) and keeps the rest.
    /// Without any parameter, Enable-GcModule turns a disabled integration back on.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Enable, "GcModule", SupportsShouldProcess = true, DefaultParameterSetName = KeepTargetSet)]
    [OutputType(typeof(GcModuleStatus))]
    public sealed class EnableGcModuleCommand : GcCmdlet
    {
        private const string KeepTargetSet = "KeepTarget";
        private const string HaloApiSet = "HaloApi";
        private const string SqlServerSet = "SqlServer";
        private const string SqliteSet = "Sqlite";

        /// <summary>The GoCardless access token as a secure string (e.g. Read-Host -AsSecureString). It is stored only DPAPI-protected, so
        /// only on Windows (CurrentUser scope, LocalMachine when running as SYSTEM); elsewhere use -AccessTokenReference.</summary>
        [Parameter]
        public SecureString? AccessToken { get; set; }

        /// <summary>Where the GoCardless access token is read at run time: env:VARIABLE_NAME (an environment variable, the usual choice
        /// under RMM tools) or secret:SECRET_NAME (SecretManagement's Get-Secret). Only the reference is stored.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessTokenReference { get; set; }

        /// <summary>The GoCardless environment, Sandbox or Live. When not given: the environment of an -AccessToken (its sandbox_ or live_
        /// prefix), else the one already saved (Sandbox in a new settings file).</summary>
        [Parameter]
        public GcEnvironment? Environment { get; set; }

        /// <summary>Another GoCardless API address instead of the environment's (e.g. an emulator). Plain http:// is accepted only for
        /// addresses on this machine (otherwise ErrorId InsecureAddress).</summary>
        [Parameter]
        public Uri? GoCardlessBaseUri { get; set; }

        /// <summary>Another GoCardless dashboard address for the payment links of Get-GcPayment and Open-GcPayment (default
        /// https://manage.gocardless.com, or manage-sandbox for Sandbox).</summary>
        [Parameter]
        public Uri? DashboardBaseUri { get; set; }

        /// <summary>The Halo web address, e.g. https://contoso.halopsa.com. Selects the Halo REST API target (hosted Halo).</summary>
        [Parameter(Mandatory = true, ParameterSetName = HaloApiSet)]
        public Uri? HaloUrl { get; set; }

        /// <summary>The client id of the Halo API application (Configuration > Integrations > Halo API, Client ID and Secret authentication).</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        /// <summary>The Halo API application's client secret as a secure string. Stored only DPAPI-protected (Windows); elsewhere use
        /// -ClientSecretReference.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        public SecureString? ClientSecret { get; set; }

        /// <summary>The Halo API application as one credential: the client id as user name, the client secret as password. Instead of
        /// -ClientId and -ClientSecret.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [Credential]
        public PSCredential? ClientCredential { get; set; }

        /// <summary>Where the Halo client secret is read at run time: env:NAME or secret:NAME. Only the reference is stored.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientSecretReference { get; set; }

        /// <summary>The tenant name of a hosted Halo instance (hosted Halo only).</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        public string? Tenant { get; set; }

        /// <summary>The OAuth scope requested from Halo (default all).</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        public string? Scope { get; set; }

        /// <summary>The connection string of the Halo SQL Server database (on-premises Halo). Selects the SQL Server target. A password in
        /// it is never stored in the settings file: it is protected like -SqlCredential's, or refused where that is not possible.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SqlServerSet)]
        [ValidateNotNullOrEmpty]
        public string? ConnectionString { get; set; }

        /// <summary>A SQL login for the Halo database. The user name goes into the connection string; the password is stored only
        /// DPAPI-protected (Windows). Without it the connection string's own authentication is used (e.g. Integrated Security).</summary>
        [Parameter(ParameterSetName = SqlServerSet)]
        [Credential]
        public PSCredential? SqlCredential { get; set; }

        /// <summary>Where the SQL login's password is read at run time: env:NAME or secret:NAME. The login itself is User ID in
        /// -ConnectionString.</summary>
        [Parameter(ParameterSetName = SqlServerSet)]
        [ValidateNotNullOrEmpty]
        public string? SqlPasswordReference { get; set; }

        /// <summary>A Halo-shaped SQLite database file. Selects the SQLite target.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SqliteSet)]
        [ValidateNotNullOrEmpty]
        public string? DatabasePath { get; set; }

        /// <summary>
        /// A SQL Server database for the payment ledger when Halo is reached through its API (by default the ledger is a
        /// SQLite file beside the settings). Enable-GcModule creates the module's tables there. A password in it is treated as a secret.
        /// </summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [ValidateNotNullOrEmpty]
        public string? LedgerConnectionString { get; set; }

        /// <summary>SQL login for the ledger database (-LedgerConnectionString); the password is kept DPAPI-protected (Windows).</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [Credential]
        public PSCredential? LedgerCredential { get; set; }

        /// <summary>Where the ledger database login's password is read at run time: env:NAME or secret:NAME.</summary>
        [Parameter(ParameterSetName = HaloApiSet)]
        [ValidateNotNullOrEmpty]
        public string? LedgerPasswordReference { get; set; }

        /// <summary>The Default Site: where users are created for customers without a company, or whose company matches no Halo customer.
        /// A site id, a site name, or 'Customer/Site'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DefaultSiteCompleter))]
        public string? DefaultSite { get; set; }

        /// <summary>The Halo custom field (Text, User) that holds the GoCardless customer id; default GoCardlessCustomerId.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LinkField { get; set; }

        /// <summary>The most Halo API requests the module's runs on this machine send in any rolling 5 minutes (halo.requestsPer5Minutes;
        /// default 300, hosted Halo's limit per tenant). Lower it to leave room for other integrations; 0 turns the module's pacing off.</summary>
        [Parameter]
        [ValidateRange(0, 100000)]
        public int? HaloRequestsPer5Minutes { get; set; }

        /// <summary>Time allowed for one GoCardless HTTP request (goCardless.timeoutSeconds; default 60 s): seconds (120) or a
        /// TimeSpan ('00:02:00'), between 1 second and 1 hour. Raise it when GoCardless errors say the request timed out.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan? GoCardlessTimeout { get; set; }

        /// <summary>Time allowed for one Halo API request (halo.timeoutSeconds; default 100 s): seconds (300) or a TimeSpan
        /// ('00:05:00'), between 1 second and 1 hour. Raise it when Halo errors say the request timed out.</summary>
        [Parameter]
        [TimeSpanArgument]
        public TimeSpan? HaloTimeout { get; set; }

        /// <summary>How Import-GcUser and Get-GcImportPlan compare company names with Halo customer names when they are not given
        /// -MatchMode (so scheduled runs use it): Exact (default) or Normalized, which also ignores punctuation and legal suffixes for
        /// companies that no Halo customer names exactly.</summary>
        [Parameter]
        public GcMatchMode? MatchMode { get; set; }

        /// <summary>Fill a newly created embedded database with sample Halo customers and sites, for trying the module out.</summary>
        [Parameter(ParameterSetName = KeepTargetSet)]
        [Parameter(ParameterSetName = SqliteSet)]
        public SwitchParameter SampleData { get; set; }

        /// <summary>Save the settings without contacting GoCardless or Halo (e.g. to prepare a machine before it can reach them);
        /// Test-GcModule checks them later.</summary>
        [Parameter]
        public SwitchParameter SkipConnectionCheck { get; set; }

        /// <summary>Return the resulting status, as Get-GcModule shows it. By default Enable-GcModule writes nothing.</summary>
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
            var activated = SkipConnectionCheck || ActivationSteps.Run(this, planned, SampleData);
            if (!ShouldProcess(Context.Location.SettingsPath, action) || !activated)
            {
                return;
            }

            if (Context.Warnings.Count > 0)
            {
                // Chosen: warn rather than refuse (a typo must not lock the user out of fixing the file with this
                // cmdlet), and never drop them silently: the file as it was is kept beside it.
                WriteWarning($"The settings file had {Context.Warnings.Count} unknown setting(s) (listed above); the saved file leaves them out. The file as it was is kept as '{Context.Store.BackupPath}'.");
            }

            Context.Save(planned);
            WriteVerbose($"Saved {Context.Location.SettingsPath}.");
            if (PassThru)
            {
                WriteObject(StatusBuilder.Status(Context));
            }
        }

        private EnableRequest BuildRequest()
        {
            if (ClientCredential is not null && (ClientId is not null || ClientSecret is not null))
            {
                Fail(ErrorRecords.Argument(ErrorIds.ParameterConflict, "Give the Halo client either as -ClientCredential or as -ClientId with -ClientSecret, not both.", "ClientCredential"));
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
                LedgerConnectionString = LedgerConnectionString,
                LedgerUser = LedgerCredential?.UserName,
                LedgerPassword = LedgerCredential is null ? null : SecureStrings.ToPlainText(LedgerCredential.Password),
                LedgerPasswordReference = LedgerPasswordReference,
                DefaultSite = DefaultSite,
                LinkField = LinkField,
                HaloRequestsPer5Minutes = HaloRequestsPer5Minutes,
                GoCardlessTimeout = GoCardlessTimeout,
                HaloTimeout = HaloTimeout,
                MatchMode = ImportResultMapper.ToEngine(MatchMode),
            };
        }
    }
}
