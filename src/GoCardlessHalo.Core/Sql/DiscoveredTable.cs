// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>A table as discovered, with its columns looked up case-insensitively.</summary>
    internal sealed class DiscoveredTable
    {
        private readonly Dictionary<string, DiscoveredColumn> byName;

        public DiscoveredTable(string name, IReadOnlyList<DiscoveredColumn> columns)
        {
            Name = name;
            Columns = columns;
            byName = new Dictionary<string, DiscoveredColumn>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in columns)
            {
                byName[column.Name] = column;
            }
        }

        /// <summary>The name as the database spells it.</summary>
        public string Name { get; }

        public IReadOnlyList<DiscoveredColumn> Columns { get; }

        public DiscoveredColumn? Find(string column) => byName.TryGetValue(column, out var found) ? found : null;

        public DiscoveredColumn Get(string column) =>
            Find(column) ?? throw new InvalidOperationException("Column " + Name + "." + column + " was not discovered.");

        public bool Has(string column) => byName.ContainsKey(column);

        /// <summary>Columns an INSERT naming only <paramref name="given"/> must still fill with a safe value.</summary>
        public IEnumerable<DiscoveredColumn> SafeValueColumns(IEnumerable<string> given)
        {
            var named = new HashSet<string>(given, StringComparer.OrdinalIgnoreCase);
            return Columns.Where(c => c.NeedsSafeValue && !named.Contains(c.Name));
        }
    }
}
