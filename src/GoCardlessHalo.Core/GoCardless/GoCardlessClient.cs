// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless.Internal;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>
    /// Typed access to the GoCardless API: customers, bank accounts, mandates, payments, events, creditors.
    /// Lists stream lazily, one request of up to 500 items at a time, following meta.cursors.after, so memory
    /// stays flat however long the list. Failures are <see cref="GoCardlessApiException"/> (an error answer)
    /// or <see cref="GcHaloException"/> (connection, timeout, unreadable answer). Thread-safe; dispose when done.
    /// </summary>
    public sealed class GoCardlessClient : IDisposable
    {
        private readonly GoCardlessClientOptions _options;
        private readonly IEngineLog _log;
        private readonly GcTransport _transport;

        /// <summary>Checks <paramref name="options"/> and prepares one HttpClient; sends nothing yet.</summary>
        public GoCardlessClient(GoCardlessClientOptions options, IEngineLog? log = null)
        {
            options.Validate();
            _options = options;
            _log = log ?? NullEngineLog.Instance;
            _transport = new GcTransport(options, _log);
            Dashboard = DashboardLinks.For(options);
        }

        /// <summary>Live or Sandbox.</summary>
        public GoCardlessEnvironment Environment => _options.Environment;

        /// <summary>The API base URI in use.</summary>
        public Uri BaseUri => _options.EffectiveBaseUri;

        /// <summary>Links to the dashboard matching this environment (or the emulator's).</summary>
        public DashboardLinks Dashboard { get; }

        /// <summary>The request budget from the last answer, or null before the first.</summary>
        public RateLimitStatus? RateLimit => _transport.RateLimit;

        /// <summary>
        /// Checks the access token by reading the first creditor. A token visibly made for the other environment
        /// (live_… with Sandbox, sandbox_… with Live) fails with <see cref="ErrorIds.GoCardlessTokenWrongEnvironment"/>
        /// before any request; a 401 becomes <see cref="ErrorIds.GoCardlessTokenInvalid"/>, a 403
        /// <see cref="ErrorIds.GoCardlessTokenForbidden"/>.
        /// </summary>
        /// <returns>The creditor the token belongs to, or null if the account has none.</returns>
        public async Task<Creditor?> ValidateTokenAsync(CancellationToken cancellationToken = default)
        {
            CheckTokenEnvironment();
            try
            {
                var page = await GetPageAsync<Creditor>("creditors", "creditors", LimitOne(), cancellationToken).ConfigureAwait(false);
                return page.Items.Count > 0 ? page.Items[0] : null;
            }
            catch (GoCardlessApiException e) when (e.HttpStatus == 401)
            {
                throw e.Reclassify(ErrorIds.GoCardlessTokenInvalid,
                    $"GoCardless ({Environment}) rejected the access token (401). Check that it is complete, not revoked, and was created in the {Environment} dashboard ({Dashboard.BaseUri}). Request id: {e.RequestId}.");
            }
            catch (GoCardlessApiException e) when (e.HttpStatus == 403)
            {
                throw e.Reclassify(ErrorIds.GoCardlessTokenForbidden,
                    $"GoCardless ({Environment}) accepted the access token but refused to show the account (403). Create a token with at least read access in the {Environment} dashboard. Request id: {e.RequestId}.");
            }
        }

        /// <summary>GET /customers/{id}.</summary>
        public Task<Customer> GetCustomerAsync(string id, CancellationToken cancellationToken = default) =>
            GetAsync<Customer>("customers", id, cancellationToken);

        /// <summary>GET /customer_bank_accounts/{id} (how an old mandate without links.customer reaches its customer).</summary>
        public Task<CustomerBankAccount> GetCustomerBankAccountAsync(string id, CancellationToken cancellationToken = default) =>
            GetAsync<CustomerBankAccount>("customer_bank_accounts", id, cancellationToken);

        /// <summary>GET /mandates/{id}.</summary>
        public Task<Mandate> GetMandateAsync(string id, CancellationToken cancellationToken = default) =>
            GetAsync<Mandate>("mandates", id, cancellationToken);

        /// <summary>GET /payments/{id}.</summary>
        public Task<Payment> GetPaymentAsync(string id, CancellationToken cancellationToken = default) =>
            GetAsync<Payment>("payments", id, cancellationToken);

        /// <summary>All customers matching <paramref name="filter"/>, newest first, streamed page by page.</summary>
        public IAsyncEnumerable<Customer> ListCustomersAsync(CustomerFilter? filter = null, CancellationToken cancellationToken = default) =>
            StreamAsync<Customer>("customers", filter ?? new CustomerFilter(), null, cancellationToken);

        /// <summary>All customer bank accounts matching <paramref name="filter"/>, newest first.</summary>
        public IAsyncEnumerable<CustomerBankAccount> ListCustomerBankAccountsAsync(CustomerBankAccountFilter? filter = null, CancellationToken cancellationToken = default) =>
            StreamAsync<CustomerBankAccount>("customer_bank_accounts", filter ?? new CustomerBankAccountFilter(), null, cancellationToken);

        /// <summary>All mandates matching <paramref name="filter"/>, newest first.</summary>
        public IAsyncEnumerable<Mandate> ListMandatesAsync(MandateFilter? filter = null, CancellationToken cancellationToken = default) =>
            StreamAsync<Mandate>("mandates", filter ?? new MandateFilter(), null, cancellationToken);

        /// <summary>All payments matching <paramref name="filter"/>, newest first.</summary>
        public IAsyncEnumerable<Payment> ListPaymentsAsync(PaymentFilter? filter = null, CancellationToken cancellationToken = default) =>
            StreamAsync<Payment>("payments", filter ?? new PaymentFilter(), null, cancellationToken);

        /// <summary>
        /// All events matching <paramref name="filter"/>, newest first. For payment events the payment (from
        /// linked.payments) is attached as <see cref="Event.Payment"/>.
        /// </summary>
        public IAsyncEnumerable<Event> ListEventsAsync(EventFilter? filter = null, CancellationToken cancellationToken = default) =>
            StreamAsync<Event>("events", filter ?? new EventFilter(), AttachPayment, cancellationToken);

        /// <summary>
        /// POST /customers. The Idempotency-Key (<paramref name="idempotencyKey"/>, or a new one) is sent on every
        /// attempt; if GoCardless says the key already created a customer, that customer is fetched and returned.
        /// </summary>
        public Task<Customer> CreateCustomerAsync(NewCustomer customer, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            CreateAsync<Customer>("customers", customer, idempotencyKey, cancellationToken);

        /// <summary>POST /payments, with the same idempotency handling as <see cref="CreateCustomerAsync"/>.</summary>
        public Task<Payment> CreatePaymentAsync(NewPayment payment, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            CreateAsync<Payment>("payments", payment, idempotencyKey, cancellationToken);

        /// <summary>
        /// POST /payments/{id}/actions/cancel: cancels a payment GoCardless has not yet submitted to the banks; anything
        /// later fails with 422 cancellation_failed (https://developer.gocardless.com/api-reference/#core-endpoints-payments,
        /// "Cancel a payment": only a payment not yet submitted to the banks can be cancelled).
        /// An action takes no Idempotency-Key, so it is never sent again blindly: after an answer that may have been lost
        /// once GoCardless acted (timeout, reset, 5xx, damaged body) the payment is read back first, and the cancel is sent
        /// again only if it is not cancelled; a 422 is read back too, because it may answer a cancel that did arrive.
        /// </summary>
        /// <returns>The payment, cancelled.</returns>
        /// <exception cref="GoCardlessApiException">422 cancellation_failed: the payment can no longer be cancelled.</exception>
        public async Task<Payment> CancelPaymentAsync(string id, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
        {
            var path = "payments/" + Uri.EscapeDataString(id ?? string.Empty) + "/actions/cancel";
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new Dictionary<string, object> { ["payments"] = new Dictionary<string, object> { ["metadata"] = metadata ?? new Dictionary<string, string>() } }, GcJson.Write);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await _transport.SendAsync(HttpMethod.Post, path, body, null, answer => GcPage<Payment>.ParseSingle(answer, "payments"), cancellationToken, resendWhenUnknown: false).ConfigureAwait(false);
                }
                catch (GoCardlessApiException e) when (e.HttpStatus == 422)
                {
                    // "Cannot be cancelled" is also the answer to a second cancel: the first may have arrived.
                    var now = await GetPaymentAsync(id!, cancellationToken).ConfigureAwait(false);
                    if (now.Status == PaymentStatus.Cancelled)
                    {
                        return now;
                    }

                    throw;
                }
                catch (GcHaloException e) when (OutcomeUnknown(e) && attempt < _options.MaxRetries)
                {
                    _log.Verbose($"GoCardless: the answer to cancelling {id} was lost ({e.ErrorId}); reading the payment back before sending it again.");
                    var now = await GetPaymentAsync(id!, cancellationToken).ConfigureAwait(false);
                    if (now.Status == PaymentStatus.Cancelled)
                    {
                        return now;
                    }
                }
            }
        }

        /// <summary>Releases the HttpClient.</summary>
        public void Dispose() => _transport.Dispose();

        /// <inheritdoc />
        public override string ToString() => _options.ToString();

        private static Event AttachPayment(Event e, GcPage<Event> page)
        {
            if (e.PaymentId is { } id && page.LinkedPayments.TryGetValue(id, out var payment))
            {
                e.Payment = payment;
            }

            return e;
        }

        private async IAsyncEnumerable<T> StreamAsync<T>(string key, ListFilter filter, Func<T, GcPage<T>, T>? shape, [EnumeratorCancellation] CancellationToken cancellationToken)
            where T : class
        {
            if (filter.PageSize < 1 || filter.PageSize > 500)
            {
                throw new GcHaloException(ErrorIds.GoCardlessInvalidArgument, ErrorKind.InvalidArgument,
                    $"PageSize {filter.PageSize} is out of range: GoCardless returns 1 to 500 items per request.", filter.PageSize);
            }

            var query = new QueryBuilder();
            filter.AddTo(query);
            while (true)
            {
                var page = await GetPageAsync<T>(key, key, query, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return shape is null ? item : shape(item, page);
                }

                if (page.After is null || page.Items.Count == 0)
                {
                    yield break;
                }

                query.Set("after", page.After);
            }
        }

        private Task<GcPage<T>> GetPageAsync<T>(string path, string key, QueryBuilder query, CancellationToken cancellationToken) =>
            _transport.SendAsync(HttpMethod.Get, path + query, null, null, body => GcPage<T>.Parse(body, key), cancellationToken);

        private Task<T> GetAsync<T>(string key, string id, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new GcHaloException(ErrorIds.GoCardlessInvalidArgument, ErrorKind.InvalidArgument, $"An id is required to read {key}.", key);
            }

            return _transport.SendAsync(HttpMethod.Get, key + "/" + Uri.EscapeDataString(id), null, null, body => GcPage<T>.ParseSingle(body, key), cancellationToken);
        }

        private async Task<T> CreateAsync<T>(string key, object resource, string? idempotencyKey, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { [key] = resource }, GcJson.Write);
            var keyToSend = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString() : idempotencyKey!;
            try
            {
                return await _transport.SendAsync(HttpMethod.Post, key, body, keyToSend, answer => GcPage<T>.ParseSingle(answer, key), cancellationToken).ConfigureAwait(false);
            }
            catch (GoCardlessApiException e) when (GcErrorParser.ConflictingResourceId(e) is { } existing)
            {
                // The key already created a resource (an earlier attempt whose answer was lost): that one is the result.
                _log.Verbose($"GoCardless: idempotency key already used for {existing}; fetching it instead of creating another.");
                return await GetAsync<T>(key, existing, cancellationToken).ConfigureAwait(false);
            }
        }

        // Failures after which GoCardless may have acted; a 4xx (429 included) is an answer about a request it did not carry out.
        private static bool OutcomeUnknown(GcHaloException e) =>
            e is GoCardlessApiException api ? api.HttpStatus >= 500 : e.Kind is ErrorKind.ConnectionFailed or ErrorKind.Timeout or ErrorKind.Remote;

        private static QueryBuilder LimitOne()
        {
            var query = new QueryBuilder();
            query.Add("limit", "1");
            return query;
        }

        private void CheckTokenEnvironment()
        {
            if (_options.BaseUri is not null)
            {
                return; // a custom endpoint (the emulator) has its own tokens
            }

            var tokenEnvironment = GoCardlessTokens.EnvironmentOf(_options.AccessToken!);
            if (tokenEnvironment is not null && tokenEnvironment != Environment)
            {
                // GoCardless's own dashboard for the environment, even when DashboardBaseUri overrides the links.
                var dashboard = Environment == GoCardlessEnvironment.Sandbox ? DashboardLinks.SandboxBase : DashboardLinks.LiveBase;
                throw new GcHaloException(ErrorIds.GoCardlessTokenWrongEnvironment, ErrorKind.AuthenticationFailed,
                    $"The access token is a {tokenEnvironment} token, but the environment is {Environment}. Choose the {tokenEnvironment} environment, or create a {Environment} token in {dashboard} (Developers → Create → Access token).",
                    Environment);
            }
        }
    }
}
