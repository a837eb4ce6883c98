// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// Error ids about Halo's data, shared by the targets. The field and write checks (FieldNotFound,
    /// FieldNameInvalid, FieldAlreadyExists, UserWriteInvalid) run before anything is sent, so every target raises
    /// them alike. UserNotFound, SiteNotFound and ValueTooLong come from the SQL target, which checks the database
    /// itself; through the API Halo reports those (HaloNotFound, HaloRequestFailed). Transport errors have their own
    /// ids (HaloApiErrorIds, HaloSqlErrors).
    /// </summary>
    public static class HaloErrorIds
    {
        /// <summary>A custom field the operation needs does not exist in Halo.</summary>
        public const string FieldNotFound = "HaloFieldNotFound";

        /// <summary>A custom field name Halo would not accept.</summary>
        public const string FieldNameInvalid = "HaloFieldNameInvalid";

        /// <summary>A user write is incomplete or refers to something that does not exist.</summary>
        public const string UserWriteInvalid = "HaloUserWriteInvalid";

        /// <summary>A user to update does not exist.</summary>
        public const string UserNotFound = "HaloUserNotFound";

        /// <summary>A site users should go to does not exist.</summary>
        public const string SiteNotFound = "HaloSiteNotFound";

        /// <summary>A custom field to create already exists.</summary>
        public const string FieldAlreadyExists = "HaloFieldAlreadyExists";

        /// <summary>A value is longer than Halo can store.</summary>
        public const string ValueTooLong = "HaloValueTooLong";
    }
}
