// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Errors
{
    /// <summary>
    /// Every ErrorId the module raises, engine and shell, in one place. The value of each id is its own name, so a
    /// script matching <c>FullyQualifiedErrorId</c> and a reader of this file see the same word. Each id has exactly
    /// one <see cref="ErrorKind"/> (<see cref="KindOf"/>), so PowerShell reports it under one category. README.md,
    /// "Errors", lists every id; ErrorIdCatalogueTests checks that the source, this file and the README agree.
    /// </summary>
    public static class ErrorIds
    {
        /// <summary>No GoCardless access token was given (Enable-GcModule -AccessToken, or the settings).</summary>
        public const string AccessTokenRequired = nameof(AccessTokenRequired);

        /// <summary>New-GcPayment: GoCardless refused to create an invoice's payment (nothing was charged; the reason says why).</summary>
        public const string CollectionRefused = nameof(CollectionRefused);

        /// <summary>New-GcPayment: GoCardless's answer to a payment create did not arrive; the next run completes it with the same Idempotency-Key.</summary>
        public const string CollectionOutcomeUnknown = nameof(CollectionOutcomeUnknown);

        /// <summary>New-GcPayment -CancelChanged: GoCardless can no longer cancel the payment of an invoice changed in Halo (already submitted to the banks).</summary>
        public const string CollectionCancelRefused = nameof(CollectionCancelRefused);

        /// <summary>Invoice collection: the run would charge more than its configured total; nothing was charged.</summary>
        public const string CollectionRunTotalExceeded = nameof(CollectionRunTotalExceeded);

        /// <summary>The settings file cannot be read as settings (line and column in the message).</summary>
        public const string ConfigFileInvalid = nameof(ConfigFileInvalid);

        /// <summary>The settings file could not be read (file-system permission or I/O problem).</summary>
        public const string ConfigFileUnreadable = nameof(ConfigFileUnreadable);

        /// <summary>The settings file could not be written (file-system permission or I/O problem).</summary>
        public const string ConfigFileWriteFailed = nameof(ConfigFileWriteFailed);

        /// <summary>A SQL Server connection string (-ConnectionString, -LedgerConnectionString) is not Key=Value;... or cannot be parsed.</summary>
        public const string ConnectionStringInvalid = nameof(ConnectionStringInvalid);

        /// <summary>A GoCardless dashboard address in the settings is not a usable https URL.</summary>
        public const string DashboardUrlInvalid = nameof(DashboardUrlInvalid);

        /// <summary>The Default Site setting names several active Halo sites.</summary>
        public const string DefaultSiteAmbiguous = nameof(DefaultSiteAmbiguous);

        /// <summary>The Default Site setting names no active Halo site.</summary>
        public const string DefaultSiteNotFound = nameof(DefaultSiteNotFound);

        /// <summary>A customer needs the Default Site and none is set.</summary>
        public const string DefaultSiteNotSet = nameof(DefaultSiteNotSet);

        /// <summary>A field mapping conflicts with another mapping or with the link field.</summary>
        public const string FieldMappingConflict = nameof(FieldMappingConflict);

        /// <summary>A field mapping names a GoCardless field or Halo field that cannot be mapped.</summary>
        public const string FieldMappingInvalid = nameof(FieldMappingInvalid);

        /// <summary>A field mapping names a Halo field that cannot take GoCardless values.</summary>
        public const string FieldMappingInvalidInHalo = nameof(FieldMappingInvalidInHalo);

        /// <summary>Remove-GcFieldMapping: no mapping exists for that GoCardless field.</summary>
        public const string FieldMappingNotFound = nameof(FieldMappingNotFound);

        /// <summary>401 on any call.</summary>
        public const string GoCardlessAuthenticationFailed = nameof(GoCardlessAuthenticationFailed);

        /// <summary>409: conflict, such as an idempotency key used for another resource.</summary>
        public const string GoCardlessConflict = nameof(GoCardlessConflict);

        /// <summary>GoCardless could not be reached (DNS, TCP, TLS) after every retry.</summary>
        public const string GoCardlessConnectionFailed = nameof(GoCardlessConnectionFailed);


        /// <summary>An option is out of range (timeout, retries, page size, ids).</summary>
        public const string GoCardlessInvalidArgument = nameof(GoCardlessInvalidArgument);

        /// <summary>422: validation failed or the resource's state forbids the action.</summary>
        public const string GoCardlessInvalidData = nameof(GoCardlessInvalidData);

        /// <summary>400: the request was malformed (bad filter, limit, header).</summary>
        public const string GoCardlessInvalidRequest = nameof(GoCardlessInvalidRequest);

        /// <summary>A success answer whose body is not the expected JSON.</summary>
        public const string GoCardlessInvalidResponse = nameof(GoCardlessInvalidResponse);

        /// <summary>404: no such resource (or path).</summary>
        public const string GoCardlessNotFound = nameof(GoCardlessNotFound);

        /// <summary>403 on any call.</summary>
        public const string GoCardlessPermissionDenied = nameof(GoCardlessPermissionDenied);

        /// <summary>429 after every retry was used.</summary>
        public const string GoCardlessRateLimited = nameof(GoCardlessRateLimited);

        /// <summary>Another 4xx answer.</summary>
        public const string GoCardlessRequestFailed = nameof(GoCardlessRequestFailed);

        /// <summary>5xx after every retry was used.</summary>
        public const string GoCardlessServerError = nameof(GoCardlessServerError);

        /// <summary>No answer within the timeout after every retry.</summary>
        public const string GoCardlessTimeout = nameof(GoCardlessTimeout);

        /// <summary>Token check: GoCardless answered 403.</summary>
        public const string GoCardlessTokenForbidden = nameof(GoCardlessTokenForbidden);

        /// <summary>Token check: GoCardless answered 401.</summary>
        public const string GoCardlessTokenInvalid = nameof(GoCardlessTokenInvalid);

        /// <summary>Token check: the token is visibly for the other environment (live_… vs sandbox_…).</summary>
        public const string GoCardlessTokenWrongEnvironment = nameof(GoCardlessTokenWrongEnvironment);

        /// <summary>Halo refused the client credentials, or a fresh token was refused.</summary>
        public const string HaloAuthenticationFailed = nameof(HaloAuthenticationFailed);

        /// <summary>Halo could not be reached (DNS, refused connection, TLS, reset).</summary>
        public const string HaloConnectionFailed = nameof(HaloConnectionFailed);

        /// <summary>The embedded SQLite target has no database path.</summary>
        public const string HaloDatabasePathRequired = nameof(HaloDatabasePathRequired);

        /// <summary>A custom field of that name already exists on the User entity.</summary>
        public const string HaloFieldAlreadyExists = nameof(HaloFieldAlreadyExists);

        /// <summary>A custom field name Halo would refuse (letters, digits, underscores, at most 64).</summary>
        public const string HaloFieldNameInvalid = nameof(HaloFieldNameInvalid);

        /// <summary>A write names a user custom field that does not exist in Halo.</summary>
        public const string HaloFieldNotFound = nameof(HaloFieldNotFound);

        /// <summary>The field exists in Halo but is not a Text field of users.</summary>
        public const string HaloFieldNotUserText = nameof(HaloFieldNotUserText);

        /// <summary>A migration of the module's own tables failed; nothing of it was applied.</summary>
        public const string HaloMigrationFailed = nameof(HaloMigrationFailed);

        /// <summary>Test-GcModule: Halo's own GoCardless integrator is switched on too, so both would write the same users.</summary>
        public const string HaloNativeIntegrationEnabled = nameof(HaloNativeIntegrationEnabled);

        /// <summary>404: the record (or the URL) does not exist.</summary>
        public const string HaloNotFound = nameof(HaloNotFound);

        /// <summary>The options are incomplete or unsafe (e.g. plain http to a remote host).</summary>
        public const string HaloOptionsInvalid = nameof(HaloOptionsInvalid);

        /// <summary>403: the application or its agent lacks a permission.</summary>
        public const string HaloPermissionDenied = nameof(HaloPermissionDenied);

        /// <summary>429 still answered after every retry.</summary>
        public const string HaloRateLimited = nameof(HaloRateLimited);

        /// <summary>Any other error answer (5xx, other 4xx).</summary>
        public const string HaloRequestFailed = nameof(HaloRequestFailed);

        /// <summary>400: Halo refused the values sent.</summary>
        public const string HaloRequestInvalid = nameof(HaloRequestInvalid);

        /// <summary>Halo answered with something that is not the JSON expected.</summary>
        public const string HaloResponseInvalid = nameof(HaloResponseInvalid);

        /// <summary>Halo tables or columns the module needs are not in the database.</summary>
        public const string HaloSchemaMissing = nameof(HaloSchemaMissing);

        /// <summary>A column the module cannot write safely (a NOT NULL column of a type it cannot fill, an unexpected IDENTITY).</summary>
        public const string HaloSchemaUnsupported = nameof(HaloSchemaUnsupported);

        /// <summary>A write names a Halo site id that does not exist.</summary>
        public const string HaloSiteNotFound = nameof(HaloSiteNotFound);

        /// <summary>A statement failed; the batch it belonged to was rolled back.</summary>
        public const string HaloSqlCommandFailed = nameof(HaloSqlCommandFailed);

        /// <summary>The SQL Server (or SQLite) connection could not be opened.</summary>
        public const string HaloSqlConnectionFailed = nameof(HaloSqlConnectionFailed);

        /// <summary>SQL Server chose this statement as a deadlock victim; nothing of the batch was written and a retry is safe.</summary>
        public const string HaloSqlDeadlock = nameof(HaloSqlDeadlock);

        /// <summary>SQL Server rejected the login.</summary>
        public const string HaloSqlLoginFailed = nameof(HaloSqlLoginFailed);

        /// <summary>The database user lacks a permission the statement needs.</summary>
        public const string HaloSqlPermissionDenied = nameof(HaloSqlPermissionDenied);

        /// <summary>A statement or lock wait ran out of time.</summary>
        public const string HaloSqlTimeout = nameof(HaloSqlTimeout);

        /// <summary>The embedded SQLite database file does not exist.</summary>
        public const string HaloSqliteFileNotFound = nameof(HaloSqliteFileNotFound);

        /// <summary>The native SQLite library could not be loaded (Windows PowerShell only).</summary>
        public const string HaloSqliteNativeLibraryMissing = nameof(HaloSqliteNativeLibraryMissing);

        /// <summary>No Halo target is configured: run Enable-GcModule.</summary>
        public const string HaloTargetNotConfigured = nameof(HaloTargetNotConfigured);

        /// <summary>The target was used before OpenAsync.</summary>
        public const string HaloTargetNotOpen = nameof(HaloTargetNotOpen);

        /// <summary>Halo did not answer within the configured timeout.</summary>
        public const string HaloTimeout = nameof(HaloTimeout);

        /// <summary>A placement override names neither or both of its subjects (customer id, company name) or destinations (Halo customer, site).</summary>
        public const string PlacementOverrideInvalid = nameof(PlacementOverrideInvalid);

        /// <summary>Remove-GcPlacementOverride named an override that does not exist.</summary>
        public const string PlacementOverrideNotFound = nameof(PlacementOverrideNotFound);

        /// <summary>Set-GcFieldOwnership: the field is empty or the link field.</summary>
        public const string FieldOwnershipInvalid = nameof(FieldOwnershipInvalid);

        /// <summary>Set-GcUserLink: the customer is already linked to another Halo user.</summary>
        public const string UserLinkConflict = nameof(UserLinkConflict);

        /// <summary>An update names a Halo user id that does not exist.</summary>
        public const string HaloUserNotFound = nameof(HaloUserNotFound);

        /// <summary>No Halo user is linked to the GoCardless customer (Get-GcUser -CustomerId, Get-GcPayment -Live -HaloUserId).</summary>
        public const string HaloUserNotLinked = nameof(HaloUserNotLinked);

        /// <summary>A user write lacks what Halo needs (a site and a name for a new user).</summary>
        public const string HaloUserWriteInvalid = nameof(HaloUserWriteInvalid);

        /// <summary>A value is longer than its Halo column allows.</summary>
        public const string HaloValueTooLong = nameof(HaloValueTooLong);

        /// <summary>A health check failed in a way it did not foresee; the check reports it and the others still run.</summary>
        public const string HealthCheckError = nameof(HealthCheckError);

        /// <summary>An address that is not https (plain http:// only to this machine), from a parameter or the settings file (GoCardless base URI, Halo URL).</summary>
        public const string InsecureAddress = nameof(InsecureAddress);

        /// <summary>-LedgerConnectionString with a SQL target, whose ledger lives in the Halo database.</summary>
        public const string LedgerNeedsApiTarget = nameof(LedgerNeedsApiTarget);

        /// <summary>The link field is missing or not a Text field of users.</summary>
        public const string LinkFieldInvalid = nameof(LinkFieldInvalid);

        /// <summary>Test-GcModule: the module's migrations are not applied (Enable-GcModule applies them).</summary>
        public const string MigrationsPending = nameof(MigrationsPending);

        /// <summary>A sync cmdlet ran while the integration is disabled or not set up.</summary>
        public const string ModuleDisabled = nameof(ModuleDisabled);

        /// <summary>Nothing to disable: there is no settings file.</summary>
        public const string ModuleNotConfigured = nameof(ModuleNotConfigured);

        /// <summary>Two parameters that cannot go together were given.</summary>
        public const string ParameterConflict = nameof(ParameterConflict);

        /// <summary>A cmdlet needs a parameter that was not given.</summary>
        public const string ParameterMissing = nameof(ParameterMissing);

        /// <summary>An HTTP timeout (Enable-GcModule -GoCardlessTimeout, -HaloTimeout) is not between 1 second and 1 hour.</summary>
        public const string TimeoutOutOfRange = nameof(TimeoutOutOfRange);

        /// <summary>The database lacks the ledger tables (or a newer migration of them): run Enable-GcModule.</summary>
        public const string PaymentLedgerNotMigrated = nameof(PaymentLedgerNotMigrated);

        /// <summary>A live query (straight from GoCardless) was asked for without a GoCardless customer id.</summary>
        public const string PaymentLiveQueryNeedsCustomer = nameof(PaymentLiveQueryNeedsCustomer);

        /// <summary>A sync or query option is out of range (overlap window, page size, batch size, link field).</summary>
        public const string PaymentSyncOptionsInvalid = nameof(PaymentSyncOptionsInvalid);

        /// <summary>-SampleData only fills a database Enable-GcModule creates.</summary>
        public const string SampleDataNeedsNewDatabase = nameof(SampleDataNeedsNewDatabase);

        /// <summary>No way to keep the secret on this machine (no DPAPI, no SecretManagement vault).</summary>
        public const string SecretCannotBePersisted = nameof(SecretCannotBePersisted);

        /// <summary>A secret: reference needs the Microsoft.PowerShell.SecretManagement module.</summary>
        public const string SecretManagementUnavailable = nameof(SecretManagementUnavailable);

        /// <summary>A secret reference names a secret or variable that does not exist.</summary>
        public const string SecretNotFound = nameof(SecretNotFound);

        /// <summary>A secret reference in the settings is not env:, secret: or dpapi:.</summary>
        public const string SecretReferenceInvalid = nameof(SecretReferenceInvalid);

        /// <summary>A DPAPI-protected secret cannot be read by this account or on this platform.</summary>
        public const string SecretUnprotectFailed = nameof(SecretUnprotectFailed);

        /// <summary>Test-GcModule: the last import or payment sync failed.</summary>
        public const string SyncFailed = nameof(SyncFailed);

        /// <summary>Another sync run on the same configuration did not finish in time.</summary>
        public const string SyncLockTimeout = nameof(SyncLockTimeout);

        /// <summary>Test-GcModule: the import or payment sync has never run (or never succeeded).</summary>
        public const string SyncNeverRun = nameof(SyncNeverRun);

        /// <summary>Test-GcModule: a sync run holds the run lock right now.</summary>
        public const string SyncRunning = nameof(SyncRunning);

        /// <summary>Test-GcModule: the last successful import or payment sync is too old.</summary>
        public const string SyncStale = nameof(SyncStale);

        /// <summary>An exception the engine did not foresee; the run is recorded as failed.</summary>
        public const string UnexpectedError = nameof(UnexpectedError);

        /// <summary>A wildcard parameter (Get-GcUser -Client '[') is not a valid pattern.</summary>
        public const string WildcardPatternInvalid = nameof(WildcardPatternInvalid);

        /// <summary>Invoice collection: the configured Halo target cannot read invoices.</summary>
        public const string HaloInvoicesNotSupported = nameof(HaloInvoicesNotSupported);

        /// <summary>Sync-GcPayment with collection.failureTicketTypeId: the configured Halo target cannot create tickets.</summary>
        public const string HaloTicketsNotSupported = nameof(HaloTicketsNotSupported);

        /// <summary>Halo's answers to a user write kept leaving unknown what it saved, after reading back and retrying; rerun Import-GcUser.</summary>
        public const string HaloWriteOutcomeUnknown = nameof(HaloWriteOutcomeUnknown);

        /// <summary>A duration or count parameter is out of range (a negative -LockTimeout, -WarningAge or -FailureAge).</summary>
        public const string ParameterOutOfRange = nameof(ParameterOutOfRange);

        /// <summary>Get-GcPayment -Status names a payment status GoCardless does not have (the message lists those that exist).</summary>
        public const string PaymentStatusInvalid = nameof(PaymentStatusInvalid);

        /// <summary>Test-GcModule: the last import found GoCardless ids held by more than one Halo user (listed).</summary>
        public const string DuplicateLinks = nameof(DuplicateLinks);

        /// <summary>Test-GcModule: the last payment sync found mandates newly failed, cancelled, expired, blocked or suspended.</summary>
        public const string MandateFailed = nameof(MandateFailed);

        /// <summary>Test-GcModule: the last import or payment sync started and never finished (killed or stopped); rerun it.</summary>
        public const string SyncNeverFinished = nameof(SyncNeverFinished);

        /// <summary>Test-GcModule: the last run against this Halo on this machine used another configuration (only one should sync one Halo).</summary>
        public const string SyncOtherConfiguration = nameof(SyncOtherConfiguration);

        /// <summary>Import-GcUser, Sync-GcPayment and Test-GcModule (API target): the last runs recorded in the sync state started on another machine (only one machine should sync one Halo through the API).</summary>
        public const string SyncOtherMachine = nameof(SyncOtherMachine);

        private static readonly Dictionary<string, ErrorKind> Kinds = new Dictionary<string, ErrorKind>
        {
            [AccessTokenRequired] = ErrorKind.InvalidArgument,
            [ParameterOutOfRange] = ErrorKind.InvalidArgument,
            [PaymentStatusInvalid] = ErrorKind.InvalidArgument,
            [DuplicateLinks] = ErrorKind.InvalidOperation,
            [MandateFailed] = ErrorKind.InvalidOperation,
            [SyncNeverFinished] = ErrorKind.InvalidOperation,
            [SyncOtherConfiguration] = ErrorKind.InvalidOperation,
            [SyncOtherMachine] = ErrorKind.InvalidOperation,
            [CollectionRunTotalExceeded] = ErrorKind.InvalidOperation,
            [CollectionRefused] = ErrorKind.InvalidOperation,
            [CollectionOutcomeUnknown] = ErrorKind.Remote,
            [CollectionCancelRefused] = ErrorKind.InvalidOperation,
            [HaloInvoicesNotSupported] = ErrorKind.NotSupported,
            [HaloTicketsNotSupported] = ErrorKind.NotSupported,
            [ConfigFileInvalid] = ErrorKind.InvalidData,
            [ConfigFileUnreadable] = ErrorKind.PermissionDenied,
            [ConfigFileWriteFailed] = ErrorKind.PermissionDenied,
            [ConnectionStringInvalid] = ErrorKind.InvalidArgument,
            [DashboardUrlInvalid] = ErrorKind.InvalidArgument,
            [DefaultSiteAmbiguous] = ErrorKind.Ambiguous,
            [DefaultSiteNotFound] = ErrorKind.NotFound,
            [DefaultSiteNotSet] = ErrorKind.InvalidOperation,
            [FieldMappingConflict] = ErrorKind.Conflict,
            [FieldMappingInvalid] = ErrorKind.InvalidArgument,
            [FieldMappingInvalidInHalo] = ErrorKind.InvalidData,
            [FieldMappingNotFound] = ErrorKind.NotFound,
            [GoCardlessAuthenticationFailed] = ErrorKind.AuthenticationFailed,
            [GoCardlessConflict] = ErrorKind.Conflict,
            [GoCardlessConnectionFailed] = ErrorKind.ConnectionFailed,
            [GoCardlessInvalidArgument] = ErrorKind.InvalidArgument,
            [GoCardlessInvalidData] = ErrorKind.InvalidData,
            [GoCardlessInvalidRequest] = ErrorKind.InvalidArgument,
            [GoCardlessInvalidResponse] = ErrorKind.Remote,
            [GoCardlessNotFound] = ErrorKind.NotFound,
            [GoCardlessPermissionDenied] = ErrorKind.PermissionDenied,
            [GoCardlessRateLimited] = ErrorKind.RateLimited,
            [GoCardlessRequestFailed] = ErrorKind.InvalidOperation,
            [GoCardlessServerError] = ErrorKind.Remote,
            [GoCardlessTimeout] = ErrorKind.Timeout,
            [GoCardlessTokenForbidden] = ErrorKind.PermissionDenied,
            [GoCardlessTokenInvalid] = ErrorKind.AuthenticationFailed,
            [GoCardlessTokenWrongEnvironment] = ErrorKind.AuthenticationFailed,
            [HaloAuthenticationFailed] = ErrorKind.AuthenticationFailed,
            [HaloConnectionFailed] = ErrorKind.ConnectionFailed,
            [HaloDatabasePathRequired] = ErrorKind.InvalidOperation,
            [HaloFieldAlreadyExists] = ErrorKind.Conflict,
            [HaloFieldNameInvalid] = ErrorKind.InvalidArgument,
            [HaloFieldNotFound] = ErrorKind.NotFound,
            [HaloFieldNotUserText] = ErrorKind.InvalidData,
            [HaloMigrationFailed] = ErrorKind.Remote,
            [HaloNativeIntegrationEnabled] = ErrorKind.Conflict,
            [HaloNotFound] = ErrorKind.NotFound,
            [HaloOptionsInvalid] = ErrorKind.InvalidArgument,
            [HaloPermissionDenied] = ErrorKind.PermissionDenied,
            [HaloRateLimited] = ErrorKind.RateLimited,
            [HaloRequestFailed] = ErrorKind.Remote,
            [HaloRequestInvalid] = ErrorKind.InvalidArgument,
            [HaloResponseInvalid] = ErrorKind.InvalidData,
            [HaloSchemaMissing] = ErrorKind.NotFound,
            [HaloSchemaUnsupported] = ErrorKind.NotSupported,
            [HaloSiteNotFound] = ErrorKind.NotFound,
            [HaloSqlCommandFailed] = ErrorKind.Remote,
            [HaloSqlConnectionFailed] = ErrorKind.ConnectionFailed,
            [HaloSqlDeadlock] = ErrorKind.Conflict,
            [HaloSqlLoginFailed] = ErrorKind.AuthenticationFailed,
            [HaloSqlPermissionDenied] = ErrorKind.PermissionDenied,
            [HaloSqlTimeout] = ErrorKind.Timeout,
            [HaloSqliteFileNotFound] = ErrorKind.NotFound,
            [HaloSqliteNativeLibraryMissing] = ErrorKind.InvalidOperation,
            [HaloTargetNotConfigured] = ErrorKind.InvalidOperation,
            [HaloTargetNotOpen] = ErrorKind.InvalidOperation,
            [HaloTimeout] = ErrorKind.Timeout,
            [HaloUserNotFound] = ErrorKind.NotFound,
            [PlacementOverrideInvalid] = ErrorKind.InvalidArgument,
            [PlacementOverrideNotFound] = ErrorKind.NotFound,
            [FieldOwnershipInvalid] = ErrorKind.InvalidArgument,
            [UserLinkConflict] = ErrorKind.Conflict,
            [HaloUserNotLinked] = ErrorKind.NotFound,
            [HaloUserWriteInvalid] = ErrorKind.InvalidArgument,
            [HaloValueTooLong] = ErrorKind.InvalidArgument,
            [HealthCheckError] = ErrorKind.InvalidOperation,
            [InsecureAddress] = ErrorKind.InvalidArgument,
            [LedgerNeedsApiTarget] = ErrorKind.InvalidArgument,
            [LinkFieldInvalid] = ErrorKind.InvalidData,
            [MigrationsPending] = ErrorKind.NotEnabled,
            [ModuleDisabled] = ErrorKind.NotEnabled,
            [ModuleNotConfigured] = ErrorKind.NotFound,
            [ParameterConflict] = ErrorKind.InvalidArgument,
            [ParameterMissing] = ErrorKind.InvalidArgument,
            [TimeoutOutOfRange] = ErrorKind.InvalidArgument,
            [PaymentLedgerNotMigrated] = ErrorKind.NotEnabled,
            [PaymentLiveQueryNeedsCustomer] = ErrorKind.InvalidArgument,
            [PaymentSyncOptionsInvalid] = ErrorKind.InvalidArgument,
            [SampleDataNeedsNewDatabase] = ErrorKind.InvalidArgument,
            [SecretCannotBePersisted] = ErrorKind.NotSupported,
            [SecretManagementUnavailable] = ErrorKind.NotFound,
            [SecretNotFound] = ErrorKind.NotFound,
            [SecretReferenceInvalid] = ErrorKind.InvalidArgument,
            [SecretUnprotectFailed] = ErrorKind.PermissionDenied,
            [SyncFailed] = ErrorKind.InvalidOperation,
            [SyncLockTimeout] = ErrorKind.Timeout,
            [SyncNeverRun] = ErrorKind.InvalidOperation,
            [SyncRunning] = ErrorKind.InvalidOperation,
            [SyncStale] = ErrorKind.InvalidOperation,
            [UnexpectedError] = ErrorKind.InvalidOperation,
            [WildcardPatternInvalid] = ErrorKind.InvalidArgument,
            [HaloWriteOutcomeUnknown] = ErrorKind.Remote,
        };

        /// <summary>Every id in the catalogue.</summary>
        public static IEnumerable<string> All => Kinds.Keys;

        /// <summary>The one kind of failure <paramref name="errorId"/> stands for; null for an id not in the catalogue.</summary>
        public static ErrorKind? KindOf(string errorId) => Kinds.TryGetValue(errorId, out var kind) ? kind : (ErrorKind?)null;
    }
}
