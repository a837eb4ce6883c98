// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Text.Json;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Lenient readers for Halo's JSON. Halo's swagger types some ids as doubles (site_id), booleans sometimes
    /// arrive as 0/1, and property casing varies between endpoints, so reads tolerate all of these.
    /// </summary>
    internal static class HaloJson
    {
        /// <summary>The property, matched exactly first and then ignoring case; null when absent.</summary>
        public static JsonElement? Property(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty(name, out var exact))
            {
                return exact;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }

            return null;
        }

        /// <summary>A string, or the JSON text of a number or boolean; null when absent or null.</summary>
        public static string? String(JsonElement element, string name) => Property(element, name) is { } value ? Text(value) : null;

        public static string? Text(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return value.GetRawText();
                default:
                    return null;
            }
        }

        /// <summary>The raw JSON text of a scalar property (used for result codes).</summary>
        public static string? Raw(JsonElement element, string name) =>
            Property(element, name) is { } value && value.ValueKind != JsonValueKind.Null ? value.GetRawText().Trim('"') : null;

        /// <summary>A whole number from a JSON number (integer or integer-valued double) or numeric string; 0 otherwise.</summary>
        public static int Int(JsonElement element, string name)
        {
            if (!(Property(element, name) is { } value))
            {
                return 0;
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                return value.TryGetInt32(out var whole) ? whole : value.TryGetDouble(out var number) ? (int)Math.Round(number) : 0;
            }

            return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        }

        public static bool Bool(JsonElement element, string name)
        {
            if (!(Property(element, name) is { } value))
            {
                return false;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.Number:
                    return value.TryGetDouble(out var number) && number != 0;
                case JsonValueKind.String:
                    var text = value.GetString();
                    return text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
                default:
                    return false;
            }
        }
    }
}
