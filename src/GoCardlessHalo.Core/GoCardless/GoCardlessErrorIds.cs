// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>The stable ErrorIds of GoCardless failures; scripts and tests may match on them.</summary>
    public static class GoCardlessErrorIds
    {
        /// <summary>The options name a base URI that is not https (plain http is allowed only for loopback hosts).</summary>
        public const string InsecureBaseUri = "GoCardlessInsecureBaseUri";

        /// <summary>No access token was given.</summary>
        public const string AccessTokenMissing = "GoCardlessAccessTokenMissing";

        /// <summary>An option is out of range (timeout, retries, page size, ids).</summary>
        public const string InvalidArgument = "GoCardlessInvalidArgument";

        /// <summary>Token check: GoCardless answered 401.</summary>
        public const string TokenInvalid = "GoCardlessTokenInvalid";

        /// <summary>Token check: GoCardless answered 403.</summary>
        public const string TokenForbidden = "GoCardlessTokenForbidden";

        /// <summary>Token check: the token is visibly for the other environment (live_… vs sandbox_…).</summary>
        public const string TokenWrongEnvironment = "GoCardlessTokenWrongEnvironment";

        /// <summary>400: the request was malformed (bad filter, limit, header).</summary>
        public const string InvalidRequest = "GoCardlessInvalidRequest";

        /// <summary>401 on any call.</summary>
        public const string AuthenticationFailed = "GoCardlessAuthenticationFailed";

        /// <summary>403 on any call.</summary>
        public const string PermissionDenied = "GoCardlessPermissionDenied";

        /// <summary>404: no such resource (or path).</summary>
        public const string NotFound = "GoCardlessNotFound";

        /// <summary>409: conflict, such as an idempotency key used for another resource.</summary>
        public const string Conflict = "GoCardlessConflict";

        /// <summary>422: validation failed or the resource's state forbids the action.</summary>
        public const string InvalidData = "GoCardlessInvalidData";

        /// <summary>429 after every retry was used.</summary>
        public const string RateLimited = "GoCardlessRateLimited";

        /// <summary>5xx after every retry was used.</summary>
        public const string ServerError = "GoCardlessServerError";

        /// <summary>Another 4xx answer.</summary>
        public const string RequestFailed = "GoCardlessRequestFailed";

        /// <summary>GoCardless could not be reached (DNS, TCP, TLS) after every retry.</summary>
        public const string ConnectionFailed = "GoCardlessConnectionFailed";

        /// <summary>No answer within the timeout after every retry.</summary>
        public const string Timeout = "GoCardlessTimeout";

        /// <summary>A success answer whose body is not the expected JSON.</summary>
        public const string InvalidResponse = "GoCardlessInvalidResponse";
    }
}
