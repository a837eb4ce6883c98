// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Health
{
    /// <summary>The stable names of the health checks (<see cref="HealthCheck.Name"/>), in the order they run.</summary>
    public static class HealthCheckNames
    {
        /// <summary>The settings file loads, the integration is enabled, a target is configured, secrets resolve.</summary>
        public const string Configuration = "Configuration";

        /// <summary>GoCardless accepts the access token in the configured environment.</summary>
        public const string GoCardlessToken = "GoCardlessToken";

        /// <summary>Halo answers: API credentials give a token; SQL connects and has Halo's tables.</summary>
        public const string HaloConnection = "HaloConnection";

        /// <summary>The credentials may read what the sync reads (customers, sites, users, custom fields).</summary>
        public const string HaloPermissions = "HaloPermissions";

        /// <summary>The link field exists and is a Text field of the User entity.</summary>
        public const string LinkField = "LinkField";

        /// <summary>Every field mapping names a Text field of the User entity.</summary>
        public const string FieldMappings = "FieldMappings";

        /// <summary>The Default Site names exactly one active site.</summary>
        public const string DefaultSite = "DefaultSite";

        /// <summary>The module's own tables (SQL targets) or payment ledger (API target) are migrated.</summary>
        public const string ModuleTables = "ModuleTables";

        /// <summary>How long ago Import-GcUser last succeeded, and whether its last attempt failed.</summary>
        public const string LastImport = "LastImport";

        /// <summary>How long ago Sync-GcPayment last succeeded, and whether its last attempt failed.</summary>
        public const string LastPaymentSync = "LastPaymentSync";

        /// <summary>The last runs recorded in the sync state started on this machine (through the API no lock sees another machine).</summary>
        public const string SyncMachine = "SyncMachine";

        /// <summary>Halo's own GoCardless integration is not syncing the same users at the same time.</summary>
        public const string HaloNativeIntegration = "HaloNativeIntegration";

        /// <summary>Every check, in the order <see cref="ModuleHealth.RunAsync"/> yields them.</summary>
        public static IReadOnlyList<string> All { get; } = new[]
        {
            Configuration, GoCardlessToken, HaloConnection, HaloPermissions, LinkField, FieldMappings, DefaultSite,
            ModuleTables, LastImport, LastPaymentSync, SyncMachine, HaloNativeIntegration,
        };
    }
}
