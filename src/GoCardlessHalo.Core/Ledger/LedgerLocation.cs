// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>Where the payment ledger (the module's gch_ tables) lives.</summary>
    public enum LedgerPlace
    {
        /// <summary>In the Halo database itself, beside Halo's tables (SQL Server and SQLite targets).</summary>
        HaloDatabase,

        /// <summary>In the module-owned SQLite file beside the settings (API target without a ledger database).</summary>
        FileBesideSettings,

        /// <summary>In the SQL Server database of <c>ledger.connectionString</c> (API target, Enable-GcModule -LedgerConnectionString).</summary>
        LedgerDatabase,
    }

    /// <summary>
    /// The one rule for where the payment ledger lives, resolved once from the settings; opening the ledger, the
    /// health check of the module's tables, Enable-GcModule's migrations and the messages all ask this.
    /// </summary>
    /// <remarks>
    /// SQL targets keep the ledger in the Halo database (one transaction covers Halo's rows and the ledger's). The
    /// API target has no database of Halo's, so the ledger goes to the SQL Server database the admin named, or else
    /// to a SQLite file the module owns beside the settings. A ledger connection string with a SQL target is ignored
    /// (Enable-GcModule clears it and warns: <c>ModuleConfigurator.ApplyLedger</c>).
    /// </remarks>
    public sealed class LedgerLocation
    {
        private LedgerLocation(LedgerPlace place, string? filePath, LedgerSettings? database)
        {
            Place = place;
            FilePath = filePath;
            Database = database;
        }

        /// <summary>Where the ledger lives.</summary>
        public LedgerPlace Place { get; }

        /// <summary>The ledger file, for <see cref="LedgerPlace.FileBesideSettings"/>; null otherwise.</summary>
        public string? FilePath { get; }

        /// <summary>The ledger database's connection string and password reference (unresolved), for <see cref="LedgerPlace.LedgerDatabase"/>; null otherwise.</summary>
        public LedgerSettings? Database { get; }

        /// <summary>Where the ledger of <paramref name="settings"/> (read from <paramref name="location"/>) lives.</summary>
        public static LedgerLocation Resolve(ModuleSettings settings, ConfigLocation location)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.Halo.Target is HaloTargetKind.SqlServer or HaloTargetKind.Sqlite)
            {
                return new LedgerLocation(LedgerPlace.HaloDatabase, null, null);
            }

            return settings.Ledger.ConnectionString is null
                ? new LedgerLocation(LedgerPlace.FileBesideSettings, FileBeside(location), null)
                : new LedgerLocation(LedgerPlace.LedgerDatabase, null, settings.Ledger);
        }

        /// <summary>The module-owned ledger file beside the settings at <paramref name="location"/>.</summary>
        public static string FileBeside(ConfigLocation location) =>
            (location ?? throw new ArgumentNullException(nameof(location))).Beside(PaymentLedger.EmbeddedFileName);

        /// <summary>Where the ledger is, for messages (server and database only; never a secret).</summary>
        public string Describe() => Place switch
        {
            LedgerPlace.HaloDatabase => "the module's tables in the Halo database",
            LedgerPlace.LedgerDatabase => "the module's tables in " + SqlConnectionStrings.Describe(Database!.ConnectionString!),
            _ => "the payment ledger beside the settings",
        };
    }
}
