// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// A Halo API request that failed: the HTTP status (null when no answer came), the message Halo gave in
    /// whichever of its error shapes it used, and the request it answered. Never carries a secret or token.
    /// </summary>
    public sealed class HaloApiException : GcHaloException
    {
        /// <summary>Creates the error; <paramref name="path"/> becomes the <see cref="GcHaloException.Target"/>.</summary>
        public HaloApiException(string errorId, ErrorKind kind, string message, string method, string path, int? status, string? haloMessage, Exception? innerException = null)
            : base(errorId, kind, message, path, innerException)
        {
            Method = method;
            Path = path;
            Status = status;
            HaloMessage = haloMessage;
        }

        /// <summary>HTTP method of the failed request.</summary>
        public string Method { get; }

        /// <summary>Path (and query) of the failed request, relative to the Halo URL.</summary>
        public string Path { get; }

        /// <summary>HTTP status Halo answered with; null when there was no answer (connection failure, timeout).</summary>
        public int? Status { get; }

        /// <summary>What Halo said: <c>errorMessage</c>, <c>ClassName: Message</c>, <c>Message</c>, the OAuth
        /// <c>error: error_description</c>, or the plain text body.</summary>
        public string? HaloMessage { get; }
    }
}
