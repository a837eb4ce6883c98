// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Core.GoCardless.Internal
{
    /// <summary>
    /// JSON settings for GoCardless. Unknown properties are ignored (new API fields are not breaking changes),
    /// statuses and actions are plain strings (new values never throw), and string maps tolerate non-string values.
    /// </summary>
    internal static class GcJson
    {
        public static readonly JsonSerializerOptions Read = new JsonSerializerOptions
        {
            Converters = { new StringMapConverter(), new DateOnlyConverter() },
        };

        public static readonly JsonSerializerOptions Write = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new DateOnlyConverter() },
        };

        /// <summary>Formats a filter timestamp as GoCardless writes them: 2024-05-01T12:00:00.000Z.</summary>
        public static string Timestamp(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>
        /// metadata and links: objects of strings. A value of another JSON kind keeps its raw text rather than
        /// failing the whole page; null becomes an empty map.
        /// </summary>
        private sealed class StringMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
        {
            public override bool HandleNull => true;

            public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return map;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException("Expected a JSON object of strings.");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        map[key] = reader.GetString()!;
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        using var value = JsonDocument.ParseValue(ref reader);
                        map[key] = value.RootElement.GetRawText();
                    }
                }

                return map;
            }

            public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
            {
                writer.WriteStartObject();
                foreach (var pair in value)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }

                writer.WriteEndObject();
            }
        }

        /// <summary>Dates such as charge_date: "YYYY-MM-DD" ↔ a <see cref="DateTime"/> of kind Unspecified.</summary>
        private sealed class DateOnlyConverter : JsonConverter<DateTime>
        {
            public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var text = reader.GetString();
                if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                throw new JsonException($"'{text}' is not a YYYY-MM-DD date.");
            }

            public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
                writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
