// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>JSON settings for the emulated GoCardless wire format.</summary>
public static class GcJson
{
    /// <summary>
    /// snake_case names, nulls written (the real API sends <c>"address_line3": null</c>), timestamps with
    /// milliseconds and a Z. Dates (<see cref="DateOnly"/>) serialise as YYYY-MM-DD by default.
    /// </summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            // Real responses carry UTF-8 text as is (Montréal, +44 …), not \u escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new TimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Formats a timestamp the way GoCardless does: <c>2015-03-26T18:06:37.820Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed class TimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatTimestamp(value));
    }
}
