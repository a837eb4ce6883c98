// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Text;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>Builds a query string; keys and values are percent-encoded, so created_at[gt] goes out as created_at%5Bgt%5D.</summary>
    internal sealed class QueryBuilder
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public void Add(string key, string? value)
        {
            if (value is not null)
            {
                _pairs.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        public void Add(string key, DateTimeOffset? value)
        {
            if (value is { } timestamp)
            {
                Add(key, GcJson.Timestamp(timestamp));
            }
        }

        /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, replacing an earlier value (the page cursor).</summary>
        public void Set(string key, string value)
        {
            _pairs.RemoveAll(p => p.Key == key);
            Add(key, value);
        }

        /// <summary>"" or "?a=1&amp;b=2".</summary>
        public override string ToString()
        {
            if (_pairs.Count == 0)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            foreach (var pair in _pairs)
            {
                text.Append(text.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(pair.Key))
                    .Append('=')
                    .Append(Uri.EscapeDataString(pair.Value));
            }

            return text.ToString();
        }
    }
}
