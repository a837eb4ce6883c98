// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// One resource collection, kept in creation order (oldest first) with an id → position map and secondary
/// indexes (position lists per link id). Lists walk it backwards (newest first) from a binary-searched start,
/// so a page costs O(log n + page) however large the collection is. Not thread-safe: the store locks.
/// </summary>
public sealed class ResourceTable<T> where T : class, IGcResource
{
    private readonly List<T> _items = new();
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Func<T, string?> Key, Dictionary<string, List<int>> Lists)> _indexes = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public T this[int position] => _items[position];

    public T? Last => _items.Count == 0 ? null : _items[^1];

    /// <summary>Declares an index; <paramref name="key"/> must not change when an item is replaced.</summary>
    public void DefineIndex(string name, Func<T, string?> key) =>
        _indexes[name] = (key, new Dictionary<string, List<int>>(StringComparer.Ordinal));

    public T? Find(string id) => _positions.TryGetValue(id, out var position) ? _items[position] : null;

    public int PositionOf(string id) => _positions.TryGetValue(id, out var position) ? position : -1;

    /// <summary>Positions (ascending) of the items whose <paramref name="index"/> key is <paramref name="key"/>.</summary>
    public IReadOnlyList<int> Positions(string index, string key) =>
        _indexes[index].Lists.TryGetValue(key, out var list) ? list : Array.Empty<int>();

    /// <summary>Appends a new item; it must not be older than the newest one (the store's clock sees to it).</summary>
    public void Append(T item)
    {
        if (_positions.ContainsKey(item.Id))
        {
            throw new InvalidOperationException($"Duplicate id {item.Id}.");
        }

        if (_items.Count > 0 && Compare(_items[^1], item) > 0)
        {
            throw new InvalidOperationException($"{item.Id} is older than the newest item; use Load to insert history.");
        }

        _positions[item.Id] = _items.Count;
        _items.Add(item);
        AddToIndexes(item, _items.Count - 1);
    }

    /// <summary>Swaps in a new version of an existing item (same id, same creation time, same index keys).</summary>
    public void Replace(T item) => _items[_positions[item.Id]] = item;

    /// <summary>Replaces the whole content with <paramref name="items"/>, sorted by creation time then id.</summary>
    public void Load(IEnumerable<T> items)
    {
        Clear();
        var sorted = items.ToArray();
        Array.Sort(sorted, Compare);
        foreach (var item in sorted)
        {
            if (!_positions.TryAdd(item.Id, _items.Count))
            {
                throw new ArgumentException($"Duplicate id {item.Id}.");
            }

            _items.Add(item);
            AddToIndexes(item, _items.Count - 1);
        }
    }

    public void Clear()
    {
        _items.Clear();
        _positions.Clear();
        foreach (var index in _indexes.Values)
        {
            index.Lists.Clear();
        }
    }

    public IEnumerable<T> All() => _items;

    private static int Compare(T a, T b)
    {
        var byTime = a.CreatedAt.CompareTo(b.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }

    private void AddToIndexes(T item, int position)
    {
        foreach (var (key, lists) in _indexes.Values)
        {
            var value = key(item);
            if (value is null)
            {
                continue;
            }

            if (!lists.TryGetValue(value, out var list))
            {
                list = new List<int>();
                lists[value] = list;
            }

            list.Add(position);
        }
    }
}
