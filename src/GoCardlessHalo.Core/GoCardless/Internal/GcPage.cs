// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>One parsed list page: the items under the resource key, meta.cursors.after and linked.payments.</summary>
    internal sealed class GcPage<T>
    {
        private GcPage(IReadOnlyList<T> items, string? after, IReadOnlyDictionary<string, Payment> linkedPayments)
        {
            Items = items;
            After = after;
            LinkedPayments = linkedPayments;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>Cursor of the next (older) page; null on the last page.</summary>
        public string? After { get; }

        public IReadOnlyDictionary<string, Payment> LinkedPayments { get; }

        public static GcPage<T> Parse(byte[] body, string key)
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException($"The body has no \"{key}\" array.");
            }

            var list = items.Deserialize<List<T>>(GcJson.Read) ?? new List<T>();
            string? after = null;
            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("cursors", out var cursors) && cursors.ValueKind == JsonValueKind.Object
                && cursors.TryGetProperty("after", out var a) && a.ValueKind == JsonValueKind.String)
            {
                after = a.GetString();
            }

            var linked = root.TryGetProperty("linked", out var l) && l.ValueKind == JsonValueKind.Object
                         && l.TryGetProperty("payments", out var p) && p.ValueKind == JsonValueKind.Array
                ? (p.Deserialize<List<Payment>>(GcJson.Read) ?? new List<Payment>()).GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
                : (IReadOnlyDictionary<string, Payment>)new Dictionary<string, Payment>();
            return new GcPage<T>(list, string.IsNullOrEmpty(after) ? null : after, linked);
        }

        /// <summary>The single resource under <paramref name="key"/> of a GET-by-id or create answer.</summary>
        public static T ParseSingle(byte[] body, string key)
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(key, out var item)
                || item.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"The body has no \"{key}\" object.");
            }

            return item.Deserialize<T>(GcJson.Read) ?? throw new JsonException($"The \"{key}\" object is empty.");
        }
    }
}
