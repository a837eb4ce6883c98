// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Net.Http;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>How to reach a Halo instance through its REST API.</summary>
    public sealed class HaloApiOptions
    {
        /// <summary>The Halo URL, e.g. <c>https://yourcompany.halopsa.com</c> (a trailing <c>/api</c> is ignored).
        /// Plain http is refused except for loopback addresses such as the emulator.</summary>
        public string Url { get; set; } = string.Empty;

        /// <summary>Hosted instances only: the tenant sent as <c>?tenant=</c> on the token request. When null,
        /// the tenant_id reported by <c>/api/authinfo</c> is used, if any.</summary>
        public string? Tenant { get; set; }

        /// <summary>Client id of the Halo API application (Configuration &gt; Integrations &gt; Halo API).</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>Client secret of the Halo API application. Write-only: it is never read back, logged or
        /// shown in messages.</summary>
        public string ClientSecret { internal get; set; } = string.Empty;

        /// <summary>OAuth scopes, space-separated; users need <c>read:customers edit:customers</c>, <c>all</c> covers it.</summary>
        public string Scope { get; set; } = "all";

        /// <summary>Rows asked for per page. Halo caps pages (at 100 on current versions) whatever is asked,
        /// so paging never relies on getting this many.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>Users per POST when writing.</summary>
        public int BatchSize { get; set; } = 50;

        /// <summary>Client-side limit on requests per rolling 5 minutes (hosted Halo allows 300); 0 turns it off.</summary>
        public int RateLimitPer5Minutes { get; set; } = 300;

        /// <summary>
        /// Where the requests granted are recorded so every run of the module on the machine shares the budget
        /// (<see cref="RequestLedgerFile.For"/>); null keeps the record in this target's memory only.
        /// </summary>
        public string? RequestLedgerPath { get; set; }

        /// <summary>How often a 429 answer is retried (backoff 5 s doubling to 60 s) before giving up. The default
        /// of 8 waits 315 s in all, longer than Halo's 5 minute window.</summary>
        public int MaxRateLimitRetries { get; set; } = 8;

        /// <summary>Time allowed for one HTTP request.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>What the timeout error tells the reader to raise: the module's setting when it built these options.</summary>
        public string TimeoutSetting { get; set; } = "the timeout";

        /// <summary>Who is calling, for the User-Agent header.</summary>
        public ClientInfo ClientInfo { get; set; } = ClientInfo.Default;

        /// <summary>Optional HTTP handler (proxies, tests). It is not disposed with the target.</summary>
        public HttpMessageHandler? HttpMessageHandler { get; set; }

        /// <summary>Time and waiting; replaced in tests so backoff and expiry need no real waiting.</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>True when a client secret has been set (the secret itself cannot be read back).</summary>
        public bool HasClientSecret => !string.IsNullOrEmpty(ClientSecret);

        /// <summary>Describes the options without the secret.</summary>
        public override string ToString() =>
            $"Halo API {Url} (tenant {Tenant ?? "-"}, client id {ClientId}, client secret {(HasClientSecret ? "set" : "not set")})";

        /// <summary>Checks the options and returns the Halo base URI (no trailing slash, no /api).</summary>
        internal Uri Validate()
        {
            if (!Uri.TryCreate((Url ?? string.Empty).Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw Invalid(nameof(Url), $"The Halo URL '{Url}' is not an absolute http(s) URL. Use the address of your Halo instance, e.g. https://yourcompany.halopsa.com.");
            }

            if (!Endpoints.IsAcceptable(uri))
            {
                // The same ErrorId as Enable-GcModule's parameter check (ModuleConfigurator), whether the address comes from a parameter or the file.
                throw new GcHaloException(ErrorIds.InsecureAddress, ErrorKind.InvalidArgument, $"The Halo URL '{Url}' uses plain http, which would send the client secret unencrypted. Use https (http is accepted only for loopback addresses such as the emulator).", nameof(Url));
            }

            Require(!string.IsNullOrWhiteSpace(ClientId), nameof(ClientId), "The Halo client id is empty. Copy it from Configuration > Integrations > Halo API > View Applications after saving the application (it can change on save).");
            Require(HasClientSecret, nameof(ClientSecret), "The Halo client secret is empty. Set the secret of the Halo API application.");
            Require(!string.IsNullOrWhiteSpace(Scope), nameof(Scope), "The Halo scope is empty. Use 'all', or 'read:customers edit:customers'.");
            Require(PageSize >= 1 && PageSize <= 1000, nameof(PageSize), $"PageSize {PageSize} is out of range; use 1-1000 (Halo caps pages at 100 anyway).");
            Require(BatchSize >= 1 && BatchSize <= 1000, nameof(BatchSize), $"BatchSize {BatchSize} is out of range; use 1-1000.");
            Require(RateLimitPer5Minutes >= 0, nameof(RateLimitPer5Minutes), "RateLimitPer5Minutes cannot be negative; use 0 to turn the client-side limit off.");
            Require(MaxRateLimitRetries >= 0, nameof(MaxRateLimitRetries), "MaxRateLimitRetries cannot be negative.");
            Require(Timeout > TimeSpan.Zero, nameof(Timeout), "Timeout must be positive.");
            Require(ClientInfo is not null, nameof(ClientInfo), "ClientInfo cannot be null; use ClientInfo.Default outside PowerShell.");
            Require(Clock is not null, nameof(Clock), "Clock cannot be null; use SystemClock.Instance.");

            // People paste the "Resource Server" URL shown in Halo, which ends in /api.
            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - 4);
            }

            return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
        }

        private static void Require(bool condition, string property, string message)
        {
            if (!condition)
            {
                throw Invalid(property, message);
            }
        }

        private static GcHaloException Invalid(string property, string message) =>
            new GcHaloException(ErrorIds.HaloOptionsInvalid, ErrorKind.InvalidArgument, message, property);
    }
}
