// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Net.Http;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Timing;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>How to reach GoCardless. The access token can be set but not read back by callers.</summary>
    public sealed class GoCardlessClientOptions
    {
        /// <summary>https://api.gocardless.com</summary>
        public static readonly Uri LiveApiUri = new Uri("https://api.gocardless.com/");

        /// <summary>https://api-sandbox.gocardless.com</summary>
        public static readonly Uri SandboxApiUri = new Uri("https://api-sandbox.gocardless.com/");

        /// <summary>Live or Sandbox (default Live, as GoCardless's own clients).</summary>
        public GoCardlessEnvironment Environment { get; set; } = GoCardlessEnvironment.Live;

        /// <summary>
        /// Overrides the API base URI, e.g. the emulator's <c>http://127.0.0.1:5099/gocardless</c>. It may carry a
        /// path prefix. Must be https unless the host is a loopback address.
        /// </summary>
        public Uri? BaseUri { get; set; }

        /// <summary>Overrides the dashboard base used for links (see <see cref="DashboardLinks.For"/> for the default).</summary>
        public Uri? DashboardBaseUri { get; set; }

        /// <summary>The access token (Developers → Create → Access token in the dashboard). Never shown or logged.</summary>
        public string? AccessToken { internal get; set; }

        /// <summary>Time allowed for one attempt, including reading the body (default 60 s).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>What the timeout error tells the reader to raise: the module's setting when it built these options.</summary>
        public string TimeoutSetting { get; set; } = "the timeout";

        /// <summary>Extra attempts after a network error, timeout, 5xx, malformed body or 429 (default 4).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>First backoff step; doubles per attempt up to <see cref="MaxBackoff"/>, with jitter.</summary>
        public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Cap of one backoff wait (default 30 s).</summary>
        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Who is calling, for the User-Agent.</summary>
        public ClientInfo ClientInfo { get; set; } = ClientInfo.Default;

        /// <summary>Replaces the HTTP stack (tests). The client disposes it with itself.</summary>
        public HttpMessageHandler? HttpMessageHandler { get; set; }

        /// <summary>Time source and delays for retries and rate-limit waits (tests substitute one that does not sleep).</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>The API base URI in effect, ending with a slash.</summary>
        public Uri EffectiveBaseUri
        {
            get
            {
                var uri = BaseUri ?? (Environment == GoCardlessEnvironment.Sandbox ? SandboxApiUri : LiveApiUri);
                return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
            }
        }

        internal bool HasAccessToken => !string.IsNullOrWhiteSpace(AccessToken);

        /// <summary>Throws <see cref="GcHaloException"/> when the options cannot work; says which one and how to fix it.</summary>
        public void Validate()
        {
            if (BaseUri is { } uri)
            {
                if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    throw new GcHaloException(ErrorIds.InsecureAddress, ErrorKind.InvalidArgument,
                        $"The GoCardless base URI '{uri}' is not an absolute http(s) URI. Use e.g. https://api.gocardless.com or http://127.0.0.1:5099/gocardless for the emulator.", uri);
                }

                // One ErrorId whether the address comes from a parameter (ModuleConfigurator) or the settings file.
                if (!Endpoints.IsAcceptable(uri))
                {
                    throw new GcHaloException(ErrorIds.InsecureAddress, ErrorKind.InvalidArgument,
                        $"The GoCardless base URI '{uri}' uses plain http to a non-local host, which would send the access token unencrypted. Use https, or http only to a loopback address such as 127.0.0.1 (the emulator).", uri);
                }
            }

            if (!HasAccessToken)
            {
                throw new GcHaloException(ErrorIds.AccessTokenRequired, ErrorKind.InvalidArgument,
                    $"No GoCardless access token was given. Create one in the {Environment} dashboard under Developers → Create → Access token (read-only is enough) and configure it.");
            }

            if (Timeout <= TimeSpan.Zero || MaxRetries < 0 || InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
            {
                throw new GcHaloException(ErrorIds.GoCardlessInvalidArgument, ErrorKind.InvalidArgument,
                    "GoCardless client options are out of range: Timeout must be positive, MaxRetries not negative, and MaxBackoff at least InitialBackoff.");
            }
        }

        /// <summary>Environment and base URI; never the token.</summary>
        public override string ToString() => $"GoCardless {Environment} at {EffectiveBaseUri}";
    }
}
