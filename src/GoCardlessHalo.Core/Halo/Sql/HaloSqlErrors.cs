// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Stable error ids raised by the Halo SQL target. The ids that describe Halo itself (a user, site or field
    /// that does not exist) carry no "Sql" in their name so the REST API target can raise the same ones.
    /// </summary>
    public static class HaloSqlErrors
    {
        /// <summary>Halo tables or columns the module needs are not in the database.</summary>
        public const string SchemaMissing = "HaloSchemaMissing";

        /// <summary>A column the module cannot write safely (a NOT NULL column of a type it cannot fill, an unexpected IDENTITY).</summary>
        public const string SchemaUnsupported = "HaloSchemaUnsupported";

        /// <summary>The SQL Server (or SQLite) connection could not be opened.</summary>
        public const string ConnectionFailed = "HaloSqlConnectionFailed";

        /// <summary>SQL Server rejected the login.</summary>
        public const string LoginFailed = "HaloSqlLoginFailed";

        /// <summary>The connection string could not be parsed.</summary>
        public const string ConnectionStringInvalid = "HaloSqlConnectionStringInvalid";

        /// <summary>The embedded SQLite database file does not exist.</summary>
        public const string SqliteFileNotFound = "HaloSqliteFileNotFound";

        /// <summary>The native SQLite library could not be loaded (Windows PowerShell only).</summary>
        public const string SqliteNativeLibraryMissing = "HaloSqliteNativeLibraryMissing";

        /// <summary>A statement failed; the batch it belonged to was rolled back.</summary>
        public const string CommandFailed = "HaloSqlCommandFailed";

        /// <summary>The database user lacks a permission the statement needs.</summary>
        public const string PermissionDenied = "HaloSqlPermissionDenied";

        /// <summary>A statement or lock wait ran out of time.</summary>
        public const string Timeout = "HaloSqlTimeout";

        /// <summary>The target was used before <see cref="IHaloTarget.OpenAsync"/>.</summary>
        public const string NotOpen = "HaloTargetNotOpen";

        /// <summary>A migration of the module's own tables failed; nothing of it was applied.</summary>
        public const string MigrationFailed = "HaloMigrationFailed";

        /// <summary>An update names a Halo user id that does not exist.</summary>
        public const string UserNotFound = HaloErrorIds.UserNotFound;

        /// <summary>A write names a Halo site id that does not exist.</summary>
        public const string SiteNotFound = HaloErrorIds.SiteNotFound;

        /// <summary>A write names a custom field that is not defined on the User entity.</summary>
        public const string FieldNotFound = HaloErrorIds.FieldNotFound;

        /// <summary>A custom field of that name already exists on the User entity.</summary>
        public const string FieldAlreadyExists = HaloErrorIds.FieldAlreadyExists;

        /// <summary>A custom field name Halo would not accept (letters, digits and _, at most 64).</summary>
        public const string FieldNameInvalid = HaloErrorIds.FieldNameInvalid;

        /// <summary>A user to write lacks what Halo needs (a site and a name for a new user).</summary>
        public const string UserWriteInvalid = HaloErrorIds.UserWriteInvalid;

        /// <summary>A value is longer than its Halo column allows.</summary>
        public const string ValueTooLong = HaloErrorIds.ValueTooLong;

        internal static GcHaloException NotOpened(string location) => new GcHaloException(
            NotOpen,
            ErrorKind.InvalidOperation,
            "The Halo SQL target at " + location + " has not been opened. Call OpenAsync before reading or writing.",
            location);

        internal static GcHaloException MissingSchema(string location, IReadOnlyList<string> missing) => new GcHaloException(
            SchemaMissing,
            ErrorKind.NotFound,
            "The database at " + location + " does not look like a Halo database: missing " + string.Join(", ", missing)
            + ". Point the connection at the Halo database (the one holding AREA, SITE, USERS, FIELDINFO and FieldData),"
            + " or use the embedded SQLite target.",
            location);

        internal static GcHaloException UnsupportedColumns(string location, IReadOnlyList<string> columns) => new GcHaloException(
            SchemaUnsupported,
            ErrorKind.NotSupported,
            "The Halo database at " + location + " has columns the module cannot write safely: " + string.Join(", ", columns)
            + ". Give NOT NULL columns a default value, or use the Halo REST API target.",
            location);

        internal static GcHaloException ValueLongerThanColumn(string table, string column, int length, int maxLength) => new GcHaloException(
            ValueTooLong,
            ErrorKind.InvalidArgument,
            string.Format(
                "A value for {0}.{1} is {2} characters long; Halo's column holds at most {3}. Shorten the value in GoCardless or the field mapping.",
                table,
                column,
                length,
                maxLength),
            table + "." + column);

        internal static GcHaloException UserMissing(int userId) => new GcHaloException(
            UserNotFound,
            ErrorKind.NotFound,
            "Halo user " + userId + " does not exist (it may have been deleted). No user of this batch was written; re-read the users and retry.",
            userId);

        internal static GcHaloException SitesMissing(IReadOnlyCollection<int> siteIds) => new GcHaloException(
            SiteNotFound,
            ErrorKind.NotFound,
            "Halo site(s) " + string.Join(", ", siteIds) + " do not exist. No user of this batch was written; check the Default Site setting and the site ids.",
            string.Join(",", siteIds));

        internal static GcHaloException FieldsMissing(IReadOnlyCollection<string> names) => new GcHaloException(
            FieldNotFound,
            ErrorKind.NotFound,
            "Halo has no User custom field named " + string.Join(", ", names)
            + ". Create the field (Text, entity User) in Halo, or fix the field mapping. No user of this batch was written.",
            string.Join(",", names));

        internal static GcHaloException InvalidUserWrite(int index, string problem) => new GcHaloException(
            UserWriteInvalid,
            ErrorKind.InvalidArgument,
            "User #" + index + " of the batch cannot be written: " + problem + ". No user of this batch was written.",
            index);
    }
}
