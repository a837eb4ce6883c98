// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>
    /// Sends one logical request with GoCardless's headers, retrying what is safe to retry: network errors,
    /// timeouts, 5xx, malformed success bodies (capped exponential backoff) and 429 (until RateLimit-Reset).
    /// Other 4xx answers are final. A POST keeps the same Idempotency-Key on every attempt, so a retry can
    /// never create a second resource. One HttpClient per instance; every answer is logged without the token.
    /// </summary>
    internal sealed class GcTransport : IDisposable
    {
        private const string ApiVersion = "2015-07-06";
        private static readonly TimeSpan RateLimitJitter = TimeSpan.FromMilliseconds(750);
        private readonly HttpClient _http;
        private readonly GoCardlessClientOptions _options;
        private readonly IEngineLog _log;
        private readonly RateLimitTracker _rateLimit = new RateLimitTracker();
        private readonly SecretRedactor _secrets = new SecretRedactor();
        private readonly Backoff _backoff;

        public GcTransport(GoCardlessClientOptions options, IEngineLog log)
        {
            _options = options;
            _log = log;
            _backoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
            _secrets.Add(options.AccessToken);
#if NETFRAMEWORK
            // .NET Framework 4.x may not offer TLS 1.2 by default; GoCardless requires it.
            System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
#endif
            _http = new HttpClient(options.HttpMessageHandler ?? CreateHandler(), disposeHandler: true)
            {
                BaseAddress = options.EffectiveBaseUri,
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each attempt has its own timeout
            };
            var headers = _http.DefaultRequestHeaders;
            headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
            headers.Add("GoCardless-Version", ApiVersion);
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            headers.TryAddWithoutValidation("User-Agent", options.ClientInfo.UserAgent);
        }

        public RateLimitStatus? RateLimit => _rateLimit.Last;

        /// <summary>
        /// Sends <paramref name="method"/> to <paramref name="relativeUri"/> (relative to the base URI, query
        /// included) and parses a success body with <paramref name="parse"/>. With <paramref name="resendWhenUnknown"/>
        /// false, a failure after which GoCardless may have acted (timeout, lost connection, 5xx, damaged answer) is
        /// thrown at once instead of sent again: for a request without an Idempotency-Key, whose caller must read back
        /// what happened first. A 429 is still waited out (GoCardless did nothing).
        /// </summary>
        public async Task<T> SendAsync<T>(HttpMethod method, string relativeUri, byte[]? body, string? idempotencyKey, Func<byte[], T> parse, CancellationToken cancellationToken, bool resendWhenUnknown = true)
        {
            var display = "/" + relativeUri;
            var unknownRetries = resendWhenUnknown ? _options.MaxRetries : 0;
            for (var attempt = 0; ; attempt++)
            {
                await WaitForBudgetAsync(cancellationToken).ConfigureAwait(false);
                var watch = Stopwatch.StartNew();
                HttpResponseMessage response;
                using var request = Build(method, relativeUri, body, idempotencyKey);
                using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attemptTimeout.CancelAfter(_options.Timeout);
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                    {
                        var timeout = new GcHaloException(ErrorIds.GoCardlessTimeout, ErrorKind.Timeout,
                            $"GoCardless did not answer {method} {display} within {_options.Timeout.TotalSeconds:0.#} s, after {attempt + 1} attempt(s). Check the network, or raise {_options.TimeoutSetting}.", display, e);
                        await RetryOrThrowAsync(attempt, unknownRetries, timeout, _backoff.ForAttempt(attempt), method, display, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    catch (HttpRequestException e)
                    {
                        var failed = new GcHaloException(ErrorIds.GoCardlessConnectionFailed, ErrorKind.ConnectionFailed,
                            $"Could not reach GoCardless at {_options.EffectiveBaseUri.GetLeftPart(UriPartial.Authority)} for {method} {display}, after {attempt + 1} attempt(s): {_secrets.Redact(e.Message)} Check the network, proxy and firewall.", display, e);
                        await RetryOrThrowAsync(attempt, unknownRetries, failed, _backoff.ForAttempt(attempt), method, display, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                using (response)
                {
                    var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    _rateLimit.Observe(response);
                    var status = (int)response.StatusCode;
                    var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                    _log.Verbose($"GoCardless {method} {display} -> {status} {response.ReasonPhrase} in {watch.ElapsedMilliseconds} ms"
                                 + (requestId is null ? "." : $" (request id {requestId})."));
                    if (status >= 200 && status < 300)
                    {
                        try
                        {
                            return parse(bytes);
                        }
                        catch (JsonException e)
                        {
                            var invalid = new GcHaloException(ErrorIds.GoCardlessInvalidResponse, ErrorKind.Remote,
                                $"GoCardless answered {method} {display} with {status} but a body that is not the expected JSON ({e.Message}), after {attempt + 1} attempt(s)."
                                + (requestId is null ? string.Empty : $" Request id: {requestId}."), display, e);
                            await RetryOrThrowAsync(attempt, unknownRetries, invalid, _backoff.ForAttempt(attempt), method, display, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                    }

                    var error = GcErrorParser.Parse(method.Method, display, status, bytes, requestId, _options.Environment, _secrets);
                    if (status == 429)
                    {
                        var wait = (_rateLimit.UntilReset(_options.Clock.UtcNow) ?? _backoff.ForAttempt(attempt)) + _backoff.Jitter(RateLimitJitter);
                        await RetryOrThrowAsync(attempt, _options.MaxRetries, error, wait, method, display, cancellationToken).ConfigureAwait(false);
                        _rateLimit.Clear(); // that window is over; the next answer tells the new budget
                        continue;
                    }

                    if (status >= 500)
                    {
                        await RetryOrThrowAsync(attempt, unknownRetries, error, _backoff.ForAttempt(attempt), method, display, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    throw error;
                }
            }
        }

        public void Dispose() => _http.Dispose();

        private static HttpMessageHandler CreateHandler()
        {
#if NET
            // Recycle connections so a DNS change at GoCardless is picked up by a long-lived client.
            return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
            return new HttpClientHandler();
#endif
        }

        private HttpRequestMessage Build(HttpMethod method, string relativeUri, byte[]? body, string? idempotencyKey)
        {
            var request = new HttpRequestMessage(method, relativeUri);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return request;
        }

        private async Task RetryOrThrowAsync(int attempt, int maxRetries, Exception failure, TimeSpan wait, HttpMethod method, string display, CancellationToken cancellationToken)
        {
            if (attempt >= maxRetries)
            {
                throw failure;
            }

            _log.Verbose($"GoCardless {method} {display} failed ({FirstSentence(failure.Message)}); retrying in {wait.TotalSeconds:0.0} s (attempt {attempt + 2} of {_options.MaxRetries + 1}).");
            await _options.Clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }

        private async Task WaitForBudgetAsync(CancellationToken cancellationToken)
        {
            var wait = _rateLimit.ProactiveDelay(_options.Clock.UtcNow);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            var status = _rateLimit.Last!;
            wait += _backoff.Jitter(TimeSpan.FromTicks(Math.Min(wait.Ticks / 10, RateLimitJitter.Ticks)));
            _log.Verbose($"GoCardless rate limit: {status.Remaining} of {status.Limit} requests left until {status.Reset:HH:mm:ss} UTC; waiting {wait.TotalSeconds:0.0} s.");
            await _options.Clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? message.TrimEnd('.') : message.Substring(0, end);
        }
    }
}
