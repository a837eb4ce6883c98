// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// Error ids about Halo's data that every target raises the same way, whether Halo is reached through its
    /// API or its database. Transport errors have their own ids (HaloApiErrorIds, HaloSqlErrors).
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
