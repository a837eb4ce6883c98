// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>The stable ErrorIds the Halo API target raises.</summary>
    public static class HaloApiErrorIds
    {
        /// <summary>The options are incomplete or unsafe (e.g. plain http to a remote host).</summary>
        public const string OptionsInvalid = "HaloOptionsInvalid";

        /// <summary>Halo refused the client credentials, or a fresh token was refused.</summary>
        public const string AuthenticationFailed = "HaloAuthenticationFailed";

        /// <summary>403: the application or its agent lacks a permission.</summary>
        public const string PermissionDenied = "HaloPermissionDenied";

        /// <summary>404: the record (or the URL) does not exist.</summary>
        public const string NotFound = "HaloNotFound";

        /// <summary>429 still answered after every retry.</summary>
        public const string RateLimited = "HaloRateLimited";

        /// <summary>Any other error answer (400, 5xx, …).</summary>
        public const string RequestFailed = "HaloRequestFailed";

        /// <summary>Halo could not be reached (DNS, refused connection, TLS, reset).</summary>
        public const string ConnectionFailed = "HaloConnectionFailed";

        /// <summary>Halo did not answer within the configured timeout.</summary>
        public const string Timeout = "HaloTimeout";

        /// <summary>Halo answered with something that is not the JSON expected.</summary>
        public const string ResponseInvalid = "HaloResponseInvalid";

        /// <summary>A write names a user custom field that does not exist in Halo.</summary>
        public const string FieldNotFound = HaloErrorIds.FieldNotFound;

        /// <summary>A custom field name Halo would refuse (letters, digits, underscores, at most 64).</summary>
        public const string FieldNameInvalid = HaloErrorIds.FieldNameInvalid;

        /// <summary>A user write lacks what Halo needs (a site and a name for a new user).</summary>
        public const string UserWriteInvalid = HaloErrorIds.UserWriteInvalid;
    }
}
