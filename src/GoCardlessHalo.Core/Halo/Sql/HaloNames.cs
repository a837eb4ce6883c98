// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>Halo's table and column names (docs/schema.sql of https://github.com/provisiondata/ProvisionData.HaloPSA.ApiClient), as the module writes them in C#.</summary>
    internal static class HaloNames
    {
        public const string Area = "AREA";
        public const string Site = "SITE";
        public const string Users = "USERS";
        public const string FieldInfo = "FIELDINFO";
        public const string FieldData = "FieldData";

        public const string AreaId = "Aarea";
        public const string AreaName = "aareadesc";
        public const string AreaInactive = "AIsInactive";

        public const string SiteId = "Ssitenum";
        public const string SiteName = "sdesc";
        public const string SiteArea = "Sarea";
        public const string SiteIsInvoice = "SIsInvoiceSite";
        public const string SiteInactive = "SIsInactive";

        public const string UserId = "Uid";
        public const string UserSite = "Usite";
        public const string UserName = "uusername";
        public const string UserFirstName = "uFirstName";
        public const string UserLastName = "uLastName";
        public const string UserEmail = "uemail";
        public const string UserPhone = "uextn";
        public const string UserInactive = "uinactive";

        // Optional: kept current when the Halo version has them.
        public const string UserCreated = "udatecreated";
        public const string UserLastUpdate = "ULastUpdate";

        public const string FieldId = "FIid";
        public const string FieldName = "FIName";
        public const string FieldLabel = "FILabel";
        public const string FieldType = "FIType";
        public const string FieldUsage = "FIusage";
        public const string FieldStoreInFieldData = "fiStoreInFieldData";

        // Optional: older Halo versions may lack it.
        public const string FieldNewStorage = "finewstoragemethod";

        public const string DataId = "fdId";
        public const string DataUsage = "fdUsage";
        public const string DataFieldId = "fdFieldId";
        public const string DataEntityId = "fdEntityId";
        public const string DataValue = "fdValueString";
        public const string DataDisplay = "fdDisplay";
        public const string DataLastUpdated = "fdLastUpdated";

        // Per-integration settings of Halo's own integrator (Control.cs in https://github.com/Angelic-Software/angelic). Read only by the health check, and only
        // when the table exists: which row is GoCardless's is an inference (its MSName mentions GoCardless).
        public const string ModuleSetup = "MODULESETUP";
        public const string ModuleId = "MSid";
        public const string ModuleName = "MSName";
        public const string ModuleIntegratorEnabled = "MSHaloIntegratorEnabled";
        public const string ModuleIntegratorLastSync = "MSHaloIntegratorLastSync";
        public const string ModuleIntegratorLastError = "MSHaloIntegratorLastError";

        /// <summary>A legacy custom field lives in the entity table's column CF + field name (CF-guide).</summary>
        public const string LegacyColumnPrefix = "CF";
    }
}
