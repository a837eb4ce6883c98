// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>The errors the Halo SQL target raises about Halo's data (ids in <see cref="ErrorIds"/>).</summary>
    public static class HaloSqlErrors
    {
        internal static GcHaloException NotOpened(string location) => new GcHaloException(
            ErrorIds.HaloTargetNotOpen,
            ErrorKind.InvalidOperation,
            "The Halo SQL target at " + location + " has not been opened. Call OpenAsync before reading or writing.",
            location);

        internal static GcHaloException MissingSchema(string location, IReadOnlyList<string> missing) => new GcHaloException(
            ErrorIds.HaloSchemaMissing,
            ErrorKind.NotFound,
            "The database at " + location + " does not look like a Halo database: missing " + string.Join(", ", missing)
            + ". Point the connection at the Halo database (the one holding AREA, SITE, USERS, FIELDINFO and FieldData),"
            + " or use the embedded SQLite target.",
            location);

        internal static GcHaloException UnsupportedColumns(string location, IReadOnlyList<string> columns) => new GcHaloException(
            ErrorIds.HaloSchemaUnsupported,
            ErrorKind.NotSupported,
            "The Halo database at " + location + " has columns the module cannot write safely: " + string.Join(", ", columns)
            + ". Give NOT NULL columns a default value, or use the Halo REST API target.",
            location);

        internal static GcHaloException UserMissing(int userId) => new GcHaloException(
            ErrorIds.HaloUserNotFound,
            ErrorKind.NotFound,
            "Halo user " + userId + " does not exist (it may have been deleted). No user of this batch was written; re-read the users and retry.",
            userId);

        internal static GcHaloException SitesMissing(IReadOnlyCollection<int> siteIds) => new GcHaloException(
            ErrorIds.HaloSiteNotFound,
            ErrorKind.NotFound,
            "Halo site(s) " + string.Join(", ", siteIds) + " do not exist. No user of this batch was written; check the Default Site setting and the site ids.",
            string.Join(",", siteIds));

        internal static GcHaloException FieldsMissing(IReadOnlyCollection<string> names) => new GcHaloException(
            ErrorIds.HaloFieldNotFound,
            ErrorKind.NotFound,
            "Halo has no User custom field named " + string.Join(", ", names)
            + ". Create the field (Text, entity User) in Halo, or fix the field mapping. No user of this batch was written.",
            string.Join(",", names));

        internal static GcHaloException InvalidUserWrite(int index, string problem) => new GcHaloException(
            ErrorIds.HaloUserWriteInvalid,
            ErrorKind.InvalidArgument,
            "User #" + index + " of the batch cannot be written: " + problem + ". No user of this batch was written.",
            index);
    }
}
