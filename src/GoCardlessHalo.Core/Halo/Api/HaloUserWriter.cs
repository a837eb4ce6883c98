// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Creates and updates users by POSTing JSON arrays of at most BatchSize users to /api/Users.
    /// <para>
    /// Halo replaces a user's whole customfields array with whatever is posted (HaloAPI issues #13/#14), so an
    /// update must post every value the user has, merged with the changes. Where the full current values come
    /// from is a trade-off: a GET per user just before the write narrows the window in which an agent's edit
    /// could be overwritten, but costs one request per updated user — 10,000 GETs would take over 2.5 hours at
    /// hosted Halo's 300 requests per 5 minutes. The sync reads users (paged, with every User field's values
    /// through include_custom_fields), plans, then writes, so the values read moments earlier are used; only
    /// users this target has not read get a GET by id. The remaining window (between the read and the write
    /// of one run) is the same one any read-plan-write sync has.
    /// </para>
    /// </summary>
    internal sealed class HaloUserWriter
    {
        private readonly HaloApiConnection _connection;
        private readonly HaloApiOptions _options;
        private readonly IEngineLog _log;
        private readonly ConcurrentDictionary<int, Dictionary<int, string?>> _knownValues = new ConcurrentDictionary<int, Dictionary<int, string?>>();

        public HaloUserWriter(HaloApiConnection connection, HaloApiOptions options, IEngineLog log)
        {
            _connection = connection;
            _options = options;
            _log = log;
        }

        /// <summary>Records a user's complete custom field values, as just read from Halo.</summary>
        public void Remember(int userId, Dictionary<int, string?> values) => _knownValues[userId] = values;

        /// <summary>The user's complete values: GET /api/Users/{id}, which carries every custom field.</summary>
        public async Task<Dictionary<int, string?>> FetchValuesAsync(int userId, CancellationToken cancellationToken)
        {
            using var document = await _connection.GetJsonAsync("/api/Users/" + userId, cancellationToken).ConfigureAwait(false);
            var values = HaloApiMapper.CustomFieldValues(document.RootElement) ?? new Dictionary<int, string?>();
            Remember(userId, values);
            return values;
        }

        /// <summary>Writes <paramref name="writes"/>; <paramref name="fieldsByName"/> resolves every custom field name used.</summary>
        public async Task<IReadOnlyList<HaloUserWriteResult>> WriteAsync(
            IReadOnlyList<HaloUserWrite> writes,
            IReadOnlyDictionary<string, HaloFieldDefinition> fieldsByName,
            CancellationToken cancellationToken)
        {
            Validate(writes);
            var results = new List<HaloUserWriteResult>(writes.Count);
            for (var start = 0; start < writes.Count; start += _options.BatchSize)
            {
                var chunk = writes.Skip(start).Take(_options.BatchSize).ToList();
                try
                {
                    results.AddRange(await WriteChunkAsync(chunk, fieldsByName, cancellationToken).ConfigureAwait(false));
                }
                catch (HaloWriteOutcomeUnknownException ex)
                {
                    throw OutcomeUnknown(results, ex.Known.Select(p => (start + p.Key, p.Value)), ex.Message, ex.InnerException ?? ex);
                }
                catch (GcHaloException ex) when (results.Count > 0)
                {
                    // Halo refused this chunk but saved the ones before: say which were saved, so the caller does
                    // not send them again.
                    throw OutcomeUnknown(results, Enumerable.Empty<(int, HaloUserWriteResult)>(), $"Halo refused users {start + 1}-{start + chunk.Count} of {writes.Count} after saving the {results.Count} before them: {ex.Message}", ex);
                }

                _log.Verbose($"Halo: saved users {start + 1}-{start + chunk.Count} of {writes.Count}.");
            }

            return results;
        }

        private static HaloWriteOutcomeUnknownException OutcomeUnknown(IReadOnlyList<HaloUserWriteResult> before, IEnumerable<(int Index, HaloUserWriteResult Result)> more, string message, System.Exception cause)
        {
            var known = new Dictionary<int, HaloUserWriteResult>();
            for (var i = 0; i < before.Count; i++)
            {
                known[i] = before[i];
            }

            foreach (var (index, result) in more)
            {
                known[index] = result;
            }

            return new HaloWriteOutcomeUnknownException(message, known, cause);
        }

        private async Task<IReadOnlyList<HaloUserWriteResult>> WriteChunkAsync(
            IReadOnlyList<HaloUserWrite> chunk,
            IReadOnlyDictionary<string, HaloFieldDefinition> fieldsByName,
            CancellationToken cancellationToken)
        {
            var body = new JsonArray();
            var postedValues = new List<Dictionary<int, string?>?>();
            foreach (var write in chunk)
            {
                var values = await ValuesToPostAsync(write, fieldsByName, cancellationToken).ConfigureAwait(false);
                body.Add(HaloUserJson.Build(write, values));
                postedValues.Add(values);
            }

            var saved = await PostAsync(body.ToJsonString(), chunk.Count, cancellationToken).ConfigureAwait(false);
            var known = SavedUserMatcher.Match(chunk, postedValues, saved);
            foreach (var pair in known)
            {
                if (postedValues[pair.Key] is { } values)
                {
                    Remember(pair.Value.UserId, values);
                }
            }

            if (known.Count < chunk.Count)
            {
                throw new HaloWriteOutcomeUnknownException(
                    $"Halo answered POST /api/Users for {chunk.Count} users with {saved.Count} saved users, of which {known.Count} could be tied to the users posted (by id or by their custom field values).",
                    known);
            }

            return Enumerable.Range(0, chunk.Count).Select(i => known[i]).ToList();
        }

        /// <summary>
        /// POSTs the users and returns the saved records Halo answered with. A failure after which Halo may have
        /// saved them (no answer, a timeout, a 5xx from Halo or a proxy, a 200 that is not JSON) is an unknown
        /// outcome; a 4xx is Halo refusing the request, which saved nothing. An empty 200 is an empty answer: Halo
        /// processed the POST but names no saved user (the matcher then knows only the updates).
        /// </summary>
        private async Task<IReadOnlyList<System.Text.Json.JsonElement>> PostAsync(string body, int count, CancellationToken cancellationToken)
        {
            try
            {
                var answer = await _connection.SendAsync(HttpMethod.Post, _connection.Resolve("/api/Users"), () => new StringContent(body, Encoding.UTF8, "application/json"), authenticated: true, tokenRequest: false, cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(answer.Body))
                {
                    // A 200 with no body (emulator variant UsersPostAnswer=EmptyBody): Halo processed the POST, so the
                    // updates are known by their ids, as with an empty array; the creates are left for read-back.
                    return new List<System.Text.Json.JsonElement>();
                }

                using var document = _connection.Parse(answer);
                return HaloApiMapper.Saved(document.RootElement).Select(e => e.Clone()).ToList();
            }
            catch (HaloApiException ex) when (!(ex.Status is >= 400 and < 500))
            {
                throw new HaloWriteOutcomeUnknownException($"Halo may have saved some of the {count} users posted: {ex.Message}", new Dictionary<int, HaloUserWriteResult>(), ex);
            }
        }

        /// <summary>
        /// The customfields array to post, by FieldInfo id: null when the write changes no custom field (the
        /// array is then left out and Halo keeps it); for an update, every current value merged with the changes.
        /// </summary>
        private async Task<Dictionary<int, string?>?> ValuesToPostAsync(HaloUserWrite write, IReadOnlyDictionary<string, HaloFieldDefinition> fieldsByName, CancellationToken cancellationToken)
        {
            if (write.CustomFields.Count == 0)
            {
                return null;
            }

            var values = new Dictionary<int, string?>();
            if (write.Id is { } id)
            {
                var current = _knownValues.TryGetValue(id, out var known) ? known : await FetchValuesAsync(id, cancellationToken).ConfigureAwait(false);
                // Empty values need not be posted: after Halo replaces the array they are empty all the same.
                foreach (var pair in current.Where(p => !string.IsNullOrEmpty(p.Value)))
                {
                    values[pair.Key] = pair.Value;
                }
            }

            foreach (var change in write.CustomFields)
            {
                values[fieldsByName[change.Key].Id] = change.Value;
            }

            return values;
        }

        private static void Validate(IReadOnlyList<HaloUserWrite> writes)
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var problem = write.Id is { } id
                    ? id <= 0 ? $"has id {id}; an update needs the id of an existing Halo user" : null
                    : !(write.SiteId > 0) ? "is a new user without a site; set SiteId (the customer's invoice site or the Default Site)"
                    : HaloUserNames.ForNewUser(write) is null ? "is a new user without a name: " + HaloUserNames.Missing
                    : null;
                if (problem is not null)
                {
                    throw new GcHaloException(ErrorIds.HaloUserWriteInvalid, ErrorKind.InvalidArgument, $"User write {i + 1} of {writes.Count} {problem}. Nothing was written.", write.Id ?? (object)(write.Email ?? write.Name ?? string.Empty));
                }

                // Halo's columns are not visible through the API: checked here as the SQL target checks them (issue 8).
                if (HaloUserColumns.TooLong(write) is { } tooLong)
                {
                    throw tooLong;
                }
            }
        }
    }
}
