// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Halo's global settings as <c>GET /api/Control</c> returns them, reduced to the GoCardless ones (reference §4.2:
/// Angelic's Control.cs and Control6.cs; defaults from PD-schema's Control4, e.g. rgocardlessdefaultsite = 1).
/// A test switches Halo's own GoCardless integrator on with <c>POST /__admin/halo/control</c>; reset restores the
/// defaults below (integrator off, never synced).
/// </summary>
public sealed class HaloControl : IEmulatorState
{
    private static readonly Setting[] Settings =
    {
        new("gocardless_defaultsite", JsonValueKind.Number, () => JsonValue.Create(1)),
        new("gocardless_defaultsite_name", JsonValueKind.String, () => null),
        new("gocardless_companyname_matching", JsonValueKind.True, () => JsonValue.Create(false)),
        new("gocardless_use_sandbox", JsonValueKind.True, () => JsonValue.Create(false)),
        new("gocardless_userfieldmappings", JsonValueKind.Array, () => new JsonArray()),
        new("halointegrator_gocardless", JsonValueKind.True, () => JsonValue.Create(false)),
        new("halointegrator_gocardless_lastsync", JsonValueKind.String, () => null),
        new("halointegrator_gocardless_lasterror", JsonValueKind.String, () => null),
    };

    private readonly object _gate = new();
    private JsonObject _control = Defaults();

    /// <summary>A copy of the settings, as GET /api/Control answers.</summary>
    public JsonObject Snapshot()
    {
        lock (_gate)
        {
            return (JsonObject)_control.DeepClone();
        }
    }

    /// <summary>
    /// Sets the given settings (names case-insensitive), all or none: an unknown name or a value of the wrong
    /// kind (booleans for flags, a number for the site, text or null for names and dates) changes nothing.
    /// </summary>
    /// <returns>Null when applied; otherwise what is wrong.</returns>
    public string? Update(JsonObject changes)
    {
        var resolved = new List<(Setting Setting, JsonNode? Value)>();
        foreach (var (name, value) in changes)
        {
            var setting = Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (setting is null)
            {
                return $"'{name}' is not a GoCardless setting the emulator keeps. Known: {string.Join(", ", Settings.Select(s => s.Name))}.";
            }

            if (!setting.Accepts(value))
            {
                return $"'{setting.Name}' needs {setting.Expected}.";
            }

            resolved.Add((setting, value?.DeepClone()));
        }

        lock (_gate)
        {
            foreach (var (setting, value) in resolved)
            {
                _control[setting.Name] = value;
            }
        }

        return null;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _control = Defaults();
        }
    }

    private static JsonObject Defaults()
    {
        var control = new JsonObject();
        foreach (var setting in Settings)
        {
            control[setting.Name] = setting.Default();
        }

        return control;
    }

    private sealed record Setting(string Name, JsonValueKind Kind, Func<JsonNode?> Default)
    {
        public string Expected => Kind switch
        {
            JsonValueKind.True => "true or false",
            JsonValueKind.Number => "a number",
            JsonValueKind.Array => "an array",
            _ => "text or null",
        };

        public bool Accepts(JsonNode? value)
        {
            var kind = value?.GetValueKind() ?? JsonValueKind.Null;
            return Kind switch
            {
                JsonValueKind.True => kind is JsonValueKind.True or JsonValueKind.False,
                JsonValueKind.String => kind is JsonValueKind.String or JsonValueKind.Null,
                _ => kind == Kind,
            };
        }
    }
}
