// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>Builds the <see cref="HaloApiException"/> for a failed request: what happened and how to fix it.</summary>
    internal sealed class HaloApiErrors
    {
        private readonly SecretRedactor _secrets;
        private readonly int _maxRateLimitRetries;

        public HaloApiErrors(SecretRedactor secrets, int maxRateLimitRetries)
        {
            _secrets = secrets;
            _maxRateLimitRetries = maxRateLimitRetries;
        }

        /// <summary>An error answer. Token requests get credential advice instead of generic advice.</summary>
        public HaloApiException FromResponse(string method, string path, int status, string reason, string? body, bool tokenRequest)
        {
            var said = HaloErrorBody.Describe(body, _secrets);
            var (id, kind, advice) = Classify(status, tokenRequest);
            var message = $"Halo answered {status} {reason} to {method} {path}{(said is null ? "" : ": " + said)}. {advice}";
            return new HaloApiException(id, kind, message, method, path, status, said);
        }

        public HaloApiException ConnectionFailed(string method, string path, Exception cause) => new HaloApiException(
            ErrorIds.HaloConnectionFailed,
            ErrorKind.ConnectionFailed,
            $"Could not reach Halo for {method} {path}: {_secrets.Redact(Innermost(cause))}. Check the Halo URL, DNS, proxy and firewall.",
            method,
            path,
            null,
            null,
            cause);

        public HaloApiException TimedOut(string method, string path, TimeSpan timeout, string timeoutSetting, Exception cause) => new HaloApiException(
            ErrorIds.HaloTimeout,
            ErrorKind.Timeout,
            $"Halo did not answer {method} {path} within {timeout.TotalSeconds:0} s. Try again later, or raise {timeoutSetting}.",
            method,
            path,
            null,
            null,
            cause);

        public HaloApiException InvalidResponse(string method, string path, int status, string problem, Exception? cause = null) => new HaloApiException(
            ErrorIds.HaloResponseInvalid,
            ErrorKind.InvalidData,
            $"Halo answered {method} {path} with {problem}. Check that the Halo URL points at Halo itself and not at a proxy or login page.",
            method,
            path,
            status,
            null,
            cause);

        private (string Id, ErrorKind Kind, string Advice) Classify(int status, bool tokenRequest)
        {
            if (tokenRequest && (status == 400 || status == 401 || status == 403))
            {
                return (ErrorIds.HaloAuthenticationFailed, ErrorKind.AuthenticationFailed,
                    "Check the client id, client secret, tenant and scope of the Halo API application (Configuration > Integrations > Halo API > View Applications); the client id can change when the application is saved, so copy it after saving.");
            }

            switch (status)
            {
                case 400:
                    return (ErrorIds.HaloRequestInvalid, ErrorKind.InvalidArgument, "Halo refused the values sent; the message above says which.");
                case 401:
                    return (ErrorIds.HaloAuthenticationFailed, ErrorKind.AuthenticationFailed,
                        "A freshly issued token was refused too. Check that the API application is active and uses the login type Agent.");
                case 403:
                    return (ErrorIds.HaloPermissionDenied, ErrorKind.PermissionDenied,
                        "The API application, or the agent it logs in as, lacks permission: users and customers need read:customers and edit:customers (or the scope all).");
                case 404:
                    return (ErrorIds.HaloNotFound, ErrorKind.NotFound, "The record does not exist in Halo (it may have been deleted), or the Halo URL is wrong.");
                case 429:
                    return (ErrorIds.HaloRateLimited, ErrorKind.RateLimited,
                        $"Halo's rate limit was still reached after {_maxRateLimitRetries} retries. Lower the module's budget to what your instance allows (Enable-GcModule -HaloRequestsPer5Minutes, halo.requestsPer5Minutes), or run again later.");
                default:
                    return status >= 500
                        ? (ErrorIds.HaloRequestFailed, ErrorKind.Remote, "Halo failed to handle the request; try again later, and check Halo's status if it persists.")
                        : (ErrorIds.HaloRequestFailed, ErrorKind.Remote, "Halo did not accept the request.");
            }
        }

        private static string Innermost(Exception exception)
        {
            while (exception.InnerException is not null)
            {
                exception = exception.InnerException;
            }

            return exception.Message;
        }
    }
}
