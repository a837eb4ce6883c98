// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Activation
{
    /// <summary>
    /// Turns Halo's own GoCardless integration settings into this module's, so a switch-over keeps behaviour
    /// (issue 11): the Default Site, company-name matching (on: Exact; off: <see cref="MatchMode.Off"/>), the sandbox
    /// flag, and the custom field mappings with Halo's "don't update" flag as the CreateOnly ownership rule. Pure: what it
    /// plans is what -WhatIf shows; <see cref="Apply"/> changes the settings object only.
    /// </summary>
    public static class HaloIntegrationMigration
    {
        /// <summary>One change per setting Halo has a value for (Set, Unchanged or NotCarried, with the reason).</summary>
        public static IReadOnlyList<IntegrationSettingChange> Plan(
            HaloGoCardlessSettings halo, ModuleSettings current, IReadOnlyList<HaloSite> sites, IReadOnlyList<HaloFieldDefinition> userFields)
        {
            var changes = new List<IntegrationSettingChange>();
            if (DefaultSite(halo, current, sites) is { } site)
            {
                changes.Add(site);
            }

            if (halo.CompanyNameMatching is { } matching)
            {
                // Inferred: Halo's guide only says names are matched "if they are the same"; the flag is taken to switch that.
                var wanted = matching ? (current.MatchMode == MatchMode.Off ? MatchMode.Exact : current.MatchMode) : MatchMode.Off;
                changes.Add(Change("matchMode", current.MatchMode.ToString(), wanted.ToString(), inferred: true,
                    matching ? "Halo matches company names to Halo customers; so does this module (an exact name first)." : "Halo's company-name matching is off: every new user goes to the Default Site.",
                    s => s.MatchMode = wanted));
            }

            if (halo.UseSandbox is { } sandbox)
            {
                var environment = sandbox ? GoCardlessEnvironment.Sandbox : GoCardlessEnvironment.Live;
                changes.Add(Change("goCardless.environment", current.GoCardless.Environment.ToString(), environment.ToString(), inferred: false,
                    "Halo does not give out its access token: keep this module's token reference, and check it belongs to this environment (Test-GcModule).",
                    s => s.GoCardless.Environment = environment));
            }

            foreach (var mapping in halo.FieldMappings)
            {
                changes.AddRange(FieldMapping(mapping, current, userFields));
            }

            return changes;
        }

        /// <summary>Applies the Set changes to <paramref name="settings"/> (the caller saves them).</summary>
        public static void Apply(IEnumerable<IntegrationSettingChange> changes, ModuleSettings settings)
        {
            foreach (var change in changes.Where(c => c.Action == IntegrationSettingAction.Set))
            {
                change.Apply!(settings);
            }
        }

        private static IntegrationSettingChange? DefaultSite(HaloGoCardlessSettings halo, ModuleSettings current, IReadOnlyList<HaloSite> sites)
        {
            var text = halo.DefaultSiteId?.ToString(CultureInfo.InvariantCulture) ?? halo.DefaultSiteName;
            if (text is null)
            {
                return null;
            }

            var found = DefaultSites.Find(sites, text);
            if (found.Count != 1)
            {
                return NotCarried("defaultSite", current.DefaultSite, text, $"Halo's Default Site '{text}' names {(found.Count == 0 ? "no active site" : found.Count + " sites")}; set one with Enable-GcModule -DefaultSite.");
            }

            var site = found[0];
            var now = string.IsNullOrWhiteSpace(current.DefaultSite) ? Array.Empty<HaloSite>() : DefaultSites.Find(sites, current.DefaultSite!);
            var value = site.Id.ToString(CultureInfo.InvariantCulture);
            return now.Count == 1 && now[0].Id == site.Id
                ? Unchanged("defaultSite", current.DefaultSite, value, $"{site.ClientName}/{site.Name}")
                : Change("defaultSite", current.DefaultSite, value, inferred: false, $"{site.ClientName}/{site.Name}", s => s.DefaultSite = value);
        }

        private static IEnumerable<IntegrationSettingChange> FieldMapping(HaloIntegrationFieldMapping mapping, ModuleSettings current, IReadOnlyList<HaloFieldDefinition> userFields)
        {
            var field = userFields.FirstOrDefault(f => mapping.HaloFieldId is { } id && f.Id == id)
                        ?? userFields.FirstOrDefault(f => string.Equals(f.Name, StripPrefix(mapping.HaloFieldName), StringComparison.OrdinalIgnoreCase));
            var name = $"fieldMappings[{mapping.GoCardlessField}]";
            if (string.IsNullOrWhiteSpace(mapping.GoCardlessField) || field is null)
            {
                yield return NotCarried(name, null, mapping.HaloFieldName ?? mapping.HaloFieldId?.ToString(CultureInfo.InvariantCulture),
                    field is null ? $"Halo's mapping names the field {mapping.HaloFieldName ?? "id " + mapping.HaloFieldId}, which is not a custom field of users here." : "Halo's mapping names no GoCardless field.");
                yield break;
            }

            var created = Mappable(mapping.GoCardlessField!, field.Name, current, out var problem);
            if (created is null)
            {
                yield return NotCarried(name, null, field.Name, problem!);
                yield break;
            }

            var existing = current.FieldMappings.FirstOrDefault(m => m.GoCardlessField == created.GoCardlessField);
            var note = field.IsUserText ? "Halo's mapping (which value holds the metadata key is inferred)." : $"Halo's mapping, but '{field.Name}' is not a Text field of users: Test-GcModule will say so.";
            yield return existing is not null && string.Equals(existing.HaloField, created.HaloField, StringComparison.OrdinalIgnoreCase)
                ? Unchanged(name, existing.HaloField, created.HaloField, note)
                : Change(name, existing?.HaloField, created.HaloField, inferred: true, note, s =>
                {
                    s.FieldMappings.RemoveAll(m => m.GoCardlessField == created.GoCardlessField);
                    s.FieldMappings.Add(created);
                });
            if (mapping.DontUpdate)
            {
                var rule = FieldOwnership.RuleFor(current.FieldOwnership, created.HaloField);
                var ownership = $"fieldOwnership[{created.HaloField}]";
                yield return rule == FieldRule.CreateOnly
                    ? Unchanged(ownership, rule.ToString(), nameof(FieldRule.CreateOnly), "Halo's mapping is 'don't update'.")
                    : Change(ownership, rule.ToString(), nameof(FieldRule.CreateOnly), inferred: true, "Halo's mapping is 'don't update': set on create only.", s => s.FieldOwnership[created.HaloField] = FieldRule.CreateOnly);
            }
        }

        // The mapping as this module would take it, or null with why not (a name it refuses, a clash with another mapping).
        private static Config.FieldMapping? Mappable(string goCardlessField, string haloField, ModuleSettings current, out string? problem)
        {
            problem = null;
            try
            {
                var created = Config.FieldMapping.Create(goCardlessField, haloField);
                FieldMappingRules.Check(created, current.FieldMappings.Where(m => m.GoCardlessField != created.GoCardlessField), current.Halo.LinkField);
                return created;
            }
            catch (GcHaloException ex)
            {
                problem = ex.Message;
                return null;
            }
        }

        // Halo shows custom fields as CF<Name>; the module names them without the prefix (HaloFieldNames).
        private static string? StripPrefix(string? name) =>
            name is not null && name.StartsWith("CF", StringComparison.OrdinalIgnoreCase) && name.Length > 2 ? name.Substring(2) : name;

        private static IntegrationSettingChange Change(string setting, string? current, string? fromHalo, bool inferred, string note, Action<ModuleSettings> apply) =>
            new IntegrationSettingChange(setting, current, fromHalo, string.Equals(current, fromHalo, StringComparison.Ordinal) ? IntegrationSettingAction.Unchanged : IntegrationSettingAction.Set, note, inferred, apply);

        private static IntegrationSettingChange Unchanged(string setting, string? current, string? fromHalo, string note) =>
            new IntegrationSettingChange(setting, current, fromHalo, IntegrationSettingAction.Unchanged, note, false, null);

        private static IntegrationSettingChange NotCarried(string setting, string? current, string? fromHalo, string note) =>
            new IntegrationSettingChange(setting, current, fromHalo, IntegrationSettingAction.NotCarried, note, false, null);
    }

    /// <summary>What happens to one of Halo's settings.</summary>
    public enum IntegrationSettingAction
    {
        /// <summary>This module's setting takes Halo's value.</summary>
        Set,

        /// <summary>This module already has it.</summary>
        Unchanged,

        /// <summary>Halo's value cannot be used here (the note says why and what to do).</summary>
        NotCarried,
    }

    /// <summary>One setting of Halo's GoCardless integration and what it becomes in this module's settings.</summary>
    public sealed class IntegrationSettingChange
    {
        internal IntegrationSettingChange(string setting, string? current, string? fromHalo, IntegrationSettingAction action, string note, bool inferred, Action<ModuleSettings>? apply)
        {
            Setting = setting;
            Current = current;
            FromHalo = fromHalo;
            Action = action;
            Note = note;
            Inferred = inferred;
            Apply = apply;
        }

        /// <summary>The module setting (YAML key), e.g. defaultSite, matchMode, fieldMappings[account_ref].</summary>
        public string Setting { get; }

        public string? Current { get; }

        public string? FromHalo { get; }

        public IntegrationSettingAction Action { get; }

        public string Note { get; }

        /// <summary>True when the translation rests on an inference about Halo (marked so in the output).</summary>
        public bool Inferred { get; }

        internal Action<ModuleSettings>? Apply { get; }

        /// <summary>One line for -WhatIf.</summary>
        public string Describe() => $"Set {Setting} to '{FromHalo}' (was '{Current ?? "not set"}'){(Inferred ? " [inferred]" : string.Empty)}: {Note}";
    }
}
