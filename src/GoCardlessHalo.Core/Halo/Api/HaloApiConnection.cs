// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Every HTTP exchange with Halo goes through here: the client-side rate limit, the bearer token (renewed
    /// once and retried when Halo answers 401), 429 backoff (5 s doubling to 60 s, bounded), the User-Agent,
    /// one verbose log line per request (never a secret), and Halo's error shapes turned into exceptions.
    /// </summary>
    internal sealed class HaloApiConnection : IDisposable
    {
        private static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(5);
        private static readonly MediaTypeWithQualityHeaderValue Json = new MediaTypeWithQualityHeaderValue("application/json");

        private readonly HttpClient _http;
        private readonly HaloApiOptions _options;
        private readonly IEngineLog _log;
        private readonly SlidingWindowRateLimiter? _limiter;
        private int _warnedWait;
        private readonly HaloApiErrors _errors;
        private readonly HaloTokenSource _tokens;

        public HaloApiConnection(HaloApiOptions options, Uri baseUri, IEngineLog log)
        {
#if NETFRAMEWORK
            // Windows PowerShell 5.1 on older systems may not offer TLS 1.2 by default; Halo requires it.
            System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
#endif
            _options = options;
            _log = log;
            BaseUri = baseUri;
            _http = options.HttpMessageHandler is null ? new HttpClient() : new HttpClient(options.HttpMessageHandler, disposeHandler: false);
            _http.Timeout = options.Timeout;
            _limiter = options.RateLimitPer5Minutes > 0
                ? new SlidingWindowRateLimiter(options.RateLimitPer5Minutes, RateLimitWindow, options.Clock, options.RequestLedgerPath is { } shared ? new RequestLedgerFile(shared) : null)
                : null;
            Secrets.Add(options.ClientSecret);
            _errors = new HaloApiErrors(Secrets, options.MaxRateLimitRetries);
            _tokens = new HaloTokenSource(this, options, log);
        }

        /// <summary>The Halo URL, without a trailing slash.</summary>
        public Uri BaseUri { get; }

        public SecretRedactor Secrets { get; } = new SecretRedactor();

        public HaloApiErrors Errors => _errors;

        /// <summary>Makes sure a valid token is held (discovering the token URL on first use).</summary>
        public Task EnsureTokenAsync(CancellationToken cancellationToken) => _tokens.GetAsync(cancellationToken);

        /// <summary>An authenticated GET of <paramref name="relative"/> (e.g. <c>/api/Users?…</c>) as JSON.</summary>
        public async Task<JsonDocument> GetJsonAsync(string relative, CancellationToken cancellationToken)
        {
            var answer = await SendAsync(HttpMethod.Get, Resolve(relative), null, authenticated: true, tokenRequest: false, cancellationToken).ConfigureAwait(false);
            return Parse(answer);
        }

        /// <summary>An authenticated POST of a JSON body, answered with JSON.</summary>
        public async Task<JsonDocument> PostJsonAsync(string relative, string json, CancellationToken cancellationToken)
        {
            var answer = await SendAsync(HttpMethod.Post, Resolve(relative), () => new StringContent(json, Encoding.UTF8, "application/json"), authenticated: true, tokenRequest: false, cancellationToken)
                .ConfigureAwait(false);
            return Parse(answer);
        }

        public Uri Resolve(string relative) => new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + relative);

        /// <summary>The budget this connection paces itself under; null when pacing is off.</summary>
        internal SlidingWindowRateLimiter? Budget => _limiter;

        // Once per connection a warning (a run that waits minutes must say why), then verbose lines.
        private void SayWaiting(TimeSpan wait)
        {
            var message = $"Halo request budget: {_options.RateLimitPer5Minutes} requests per 5 minutes for this Halo, shared by the module's runs on this machine, is spent; waiting {wait.TotalSeconds:0} s (halo.requestsPer5Minutes, set by Enable-GcModule -HaloRequestsPer5Minutes).";
            if (Interlocked.Exchange(ref _warnedWait, 1) == 0)
            {
                _log.Warning(message);
            }
            else
            {
                _log.Verbose(message);
            }
        }

        /// <summary>Sends one request, with the retries described on the class. Throws <see cref="HaloApiException"/>.</summary>
        public async Task<HaloAnswer> SendAsync(HttpMethod method, Uri uri, Func<HttpContent>? content, bool authenticated, bool tokenRequest, CancellationToken cancellationToken)
        {
            var path = Display(uri);
            var renewed = false;
            var rateLimitRetries = 0;
            while (true)
            {
                if (_limiter is not null)
                {
                    var waited = await _limiter.AcquireAsync(cancellationToken, SayWaiting).ConfigureAwait(false);
                    if (waited > TimeSpan.Zero)
                    {
                        _log.Verbose($"Halo: waited {waited.TotalSeconds:0} s to stay within {_options.RateLimitPer5Minutes} requests per 5 minutes.");
                    }
                }

                var token = authenticated ? await _tokens.GetAsync(cancellationToken).ConfigureAwait(false) : null;
                using var response = await ExchangeAsync(method, uri, path, content, token, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new HaloAnswer(method.Method, path, status, body);
                }

                if (status == 401 && token is not null && !renewed)
                {
                    // Tokens can be revoked or expire early on Halo's side: get a new one, but only once.
                    _log.Verbose("Halo refused the token; getting a new one and retrying once.");
                    _tokens.Invalidate(token);
                    renewed = true;
                    continue;
                }

                if (status == 429 && rateLimitRetries < _options.MaxRateLimitRetries)
                {
                    var delay = RetryDelay(response, rateLimitRetries++);
                    _log.Verbose($"Halo rate limit reached (429); retry {rateLimitRetries} of {_options.MaxRateLimitRetries} in {delay.TotalSeconds:0} s.");
                    await _options.Clock.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw _errors.FromResponse(method.Method, path, status, response.ReasonPhrase ?? string.Empty, body, tokenRequest);
            }
        }

        public JsonDocument Parse(HaloAnswer answer)
        {
            try
            {
                return JsonDocument.Parse(answer.Body);
            }
            catch (JsonException ex)
            {
                throw _errors.InvalidResponse(answer.Method, answer.Path, answer.Status, "a body that is not valid JSON (" + ex.Message + ")", ex);
            }
        }

        public void Dispose() => _http.Dispose();

        /// <summary>HaloAPI's backoff: 5, 10, 20, 40, then 60 s; a Retry-After from Halo wins when present.</summary>
        internal static TimeSpan Backoff(int retry) => TimeSpan.FromSeconds(Math.Min(60, 5 * Math.Pow(2, retry)));

        private TimeSpan RetryDelay(HttpResponseMessage response, int retry)
        {
            var retryAfter = response.Headers.RetryAfter;
            var hinted = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _options.Clock.UtcNow : (TimeSpan?)null);
            if (hinted is { } delay && delay > TimeSpan.Zero)
            {
                return delay < RateLimitWindow ? delay : RateLimitWindow;
            }

            return Backoff(retry);
        }

        private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, Uri uri, string path, Func<HttpContent>? content, string? token, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
            request.Headers.TryAddWithoutValidation("User-Agent", _options.ClientInfo.UserAgent);
            request.Headers.Accept.Add(Json);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var watch = Stopwatch.StartNew();
            try
            {
                var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                _log.Verbose($"Halo {method.Method} {path} -> {(int)response.StatusCode} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
                return response;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                _log.Verbose($"Halo {method.Method} {path} -> timed out ({watch.ElapsedMilliseconds} ms)");
                throw _errors.TimedOut(method.Method, path, _options.Timeout, _options.TimeoutSetting, ex);
            }
            catch (HttpRequestException ex)
            {
                _log.Verbose($"Halo {method.Method} {path} -> no answer ({watch.ElapsedMilliseconds} ms)");
                throw _errors.ConnectionFailed(method.Method, path, ex);
            }
        }

        /// <summary>Path and query relative to the Halo URL, or the whole URL for another host (a separate auth server).</summary>
        private string Display(Uri uri)
        {
            var root = BaseUri.AbsoluteUri.TrimEnd('/');
            return uri.AbsoluteUri.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? uri.AbsoluteUri.Substring(root.Length) : uri.AbsoluteUri;
        }
    }

    /// <summary>A successful answer: the request it answers (for messages) and the body.</summary>
    internal sealed record HaloAnswer(string Method, string Path, int Status, string Body);
}
