// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>
    /// GoCardless answered with an error status. Carries everything the API said: HTTP status, error
    /// <see cref="Type"/> (invalid_api_usage, invalid_state, validation_failed, gocardless), the
    /// <see cref="Errors"/> entries, the <see cref="RequestId"/> to quote to GoCardless support and the
    /// <see cref="DocumentationUrl"/>.
    /// </summary>
    public sealed class GoCardlessApiException : GcHaloException
    {
        /// <summary>Creates the exception; <see cref="Internal.GcErrorParser"/> is the usual source.</summary>
        public GoCardlessApiException(
            string errorId,
            ErrorKind kind,
            string message,
            object? target,
            int httpStatus,
            string? type,
            int? code,
            IReadOnlyList<GoCardlessApiError> errors,
            string? requestId,
            string? documentationUrl,
            Exception? innerException = null)
            : base(errorId, kind, message, target, innerException)
        {
            HttpStatus = httpStatus;
            Type = type;
            Code = code;
            Errors = errors;
            RequestId = requestId;
            DocumentationUrl = documentationUrl;
        }

        /// <summary>The HTTP status of the answer.</summary>
        public int HttpStatus { get; }

        /// <summary>error.type: invalid_api_usage, invalid_state, validation_failed, gocardless (null for a non-JSON body).</summary>
        public string? Type { get; }

        /// <summary>error.code as sent (normally equal to <see cref="HttpStatus"/>).</summary>
        public int? Code { get; }

        /// <summary>error.errors[]: reason/field/message/request_pointer/links of each problem.</summary>
        public IReadOnlyList<GoCardlessApiError> Errors { get; }

        /// <summary>error.request_id, or the x-request-id header when the body has none.</summary>
        public string? RequestId { get; }

        /// <summary>error.documentation_url.</summary>
        public string? DocumentationUrl { get; }

        /// <summary>The same answer under another ErrorId and message (the token check gives 401/403 their own ids).</summary>
        internal GoCardlessApiException Reclassify(string errorId, string message) =>
            new GoCardlessApiException(errorId, Kind, message, Target, HttpStatus, Type, Code, Errors, RequestId, DocumentationUrl, this);
    }
}
