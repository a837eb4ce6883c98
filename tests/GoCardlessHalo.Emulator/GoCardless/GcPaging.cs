// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>Cursor and created_at parts of a list request, already validated.</summary>
public sealed class PageRequest
{
    public int Limit { get; init; } = 50;

    public string? After { get; init; }

    public string? Before { get; init; }

    public DateTimeOffset? CreatedGt { get; init; }

    public DateTimeOffset? CreatedGte { get; init; }

    public DateTimeOffset? CreatedLt { get; init; }

    public DateTimeOffset? CreatedLte { get; init; }
}

/// <summary>One page, newest first, with GoCardless's cursors (null at either end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Before, string? After, int Limit);

/// <summary>
/// Cuts pages out of a <see cref="ResourceTable{T}"/> or one of its index lists. Bounds (cursors and
/// created_at) are found by binary search, so only the items on the page and the ones the predicate skips
/// are visited.
/// </summary>
public static class GcPaging
{
    public static Page<T> Cut<T>(ResourceTable<T> table, IReadOnlyList<int>? subset, PageRequest request, Func<T, bool>? predicate = null)
        where T : class, IGcResource
    {
        var view = new View<T>(table, subset);
        var lo = 0;
        var hi = view.Count - 1;
        if (request.CreatedGt is { } gt)
        {
            lo = Math.Max(lo, view.FirstIndex(i => view[i].CreatedAt > gt));
        }

        if (request.CreatedGte is { } gte)
        {
            lo = Math.Max(lo, view.FirstIndex(i => view[i].CreatedAt >= gte));
        }

        if (request.CreatedLt is { } lt)
        {
            hi = Math.Min(hi, view.FirstIndex(i => view[i].CreatedAt >= lt) - 1);
        }

        if (request.CreatedLte is { } lte)
        {
            hi = Math.Min(hi, view.FirstIndex(i => view[i].CreatedAt > lte) - 1);
        }

        var newestAllowed = hi;
        var oldestAllowed = lo;
        var found = new List<T>(Math.Min(request.Limit + 1, 512));
        int firstIndex, lastIndex;
        bool hasNewer, hasOlder;
        if (request.Before is not null && request.After is null)
        {
            var cursor = table.PositionOf(request.Before);
            var start = Math.Max(lo, view.FirstIndex(i => view.PositionAt(i) > cursor));
            var indexes = Collect(view, start, hi, +1, request.Limit + 1, predicate, found);
            hasNewer = found.Count > request.Limit;
            if (hasNewer)
            {
                found.RemoveAt(found.Count - 1);
                indexes.RemoveAt(indexes.Count - 1);
            }

            found.Reverse();
            indexes.Reverse();
            firstIndex = indexes.Count > 0 ? indexes[0] : -1;
            lastIndex = indexes.Count > 0 ? indexes[^1] : -1;
            hasOlder = lastIndex >= 0 && HasMatch(view, lastIndex - 1, oldestAllowed, -1, predicate);
        }
        else
        {
            if (request.After is not null)
            {
                var cursor = table.PositionOf(request.After);
                hi = Math.Min(hi, view.FirstIndex(i => view.PositionAt(i) >= cursor) - 1);
            }

            var indexes = Collect(view, hi, lo, -1, request.Limit + 1, predicate, found);
            hasOlder = found.Count > request.Limit;
            if (hasOlder)
            {
                found.RemoveAt(found.Count - 1);
                indexes.RemoveAt(indexes.Count - 1);
            }

            firstIndex = indexes.Count > 0 ? indexes[0] : -1;
            lastIndex = indexes.Count > 0 ? indexes[^1] : -1;
            hasNewer = firstIndex >= 0 && HasMatch(view, firstIndex + 1, newestAllowed, +1, predicate);
        }

        return new Page<T>(
            found,
            hasNewer ? found[0].Id : null,
            hasOlder ? found[^1].Id : null,
            request.Limit);
    }

    // Walks from..to (inclusive) in the given direction, adding matches until max are found; returns their view indexes.
    private static List<int> Collect<T>(View<T> view, int from, int to, int step, int max, Func<T, bool>? predicate, List<T> found)
        where T : class, IGcResource
    {
        var indexes = new List<int>(Math.Min(max, 512));
        for (var i = from; step > 0 ? i <= to : i >= to; i += step)
        {
            var item = view[i];
            if (predicate is null || predicate(item))
            {
                found.Add(item);
                indexes.Add(i);
                if (found.Count == max)
                {
                    break;
                }
            }
        }

        return indexes;
    }

    private static bool HasMatch<T>(View<T> view, int from, int to, int step, Func<T, bool>? predicate)
        where T : class, IGcResource
    {
        for (var i = from; step > 0 ? i <= to : i >= to; i += step)
        {
            if (predicate is null || predicate(view[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole table, or a subset of its positions (an index list), addressed 0..Count-1 in creation order.</summary>
    private readonly struct View<T> where T : class, IGcResource
    {
        private readonly ResourceTable<T> _table;
        private readonly IReadOnlyList<int>? _subset;

        public View(ResourceTable<T> table, IReadOnlyList<int>? subset)
        {
            _table = table;
            _subset = subset;
        }

        public int Count => _subset?.Count ?? _table.Count;

        public T this[int index] => _table[PositionAt(index)];

        public int PositionAt(int index) => _subset is null ? index : _subset[index];

        /// <summary>First index for which <paramref name="test"/> holds (test is monotonic: false…false true…true), or Count.</summary>
        public int FirstIndex(Func<int, bool> test)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (test(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }
}
