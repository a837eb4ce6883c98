// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Client-credentials tokens, as HaloAPI's Connect-HaloAPI gets them (Public/Connect-HaloAPI.ps1 in https://github.com/homotechsual/HaloAPI): the token URL is
    /// <c>auth_url + "/token"</c> from <c>GET /api/authinfo</c>, or <c>/auth/token</c> when authinfo fails;
    /// the tenant goes in the query string. A token is reused until shortly before <c>expires_in</c> runs out,
    /// then replaced by a new client-credentials grant (no Halo client uses the refresh_token grant).
    /// </summary>
    internal sealed class HaloTokenSource
    {
        // Seconds assumed when Halo omits expires_in: short, so a wrong guess costs one extra token request.
        private const int AssumedLifetimeSeconds = 300;

        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly HaloApiConnection _connection;
        private readonly HaloApiOptions _options;
        private readonly IEngineLog _log;
        private string? _token;
        private DateTimeOffset _renewAt;
        private Uri? _tokenUri;

        public HaloTokenSource(HaloApiConnection connection, HaloApiOptions options, IEngineLog log)
        {
            _connection = connection;
            _options = options;
            _log = log;
        }

        public async Task<string> GetAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var token = _token;
                if (token is not null && _options.Clock.UtcNow < _renewAt)
                {
                    return token;
                }

                return await RequestAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Forgets <paramref name="token"/> after Halo refused it (unless it was already replaced).</summary>
        public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

        private async Task<string> RequestAsync(CancellationToken cancellationToken)
        {
            _tokenUri ??= await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            var form = new[]
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_id", _options.ClientId.Trim()),
                new KeyValuePair<string, string>("client_secret", _options.ClientSecret),
                new KeyValuePair<string, string>("scope", _options.Scope.Trim()),
            };
            var answer = await _connection.SendAsync(HttpMethod.Post, _tokenUri, () => new FormUrlEncodedContent(form), authenticated: false, tokenRequest: true, cancellationToken)
                .ConfigureAwait(false);
            using var document = _connection.Parse(answer);
            var token = HaloJson.String(document.RootElement, "access_token");
            if (string.IsNullOrEmpty(token))
            {
                throw _connection.Errors.InvalidResponse(answer.Method, answer.Path, answer.Status, "a token response without an access_token");
            }

            _connection.Secrets.Add(token!);
            var lifetime = HaloJson.Int(document.RootElement, "expires_in");
            lifetime = lifetime > 0 ? lifetime : AssumedLifetimeSeconds;

            // Renew a little early (a tenth of the lifetime, at most a minute) so a token never expires in flight.
            _renewAt = _options.Clock.UtcNow.AddSeconds(lifetime - Math.Min(60.0, lifetime / 10.0));
            _token = token;
            _log.Verbose($"Halo: obtained an access token for client id {_options.ClientId.Trim()} (scope '{_options.Scope.Trim()}', expires in {lifetime} s).");
            return token!;
        }

        private async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
        {
            var fallback = _connection.Resolve("/auth/token");
            string? authUrl;
            string? tenantId;
            try
            {
                var answer = await _connection.SendAsync(HttpMethod.Get, _connection.Resolve("/api/authinfo"), null, authenticated: false, tokenRequest: false, cancellationToken)
                    .ConfigureAwait(false);
                using var document = _connection.Parse(answer);
                authUrl = HaloJson.String(document.RootElement, "auth_url");
                tenantId = HaloJson.String(document.RootElement, "tenant_id");
            }
            catch (HaloApiException ex) when (ex.Status is not null)
            {
                // An answer that is not authinfo (older or locked-down instances): Halo's default auth path.
                // No answer at all is rethrown, because the token request would fail the same way.
                _log.Verbose($"Halo: /api/authinfo failed ({ex.Status}); using {fallback.AbsoluteUri}.");
                return WithTenant(fallback, _options.Tenant);
            }

            var tokenUri = fallback;
            if (!string.IsNullOrWhiteSpace(authUrl) && Uri.TryCreate(authUrl!.TrimEnd('/') + "/token", UriKind.Absolute, out var discovered))
            {
                // The secret goes to this URL, so the rule for the Halo URL applies to it too.
                if (discovered.Scheme != Uri.UriSchemeHttps && !(discovered.Scheme == Uri.UriSchemeHttp && discovered.IsLoopback))
                {
                    throw _connection.Errors.InvalidResponse("GET", "/api/authinfo", 200, $"an auth_url ({discovered.GetLeftPart(UriPartial.Path)}) that is not https; the client secret is never sent there");
                }

                tokenUri = discovered;
            }

            _log.Verbose($"Halo: token URL {tokenUri.AbsoluteUri} (from /api/authinfo).");
            return WithTenant(tokenUri, string.IsNullOrWhiteSpace(_options.Tenant) ? tenantId : _options.Tenant);
        }

        private static Uri WithTenant(Uri tokenUri, string? tenant) =>
            string.IsNullOrWhiteSpace(tenant) ? tokenUri : new Uri(tokenUri.AbsoluteUri + (tokenUri.Query.Length > 0 ? "&" : "?") + "tenant=" + Uri.EscapeDataString(tenant!.Trim()));
    }
}
