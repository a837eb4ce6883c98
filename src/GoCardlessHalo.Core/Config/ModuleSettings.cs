// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// Everything the settings file (GoCardlessHalo.yaml) holds. Secrets appear only as
    /// <see cref="SecretReference"/>s, so plain text cannot reach the file by construction.
    /// </summary>
    public sealed class ModuleSettings
    {
        /// <summary>Schema version this build reads and writes.</summary>
        public const int CurrentVersion = 1;

        public int Version { get; set; } = CurrentVersion;

        /// <summary>The sync cmdlets refuse to run while this is false.</summary>
        public bool Enabled { get; set; }

        public GoCardlessSettings GoCardless { get; set; } = new GoCardlessSettings();

        public HaloSettings Halo { get; set; } = new HaloSettings();

        /// <summary>Where customers whose company matches no Halo customer go: a site id, a site name, or "Customer/Site".</summary>
        public string? DefaultSite { get; set; }

        /// <summary>How company names are compared with Halo customer names when Import-GcUser is not given -MatchMode.</summary>
        public MatchMode MatchMode { get; set; } = MatchMode.Exact;

        /// <summary>Customers (by id or company name) pinned to a Halo customer or site, whatever their company name matches.</summary>
        public List<PlacementOverride> PlacementOverrides { get; set; } = new List<PlacementOverride>();

        /// <summary>Field (Name, FirstName, Surname, Email, Phone or a mapped Halo field) → who owns it; unset fields take <see cref="Config.FieldOwnership.Default"/>.</summary>
        public Dictionary<string, FieldRule> FieldOwnership { get; set; } = new Dictionary<string, FieldRule>(StringComparer.OrdinalIgnoreCase);

        /// <summary>GoCardless field (metadata key or summary source) → Halo custom field.</summary>
        public List<FieldMapping> FieldMappings { get; set; } = new List<FieldMapping>();

        /// <summary>Where the payment ledger lives when Halo is reached through its API (default: a SQLite file beside the settings).</summary>
        public LedgerSettings Ledger { get; set; } = new LedgerSettings();

        /// <summary>Invoice collection (issue 9): when an invoice counts as paid, and the most one run may charge.</summary>
        public CollectionSettings Collection { get; set; } = new CollectionSettings();
    }

    /// <summary>Invoice collection settings (YAML section <c>collection</c>).</summary>
    public sealed class CollectionSettings
    {
        /// <summary>
        /// paid_out (default): Sync-GcPayment marks an invoice paid in Halo when its payment is paid out to the creditor;
        /// confirmed: as soon as GoCardless confirms it was collected (a later failure un-pays it again).
        /// </summary>
        public string MarkPaidOn { get; set; } = "paid_out";

        /// <summary>The most one New-GcPayment run may charge per currency (major units) unless -MaximumRunTotal says otherwise; null: no limit.</summary>
        public decimal? MaximumRunTotal { get; set; }

        /// <summary>
        /// True: New-GcPayment creates payments with <c>retry_if_possible: true</c>, so GoCardless's Success+ (intelligent
        /// retries, enabled in the GoCardless dashboard) may retry a failed one itself; default false.
        /// </summary>
        public bool RetryIfPossible { get; set; }

        /// <summary>
        /// Off (null) by default. A Halo ticket type id: Sync-GcPayment then raises one Halo ticket of this type, for the invoice's
        /// customer and the payer, for every collection that failed, was cancelled, charged back or refused by the customer.
        /// </summary>
        public int? FailureTicketTypeId { get; set; }
    }

    /// <summary>
    /// A SQL Server database for the payment ledger of the Halo API target, instead of the SQLite file beside the
    /// settings. (SQL targets keep the ledger in the Halo database.)
    /// </summary>
    public sealed class LedgerSettings
    {
        /// <summary>SQL Server connection string with any password removed; null for the SQLite file.</summary>
        public string? ConnectionString { get; set; }

        /// <summary>The SQL login's password, when the connection string needs one.</summary>
        public SecretReference? Password { get; set; }
    }

    public sealed class GoCardlessSettings
    {
        public GoCardlessEnvironment Environment { get; set; } = GoCardlessEnvironment.Sandbox;

        /// <summary>Overrides the environment's API address (emulator, proxy). Plain http only for loopback.</summary>
        public Uri? BaseUri { get; set; }

        /// <summary>Overrides the dashboard address used for "open in GoCardless" links.</summary>
        public Uri? DashboardBaseUri { get; set; }

        public SecretReference? AccessToken { get; set; }

        /// <summary>Default of <see cref="Timeout"/>.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        /// <summary>Time allowed for one GoCardless HTTP request (goCardless.timeoutSeconds; Enable-GcModule -GoCardlessTimeout).</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;
    }

    public sealed class HaloSettings
    {
        /// <summary>Default name of the Text/User custom field holding the GoCardless customer id.</summary>
        public const string DefaultLinkField = "GoCardlessCustomerId";

        /// <summary>Null until a target has been chosen.</summary>
        public HaloTargetKind? Target { get; set; }

        /// <summary>Halo URL for the API target, e.g. https://contoso.halopsa.com.</summary>
        public Uri? Url { get; set; }

        /// <summary>Tenant for hosted Halo instances (sent as ?tenant=).</summary>
        public string? Tenant { get; set; }

        public string? ClientId { get; set; }

        public SecretReference? ClientSecret { get; set; }

        public string Scope { get; set; } = "all";

        /// <summary>SQL Server connection string with any password removed.</summary>
        public string? ConnectionString { get; set; }

        /// <summary>The SQL login's password, when the connection string needs one.</summary>
        public SecretReference? Password { get; set; }

        /// <summary>SQLite database file (the embedded target lives in the data folder).</summary>
        public string? DatabasePath { get; set; }

        public string LinkField { get; set; } = DefaultLinkField;

        /// <summary>Hosted Halo's request budget: the default of <see cref="RequestsPer5Minutes"/>.</summary>
        public const int DefaultRequestsPer5Minutes = 300;

        /// <summary>
        /// The most Halo API requests the module's runs on this machine send in any rolling 5 minutes (hosted Halo
        /// allows 300 per tenant, shared with every other integration); 0 turns the module's own pacing off.
        /// </summary>
        public int RequestsPer5Minutes { get; set; } = DefaultRequestsPer5Minutes;

        /// <summary>Default of <see cref="Timeout"/>.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        /// <summary>Time allowed for one Halo API request (halo.timeoutSeconds; Enable-GcModule -HaloTimeout).</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;
    }
}
