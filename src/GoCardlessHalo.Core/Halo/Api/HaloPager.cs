// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Reads a Halo list page by page (https://github.com/Servosity/msp-skills/issues/203): <c>pageinate=true&amp;page_size=N&amp;page_no=P</c>,
    /// P from 1, until an empty page, a short page after the first, or <c>record_count</c> rows.
    /// The requested page size is never trusted: Halo caps pages (at 100) silently, and computing the page
    /// count from the requested size is exactly the bug that lost rows in HaloAPI issue #90.
    /// Whether <c>page_no</c> then counts by the capped or the requested size is not recorded (reference halo.md
    /// U4), so the pager never asks for more than <see cref="MaxPageSize"/> and, when the first page comes back
    /// shorter than asked with more rows to come, asks by the size served from then on: page 1 is the same rows
    /// under either numbering, and with page_size equal to the cap both numberings agree.
    /// Only one page is held in memory at a time. When <c>record_count</c> changes between the first and a later
    /// page (records deleted or created during the read shift the rest across pages, so some would be missed),
    /// the list is read again from page 1, yielding only records not yielded yet, up to <see cref="MaxPasses"/>.
    /// </summary>
    internal static class HaloPager
    {
        /// <summary>The most a page ever asks for: Halo's cap (https://github.com/homotechsual/HaloAPI/issues/90).</summary>
        public const int MaxPageSize = 100;

        /// <summary>How often a list that changes while it is read is read again before giving up.</summary>
        public const int MaxPasses = 3;

        public static IAsyncEnumerable<JsonElement> ReadAsync(
            HaloApiConnection connection,
            string resource,
            string listKey,
            IEnumerable<KeyValuePair<string, string>> filters,
            int pageSize,
            CancellationToken cancellationToken) =>
            ReadAsync(connection, resource, listKey, filters, pageSize, null, cancellationToken);

        /// <summary>
        /// As the overload without <paramref name="capped"/>, which is told the page size Halo served instead when it
        /// served fewer rows than asked on page 1 with more to come (a cap below the size asked for).
        /// </summary>
        public static async IAsyncEnumerable<JsonElement> ReadAsync(
            HaloApiConnection connection,
            string resource,
            string listKey,
            IEnumerable<KeyValuePair<string, string>> filters,
            int pageSize,
            Action<int>? capped,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var query = HaloQueryString.Build(filters);
            var yielded = new HashSet<int>();
            for (var pass = 1; ; pass++)
            {
                var changed = false;
                var seen = 0;
                var size = pageSize < 1 ? 1 : pageSize > MaxPageSize ? MaxPageSize : pageSize;
                int? previousFirstId = null;
                int? firstTotal = null;
                for (var page = 1; ; page++)
                {
                    var path = $"{resource}?{query}{(query.Length > 0 ? "&" : "")}pageinate=true&page_size={size}&page_no={page}";
                    using var document = await connection.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
                    var root = document.RootElement;
                    var rows = root.ValueKind == JsonValueKind.Array ? root : HaloJson.Property(root, listKey);
                    if (!(rows is { ValueKind: JsonValueKind.Array } list))
                    {
                        throw connection.Errors.InvalidResponse("GET", path, 200, $"a list without a '{listKey}' array");
                    }

                    var count = list.GetArrayLength();
                    if (count > 0)
                    {
                        // A server that ignores page_no would return page 1 forever; stop rather than loop.
                        var firstId = HaloJson.Int(list[0], "id");
                        if (page > 1 && firstId == previousFirstId)
                        {
                            throw connection.Errors.InvalidResponse("GET", path, 200, $"page {page} starting with the same record as page {page - 1} (page_no was ignored)");
                        }

                        previousFirstId = firstId;
                    }

                    var total = HaloJson.Property(root, "record_count") is { ValueKind: JsonValueKind.Number } ? HaloJson.Int(root, "record_count") : (int?)null;
                    firstTotal ??= total;
                    // Rows deleted or created while the pages are read shift the rest between pages (issue 8), so
                    // some would never be seen: a record_count that moved says so. Read again from page 1.
                    changed |= total is not null && total != firstTotal;
                    foreach (var row in list.EnumerateArray())
                    {
                        var id = HaloJson.Int(row, "id");
                        if (id <= 0 || yielded.Add(id))
                        {
                            yield return row.Clone();
                        }
                    }

                    seen += count;
                    if (count == 0 || (total is not null && seen >= total))
                    {
                        break;
                    }

                    if (count < size)
                    {
                        if (page > 1)
                        {
                            break;
                        }

                        // Fewer than asked on page 1 but not known to be the end: Halo capped the page. Ask by the
                        // served size from page 2 on (an empty page 2 ends a list that really was this short).
                        size = count;
                        capped?.Invoke(count);
                    }
                }

                if (!changed)
                {
                    yield break;
                }

                if (pass >= MaxPasses)
                {
                    throw connection.Errors.InvalidResponse("GET", resource, 200, $"a list that changed during each of {MaxPasses} reads (records were being created or deleted); run again when Halo is quieter");
                }
            }
        }
    }
}
