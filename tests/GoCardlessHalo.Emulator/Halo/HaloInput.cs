// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Reads loosely typed Halo request JSON. Halo's own clients send numbers as strings or doubles and booleans
/// as 0/1 at times, so the emulator accepts those forms and rejects anything else with a 400.
/// Property names are matched case-insensitively (the documents are parsed that way).
/// </summary>
public static class HaloInput
{
    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    public static bool Has(JsonObject body, string name) => body.ContainsKey(name);

    public static string? String(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
            _ => throw HaloRequestException.Invalid($"'{name}' must be a string."),
        };
    }

    public static int Int(JsonObject body, string name, int fallback = 0)
    {
        var node = body[name];
        if (node is null)
        {
            return fallback;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out double number) && number == System.Math.Floor(number))
        {
            return (int)number;
        }

        if (node.GetValueKind() == JsonValueKind.String && int.TryParse(node.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw HaloRequestException.Invalid($"'{name}' must be a whole number.");
    }

    public static bool Bool(JsonObject body, string name, bool fallback = false)
    {
        var node = body[name];
        switch (node?.GetValueKind())
        {
            case null:
                return fallback;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return Int(body, name) != 0;
            case JsonValueKind.String when bool.TryParse(node.GetValue<string>(), out var flag):
                return flag;
            default:
                throw HaloRequestException.Invalid($"'{name}' must be true or false.");
        }
    }

    /// <summary>A value of a custom field: strings as they are, other scalars as their JSON text.</summary>
    public static string? Scalar(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        _ => throw HaloRequestException.Invalid("A custom field value must be a string, number, boolean or null."),
    };
}
