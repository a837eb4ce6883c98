// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// One emulated Halo table: rows in id order (so paging is stable) and the next id to allocate. Halo has no
/// IDENTITY columns and allocates ids in the application; here that is one more than the largest id ever used.
/// </summary>
public sealed class HaloTable<T>
    where T : class, IHaloRecord
{
    private readonly SortedDictionary<int, T> _rows = new();
    private int _maxId;

    public int Count => _rows.Count;

    public IEnumerable<T> Rows => _rows.Values;

    public T? Find(int id) => _rows.GetValueOrDefault(id);

    public bool Contains(int id) => _rows.ContainsKey(id);

    /// <summary>Stores <paramref name="row"/>, giving it a new id first when it has none.</summary>
    public T Put(T row)
    {
        if (row.Id <= 0)
        {
            row.Id = _maxId + 1;
        }

        _rows[row.Id] = row;
        if (row.Id > _maxId)
        {
            _maxId = row.Id;
        }

        return row;
    }

    public bool Remove(int id) => _rows.Remove(id);

    public void Clear()
    {
        _rows.Clear();
        _maxId = 0;
    }
}
