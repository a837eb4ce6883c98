// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sql;
namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Every statement the target sends to Halo's tables. Joins follow Halo's own reports:
    /// USERS.Usite = SITE.Ssitenum and SITE.Sarea = AREA.Aarea.
    /// </summary>
    internal static class HaloSqlTemplates
    {
        public static readonly SqlTemplate SelectClients = new SqlTemplate(
            nameof(SelectClients),
            "SELECT a.{AREA.Aarea}, a.{AREA.aareadesc}, a.{AREA.AIsInactive} FROM {AREA} a ORDER BY a.{AREA.Aarea}");

        public static readonly SqlTemplate SelectSites = new SqlTemplate(
            nameof(SelectSites),
            "SELECT s.{SITE.Ssitenum}, s.{SITE.sdesc}, s.{SITE.Sarea}, a.{AREA.aareadesc}, s.{SITE.SIsInvoiceSite}, s.{SITE.SIsInactive}"
            + " FROM {SITE} s LEFT JOIN {AREA} a ON a.{AREA.Aarea} = s.{SITE.Sarea} ORDER BY s.{SITE.Ssitenum}");

        /// <summary>{=newStorage} is <c>f.[finewstoragemethod]</c>, or <c>0</c> on Halo versions without that column.</summary>
        public static readonly SqlTemplate SelectUserFields = new SqlTemplate(
            nameof(SelectUserFields),
            "SELECT f.{FIELDINFO.FIid}, f.{FIELDINFO.FIName}, f.{FIELDINFO.FILabel}, f.{FIELDINFO.FIType}, f.{FIELDINFO.FIusage},"
            + " f.{FIELDINFO.fiStoreInFieldData}, {=newStorage} FROM {FIELDINFO} f WHERE f.{FIELDINFO.FIusage} = @usage ORDER BY f.{FIELDINFO.FIid}");

        /// <summary>All users matching the filters; {=legacyColumns} adds the USERS.CF* columns of legacy fields.</summary>
        public static readonly SqlTemplate SelectUsers = new SqlTemplate(
            nameof(SelectUsers),
            UsersSelect + UsersOrder);

        /// <summary>Users whose link field (stored in FieldData) has a value, or the value @linkValue when not null.</summary>
        public static readonly SqlTemplate SelectUsersLinkedInFieldData = new SqlTemplate(
            nameof(SelectUsersLinkedInFieldData),
            UsersSelect
            + " AND EXISTS (SELECT 1 FROM {FieldData} l WHERE l.{FieldData.fdUsage} = @usage AND l.{FieldData.fdFieldId} = @linkFieldId"
            + " AND l.{FieldData.fdEntityId} = u.{USERS.Uid} AND l.{FieldData.fdValueString} <> ''"
            + " AND (@linkValue IS NULL OR l.{FieldData.fdValueString} = @linkValue))"
            + UsersOrder);

        /// <summary>As <see cref="SelectUsersLinkedInFieldData"/> for a legacy field kept in the column {=linkColumn}.</summary>
        public static readonly SqlTemplate SelectUsersLinkedInColumn = new SqlTemplate(
            nameof(SelectUsersLinkedInColumn),
            UsersSelect
            + " AND u.{=linkColumn} <> '' AND (@linkValue IS NULL OR u.{=linkColumn} = @linkValue)"
            + UsersOrder);

        /// <summary>
        /// The highest id, locking the key range until commit: Halo has no IDENTITY on USERS or FIELDINFO and
        /// allocates ids in the application, so concurrent writers must queue here.
        /// </summary>
        public static readonly SqlTemplate SelectMaxIdLocked = new SqlTemplate(
            nameof(SelectMaxIdLocked),
            "SELECT COALESCE(MAX({=idColumn}), 0) FROM {=table} WITH (UPDLOCK, HOLDLOCK)",
            "SELECT COALESCE(MAX({=idColumn}), 0) FROM {=table}");

        public static readonly SqlTemplate CountById = new SqlTemplate(
            nameof(CountById),
            "SELECT COUNT(*) FROM {=table} WHERE {=idColumn} = @id");

        public static readonly SqlTemplate UpdateFieldData = new SqlTemplate(
            nameof(UpdateFieldData),
            "UPDATE {FieldData} SET {FieldData.fdValueString} = @value, {FieldData.fdDisplay} = @display, {FieldData.fdLastUpdated} = @updated"
            + " WHERE {FieldData.fdUsage} = @usage AND {FieldData.fdFieldId} = @fieldId AND {FieldData.fdEntityId} = @entityId");

        /// <summary>Whether the login may read {=table} at all (the health check), without reading more than a row.</summary>
        public static readonly SqlTemplate SelectFirstRow = new SqlTemplate(
            nameof(SelectFirstRow),
            "SELECT TOP (1) 1 FROM {=table}",
            "SELECT 1 FROM {=table} LIMIT 1");

        /// <summary>
        /// MODULESETUP rows whose name matches @name (Halo's own integrator settings per integration, Control.cs in https://github.com/Angelic-Software/angelic);
        /// {=optionalColumns} adds MSHaloIntegratorLastSync and MSHaloIntegratorLastError where the table has them.
        /// </summary>
        public static readonly SqlTemplate SelectModulesNamed = new SqlTemplate(
            nameof(SelectModulesNamed),
            "SELECT m.{MODULESETUP.MSid}, m.{MODULESETUP.MSName}, m.{MODULESETUP.MSHaloIntegratorEnabled}{=optionalColumns}"
            + " FROM {MODULESETUP} m WHERE m.{MODULESETUP.MSName} LIKE @name ORDER BY m.{MODULESETUP.MSid}");

        /// <summary>Halo's GoCardless settings row (Control4's rgocardless* columns that exist, in {=columns}).</summary>
        public static readonly SqlTemplate SelectGoCardlessControl = new SqlTemplate(
            nameof(SelectGoCardlessControl),
            "SELECT TOP (1) {=columns} FROM {=table}",
            "SELECT {=columns} FROM {=table} LIMIT 1");

        /// <summary>
        /// Halo's integration field mappings of the MODULESETUP rows whose name matches @name (which module is GoCardless's
        /// is the same inference as the health check's: its MSName mentions GoCardless).
        /// </summary>
        public static readonly SqlTemplate SelectGoCardlessFieldMappings = new SqlTemplate(
            nameof(SelectGoCardlessFieldMappings),
            "SELECT {=columns} FROM {=table} WHERE {=moduleColumn} IN (SELECT {=moduleId} FROM {=modules} WHERE {=moduleName} LIKE @name)");

        private const string UsersSelect =
            "SELECT u.{USERS.Uid}, u.{USERS.uusername}, u.{USERS.uFirstName}, u.{USERS.uLastName}, u.{USERS.uemail}, u.{USERS.uextn},"
            + " u.{USERS.Usite}, s.{SITE.sdesc}, s.{SITE.Sarea}, a.{AREA.aareadesc}, u.{USERS.uinactive},"
            + " fd.{FieldData.fdFieldId}, fd.{FieldData.fdValueString}, fd.{FieldData.fdDisplay}{=legacyColumns}"
            + " FROM {USERS} u"
            + " LEFT JOIN {SITE} s ON s.{SITE.Ssitenum} = u.{USERS.Usite}"
            + " LEFT JOIN {AREA} a ON a.{AREA.Aarea} = s.{SITE.Sarea}"
            + " LEFT JOIN {FieldData} fd ON fd.{FieldData.fdUsage} = @usage AND fd.{FieldData.fdEntityId} = u.{USERS.Uid}"
            + " WHERE (@includeInactive = 1 OR u.{USERS.uinactive} = 0)"
            + " AND (@clientId IS NULL OR s.{SITE.Sarea} = @clientId)"
            + " AND (@siteId IS NULL OR u.{USERS.Usite} = @siteId)";

        // Rows of one user are adjacent, so the reader can stream users while folding in their FieldData rows.
        private const string UsersOrder = " ORDER BY u.{USERS.Uid}, fd.{FieldData.fdId}";
    }
}
