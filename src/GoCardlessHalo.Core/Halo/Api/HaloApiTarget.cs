// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Invoices;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Halo reached through its REST API (hosted Halo, or on-prem Halo's own /api), the way Halo's Integrator
    /// does. See <see cref="HaloApiOptions"/> for authentication, paging, batching and rate limiting.
    /// </summary>
    public sealed class HaloApiTarget : IHaloTarget, IHaloHealthProbe, IHaloRequestBudget, IHaloInvoices, IHaloTickets, IHaloGoCardlessSettingsSource
    {
        private readonly HaloApiOptions _options;
        private readonly IEngineLog _log;
        private readonly Uri _baseUri;
        private readonly HaloApiConnection _connection;
        private readonly HaloUserWriter _writer;
        private readonly HaloApiHealthProbe _probe;
        private readonly HaloApiInvoiceReader _invoices;
        private readonly HaloApiInvoicePayments _invoicePayments;
        private readonly HaloApiTickets _tickets;
        private IReadOnlyList<HaloFieldDefinition>? _userFields;
        private int _userPageSize;

        /// <summary>Checks <paramref name="options"/> (no request is sent until <see cref="OpenAsync"/> or a read).</summary>
        /// <exception cref="GcHaloException">HaloOptionsInvalid: a missing value, or plain http to a remote host.</exception>
        public HaloApiTarget(HaloApiOptions options, IEngineLog? log = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _log = log ?? NullEngineLog.Instance;
            _baseUri = options.Validate();
            _connection = new HaloApiConnection(options, _baseUri, _log);
            _writer = new HaloUserWriter(_connection, options, _log);
            _probe = new HaloApiHealthProbe(_connection, options);
            _invoices = new HaloApiInvoiceReader(_connection, options.PageSize);
            _invoicePayments = new HaloApiInvoicePayments(_connection, options.PageSize);
            _tickets = new HaloApiTickets(_connection, options.PageSize);
            _userPageSize = Math.Min(Math.Max(options.PageSize, 1), HaloPager.MaxPageSize);
        }

        /// <inheritdoc/>
        public HaloTargetKind Kind => HaloTargetKind.Api;

        /// <inheritdoc/>
        public string Location => _baseUri.AbsoluteUri.TrimEnd('/') + (string.IsNullOrWhiteSpace(_options.Tenant) ? string.Empty : " (tenant " + _options.Tenant!.Trim() + ")");

        /// <inheritdoc/>
        /// <remarks>
        /// The page size asked for, never more than Halo's cap (<see cref="HaloPager.MaxPageSize"/>); smaller once a
        /// read of the user list was served smaller pages (a Halo capping below 100: the pager then asks by the size
        /// served), so "more users than one page holds" is judged by the pages Halo really served.
        /// </remarks>
        public int? UserListPageSize => _userPageSize;

        /// <summary>Gets a token (proving the credentials) and reads the User custom fields (proving read access).</summary>
        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            await _connection.EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
            var fields = await GetUserFieldsAsync(cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Halo: connected to {Location}; {fields.Count} User custom field(s).");
        }

        /// <inheritdoc/>
        public IAsyncEnumerable<HaloClient> GetClientsAsync(CancellationToken cancellationToken) =>
            ReadAsync("/api/Client", "clients", new[] { Pair("includeinactive", "true") }, HaloApiMapper.Client, cancellationToken);

        /// <inheritdoc/>
        public IAsyncEnumerable<HaloSite> GetSitesAsync(CancellationToken cancellationToken) =>
            new HaloInvoiceSites(_connection, _options.PageSize).ReadSitesAsync(cancellationToken);

        /// <summary>
        /// Users matching <paramref name="query"/>. Customer, site and inactive filters go to Halo; the link
        /// field filter runs here, because Halo's API cannot filter by a custom field value (HaloAPI issue #14).
        /// </summary>
        public async IAsyncEnumerable<HaloUser> GetUsersAsync(HaloUserQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            // Read fresh: every User field's values must come back, or a later update would post an array
            // missing a field created since, and Halo would empty it.
            var fields = await GetUserFieldsAsync(cancellationToken).ConfigureAwait(false);
            var fieldsById = fields.ToDictionary(f => f.Id);
            if (query.LinkField is { } link && !fields.Any(f => string.Equals(f.Name, link, StringComparison.OrdinalIgnoreCase)))
            {
                _log.Warning($"Halo has no User custom field named '{link}', so no user is linked through it. Run Enable-GcModule to create it, or check the field name.");
            }

            if (query.UserIds is { } ids)
            {
                await foreach (var user in ReadByIdAsync(ids, fieldsById, query, cancellationToken).ConfigureAwait(false))
                {
                    yield return user;
                }

                yield break;
            }

            var warned = false;
            await foreach (var json in HaloPager.ReadAsync(_connection, "/api/Users", "users", UserFilters(query, fields), _options.PageSize, served => _userPageSize = Math.Min(_userPageSize, served), cancellationToken).ConfigureAwait(false))
            {
                var id = HaloJson.Int(json, "id");
                var values = HaloApiMapper.CustomFieldValues(json);
                if (fields.Count > 0 && !HoldsRequestedFields(values, fieldsById))
                {
                    // This Halo ignored include_custom_fields (no customfields, or customfields: [], reference
                    // halo.md U5): a row without the values asked for says nothing about the user's link, so read
                    // the user by id (HaloAPI's -FullObjects approach) rather than take a linked user for unlinked.
                    if (!warned)
                    {
                        _log.Warning("Halo's user list came without the custom field values asked for; reading each such user by id instead (one request per user).");
                        warned = true;
                    }

                    values = await _writer.FetchValuesAsync(id, cancellationToken).ConfigureAwait(false);
                }
                else if (values is not null)
                {
                    _writer.Remember(id, values);
                }

                var user = HaloApiMapper.User(json, values, fieldsById);
                if (HaloUserFilter.Matches(user, query))
                {
                    yield return user;
                }
            }
        }

        // GET /api/Users/{id} carries every custom field (reference: /work/shared/reference/halo.md, U8); a user
        // deleted since the link map was read answers 404 and is left out, as a list would leave it out.
        private async IAsyncEnumerable<HaloUser> ReadByIdAsync(IReadOnlyCollection<int> ids, Dictionary<int, HaloFieldDefinition> fieldsById, HaloUserQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var id in ids.Distinct())
            {
                JsonDocument document;
                try
                {
                    document = await _connection.GetJsonAsync("/api/Users/" + id, cancellationToken).ConfigureAwait(false);
                }
                catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.HaloNotFound)
                {
                    continue;
                }

                using (document)
                {
                    var values = HaloApiMapper.CustomFieldValues(document.RootElement) ?? new Dictionary<int, string?>();
                    _writer.Remember(id, values);
                    var user = HaloApiMapper.User(document.RootElement, values, fieldsById);
                    if (HaloUserFilter.Matches(user, query))
                    {
                        yield return user;
                    }
                }
            }
        }

        /// <inheritdoc/>
        public async Task<IReadOnlyList<HaloFieldDefinition>> GetUserFieldsAsync(CancellationToken cancellationToken)
        {
            // Ask for User fields the way Halo's own integrations ask for an entity's fields: typeid (CIPP passes
            // typeid=2 for clients; 4 = users is inferred from Halo's TableEnum, reference halo.md U2). Without it a
            // Halo may leave User fields out. Rows that say their usage are kept only when it is 4; rows without
            // usage are trusted to be what typeid asked for. The list may come bare or wrapped like the other lists.
            const string Path = "/api/FieldInfo?typeid=4";
            using var document = await _connection.GetJsonAsync(Path, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Array ? root : HaloJson.Property(root, "fieldinfo") ?? HaloJson.Property(root, "fields");
            if (!(list is { ValueKind: JsonValueKind.Array } array))
            {
                throw _connection.Errors.InvalidResponse("GET", Path, 200, "a field list that is not an array");
            }

            var fields = array.EnumerateArray()
                .Where(row => !(HaloJson.Property(row, "usage") is { ValueKind: JsonValueKind.Number }) || HaloJson.Int(row, "usage") == HaloFieldDefinition.UserUsage)
                .Select(HaloApiMapper.Field)
                .Select(f =>
                {
                    f.Usage = HaloFieldDefinition.UserUsage;
                    return f;
                })
                .ToList();
            _userFields = fields;
            return fields;
        }

        /// <summary>
        /// Creates a Text (type 0) custom field on the User entity (usage 4). The User fields are read first, so a
        /// name already taken is refused as on the SQL target rather than with whatever Halo answers.
        /// </summary>
        public async Task<HaloFieldDefinition> CreateUserTextFieldAsync(string name, string label, CancellationToken cancellationToken)
        {
            HaloFieldNames.Check(name);
            HaloFieldNames.CheckFree(name, await GetUserFieldsAsync(cancellationToken).ConfigureAwait(false));
            var body = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["label"] = string.IsNullOrWhiteSpace(label) ? name : label,
                ["type"] = HaloFieldDefinition.TextType,
                ["inputtype"] = 0,
                ["usage"] = HaloFieldDefinition.UserUsage,
            });
            using var document = await _connection.PostJsonAsync("/api/FieldInfo", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
            var saved = HaloApiMapper.Saved(document.RootElement);
            if (saved.Count != 1 || HaloJson.Int(saved[0], "id") <= 0)
            {
                throw _connection.Errors.InvalidResponse("POST", "/api/FieldInfo", 200, "no saved field with an id");
            }

            var field = HaloApiMapper.Field(saved[0]);
            _userFields = null;
            _log.Verbose($"Halo: created User custom field {field.Name} (id {field.Id}).");
            return field;
        }

        /// <summary>
        /// Creates and updates users in POSTs of <see cref="HaloApiOptions.BatchSize"/>. Every custom field
        /// name must exist; an update re-posts the user's whole merged customfields array.
        /// </summary>
        public async Task<IReadOnlyList<HaloUserWriteResult>> WriteUsersAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken)
        {
            if (batch is null)
            {
                throw new ArgumentNullException(nameof(batch));
            }

            if (batch.Count == 0)
            {
                return Array.Empty<HaloUserWriteResult>();
            }

            var fieldsByName = await ResolveFieldsAsync(batch, cancellationToken).ConfigureAwait(false);
            return await _writer.WriteAsync(batch, fieldsByName, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc/>
        public int RequestsPer5Minutes => _connection.Budget?.Limit ?? 0;

        /// <inheritdoc/>
        public Task<TimeSpan> EstimateWaitAsync(int requests, CancellationToken cancellationToken) =>
            _connection.Budget is { } budget ? budget.EstimateWaitAsync(requests, cancellationToken) : Task.FromResult(TimeSpan.Zero);

        /// <inheritdoc/>
        public void Dispose() => _connection.Dispose();

        Task<string> IHaloHealthProbe.ConnectAsync(CancellationToken cancellationToken) => _probe.ConnectAsync(cancellationToken);

        Task<string> IHaloHealthProbe.CheckReadAccessAsync(CancellationToken cancellationToken) => _probe.CheckReadAccessAsync(cancellationToken);

        Task<HaloNativeIntegrator> IHaloHealthProbe.ReadNativeIntegratorAsync(CancellationToken cancellationToken) => _probe.ReadNativeIntegratorAsync(cancellationToken);

        /// <inheritdoc />
        public Task<HaloGoCardlessSettings> ReadGoCardlessSettingsAsync(CancellationToken cancellationToken) => HaloApiGoCardlessSettings.ReadAsync(_connection, cancellationToken);

        /// <inheritdoc/>
        IAsyncEnumerable<HaloInvoice> IHaloInvoices.GetInvoicesAsync(HaloInvoiceQuery query, CancellationToken cancellationToken) =>
            _invoices.ReadAsync(query ?? throw new ArgumentNullException(nameof(query)), cancellationToken);

        /// <inheritdoc/>
        Task<IReadOnlyList<HaloInvoicePayment>> IHaloInvoices.GetPaymentsAsync(int invoiceId, CancellationToken cancellationToken) =>
            _invoicePayments.ForInvoiceAsync(invoiceId, cancellationToken);

        /// <inheritdoc/>
        Task<HaloInvoicePayment> IHaloInvoices.RecordPaymentAsync(HaloInvoicePayment payment, CancellationToken cancellationToken) =>
            _invoicePayments.RecordAsync(payment ?? throw new ArgumentNullException(nameof(payment)), cancellationToken);

        /// <inheritdoc/>
        Task IHaloInvoices.RemovePaymentAsync(HaloInvoicePayment payment, CancellationToken cancellationToken) =>
            _invoicePayments.RemoveAsync(payment ?? throw new ArgumentNullException(nameof(payment)), cancellationToken);

        /// <inheritdoc/>
        Task<IReadOnlyList<HaloTicket>> IHaloTickets.FindTicketsAsync(int clientId, string search, CancellationToken cancellationToken) =>
            _tickets.FindAsync(clientId, search ?? throw new ArgumentNullException(nameof(search)), cancellationToken);

        /// <inheritdoc/>
        Task<HaloTicket> IHaloTickets.CreateTicketAsync(HaloTicket ticket, CancellationToken cancellationToken) =>
            _tickets.CreateAsync(ticket ?? throw new ArgumentNullException(nameof(ticket)), cancellationToken);

        /// <summary>Field definitions for every name the writes use; re-reads once in case a field was just created.</summary>
        private async Task<IReadOnlyDictionary<string, HaloFieldDefinition>> ResolveFieldsAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken)
        {
            var names = batch.SelectMany(w => w.CustomFields.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var cached = _userFields;
            var fields = cached ?? await GetUserFieldsAsync(cancellationToken).ConfigureAwait(false);
            if (cached is not null && names.Any(n => !fields.Any(f => string.Equals(f.Name, n, StringComparison.OrdinalIgnoreCase))))
            {
                fields = await GetUserFieldsAsync(cancellationToken).ConfigureAwait(false);
            }

            var byName = new Dictionary<string, HaloFieldDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields)
            {
                byName[field.Name] = field;
            }

            var missing = names.Where(n => !byName.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                var known = fields.Count == 0 ? "none" : string.Join(", ", fields.Select(f => f.Name));
                throw new GcHaloException(ErrorIds.HaloFieldNotFound, ErrorKind.NotFound,
                    $"Halo has no User custom field named {string.Join(", ", missing.Select(n => "'" + n + "'"))} (User fields: {known}). Create it in Halo (Text, entity User) or fix the mapping. Nothing was written.",
                    missing[0]);
            }

            return byName;
        }

        private async IAsyncEnumerable<T> ReadAsync<T>(
            string resource,
            string listKey,
            IEnumerable<KeyValuePair<string, string>> filters,
            Func<JsonElement, T> map,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var json in HaloPager.ReadAsync(_connection, resource, listKey, filters, _options.PageSize, cancellationToken).ConfigureAwait(false))
            {
                yield return map(json);
            }
        }

        /// <summary>
        /// Whether a list row's customfields answer include_custom_fields: it names at least one of the fields asked
        /// for. Halo lists each field asked for, with a null value when unset (as the emulator's honoured variant
        /// does); a row naming none of them is treated as the parameter ignored, which costs a read but never a link.
        /// </summary>
        private static bool HoldsRequestedFields(Dictionary<int, string?>? values, Dictionary<int, HaloFieldDefinition> requested)
        {
            if (values is null)
            {
                return false;
            }

            foreach (var id in values.Keys)
            {
                if (requested.ContainsKey(id))
                {
                    return true;
                }
            }

            return false;
        }

        private static List<KeyValuePair<string, string>> UserFilters(HaloUserQuery query, IReadOnlyList<HaloFieldDefinition> fields)
        {
            var filters = new List<KeyValuePair<string, string>>();
            if (query.IncludeInactive)
            {
                filters.Add(Pair("includeinactive", "true"));
            }

            if (query.ClientId is { } client)
            {
                filters.Add(Pair("client_id", client.ToString(CultureInfo.InvariantCulture)));
            }

            if (query.SiteId is { } site)
            {
                filters.Add(Pair("site_id", site.ToString(CultureInfo.InvariantCulture)));
            }

            if (fields.Count > 0)
            {
                filters.Add(Pair("include_custom_fields", string.Join(",", fields.Select(f => f.Id.ToString(CultureInfo.InvariantCulture)))));
            }

            return filters;
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
    }
}
