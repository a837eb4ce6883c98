// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GoCardlessHalo.Core.Config.Yaml
{
    /// <summary>
    /// Reads GoCardlessHalo.yaml. The schema is small and explicit, so it is mapped by hand from the node tree:
    /// that is what lets every error carry a line and column and every unknown key become a warning.
    /// </summary>
    internal static class SettingsYamlReader
    {
        // An HTTP request allowed more than an hour is a hung run, not a slow one.
        internal const int MaxTimeoutSeconds = 3600;

        public static ModuleSettings Read(TextReader text, string path, out IReadOnlyList<string> warnings)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(text);
            }
            catch (YamlException ex)
            {
                throw new ConfigFileException(path, ex.Start.Line, ex.Start.Column, "it is not well-formed YAML (" + FirstLine(ex.Message) + ").", ex);
            }

            var reader = new YamlNodeReader(path);
            var settings = new ModuleSettings { Version = 0 };
            if (stream.Documents.Count != 1)
            {
                throw new ConfigFileException(path, 0, 0, $"it must hold exactly one YAML document, not {stream.Documents.Count}.");
            }

            var root = stream.Documents[0].RootNode;
            reader.ReadMapping(root, string.Empty, new Dictionary<string, Action<YamlNode>>
            {
                ["version"] = n => settings.Version = reader.Integer(n, "version", 1, int.MaxValue),
                ["enabled"] = n => settings.Enabled = reader.Boolean(n, "enabled"),
                ["goCardless"] = n => ReadGoCardless(reader, n, settings.GoCardless),
                ["halo"] = n => ReadHalo(reader, n, settings.Halo),
                ["defaultSite"] = n => settings.DefaultSite = reader.String(n, "defaultSite"),
                ["matchMode"] = n => settings.MatchMode = reader.Enum<Sync.Import.MatchMode>(n, "matchMode"),
                ["placementOverrides"] = n => settings.PlacementOverrides = PlacementOverridesYaml.Read(reader, n),
                ["fieldOwnership"] = n => settings.FieldOwnership = ReadOwnership(reader, n),
                ["fieldMappings"] = n => settings.FieldMappings = ReadMappings(reader, n),
                ["ledger"] = n => ReadLedger(reader, n, settings.Ledger),
                ["collection"] = n => ReadCollection(reader, n, settings.Collection),
            });

            if (settings.Version == 0)
            {
                throw reader.Error(root, $"the 'version' key is missing. Add 'version: {ModuleSettings.CurrentVersion}' as the first line.");
            }

            if (settings.Version > ModuleSettings.CurrentVersion)
            {
                throw reader.Error(root, $"it was written by a newer GoCardlessHalo (schema version {settings.Version}; this module reads up to {ModuleSettings.CurrentVersion}). Update the module.");
            }

            warnings = reader.Warnings;
            return settings;
        }

        private static void ReadGoCardless(YamlNodeReader reader, YamlNode node, GoCardlessSettings gc) =>
            reader.ReadMapping(node, "goCardless", new Dictionary<string, Action<YamlNode>>
            {
                ["environment"] = n => gc.Environment = reader.Enum<GoCardlessEnvironment>(n, "goCardless.environment"),
                ["baseUri"] = n => gc.BaseUri = reader.Uri(n, "goCardless.baseUri"),
                ["dashboardBaseUri"] = n => gc.DashboardBaseUri = reader.Uri(n, "goCardless.dashboardBaseUri"),
                ["accessToken"] = n => gc.AccessToken = reader.Secret(n, "goCardless.accessToken"),
                ["timeoutSeconds"] = n => gc.Timeout = TimeSpan.FromSeconds(reader.Integer(n, "goCardless.timeoutSeconds", 1, MaxTimeoutSeconds)),
            });

        private static void ReadHalo(YamlNodeReader reader, YamlNode node, HaloSettings halo) =>
            reader.ReadMapping(node, "halo", new Dictionary<string, Action<YamlNode>>
            {
                ["target"] = n => halo.Target = reader.Enum<HaloTargetKind>(n, "halo.target"),
                ["url"] = n => halo.Url = reader.Uri(n, "halo.url"),
                ["tenant"] = n => halo.Tenant = reader.String(n, "halo.tenant"),
                ["clientId"] = n => halo.ClientId = reader.String(n, "halo.clientId"),
                ["clientSecret"] = n => halo.ClientSecret = reader.Secret(n, "halo.clientSecret"),
                ["scope"] = n => halo.Scope = reader.String(n, "halo.scope") ?? "all",
                ["connectionString"] = n => halo.ConnectionString = ReadConnectionString(reader, n),
                ["password"] = n => halo.Password = reader.Secret(n, "halo.password"),
                ["databasePath"] = n => halo.DatabasePath = reader.String(n, "halo.databasePath"),
                ["linkField"] = n => halo.LinkField = reader.String(n, "halo.linkField") ?? HaloSettings.DefaultLinkField,
                ["requestsPer5Minutes"] = n => halo.RequestsPer5Minutes = reader.Integer(n, "halo.requestsPer5Minutes", 0, 100_000),
                ["timeoutSeconds"] = n => halo.Timeout = TimeSpan.FromSeconds(reader.Integer(n, "halo.timeoutSeconds", 1, MaxTimeoutSeconds)),
            });

        private static void ReadLedger(YamlNodeReader reader, YamlNode node, LedgerSettings ledger) =>
            reader.ReadMapping(node, "ledger", new Dictionary<string, Action<YamlNode>>
            {
                ["connectionString"] = n => ledger.ConnectionString = ReadConnectionString(reader, n, "ledger"),
                ["password"] = n => ledger.Password = reader.Secret(n, "ledger.password"),
            });

        private static void ReadCollection(YamlNodeReader reader, YamlNode node, CollectionSettings collection) =>
            reader.ReadMapping(node, "collection", new Dictionary<string, Action<YamlNode>>
            {
                ["markPaidOn"] = n => collection.MarkPaidOn = MarkPaidOn(reader, n),
                ["maximumRunTotal"] = n => collection.MaximumRunTotal = reader.Integer(n, "collection.maximumRunTotal", 0, int.MaxValue),
                ["retryIfPossible"] = n => collection.RetryIfPossible = reader.Boolean(n, "collection.retryIfPossible"),
                ["failureTicketTypeId"] = n => collection.FailureTicketTypeId = reader.Integer(n, "collection.failureTicketTypeId", 1, int.MaxValue),
            });

        private static string MarkPaidOn(YamlNodeReader reader, YamlNode node)
        {
            var status = reader.String(node, "collection.markPaidOn");
            return status == "paid_out" || status == "confirmed"
                ? status
                : throw reader.Error(node, "collection.markPaidOn must be paid_out or confirmed (when Sync-GcPayment marks a collected invoice paid in Halo), not '" + status + "'.");
        }

        private static string? ReadConnectionString(YamlNodeReader reader, YamlNode node, string section = "halo")
        {
            var text = reader.String(node, section + ".connectionString");
            if (text is not null && SqlConnectionStrings.ContainsPassword(text))
            {
                // Someone pasted a password into the file: refuse to use it rather than run with a clear-text secret.
                throw reader.Error(node, $"'{section}.connectionString' contains a password. Remove the Password= part and set '{section}.password' to a secret reference (env:NAME or secret:NAME), or give the login to Enable-GcModule as a credential on Windows.");
            }

            return text;
        }

        // fieldOwnership: a mapping of field name → Overwrite | FillWhenEmpty | CreateOnly.
        private static Dictionary<string, FieldRule> ReadOwnership(YamlNodeReader reader, YamlNode node)
        {
            var rules = new Dictionary<string, FieldRule>(StringComparer.OrdinalIgnoreCase);
            if (node is not YamlMappingNode mapping)
            {
                throw reader.Error(node, "'fieldOwnership' must map field names to Overwrite, FillWhenEmpty or CreateOnly.");
            }

            foreach (var entry in mapping.Children)
            {
                var field = ((entry.Key as YamlScalarNode)?.Value ?? string.Empty).Trim();
                if (field.Length == 0 || rules.ContainsKey(field))
                {
                    throw reader.Error(entry.Key, $"'fieldOwnership' names the field '{field}' {(field.Length == 0 ? "empty" : "twice")}; keep one rule per field.");
                }

                rules[field] = reader.Enum<FieldRule>(entry.Value, "fieldOwnership." + field);
            }

            return rules;
        }

        private static List<FieldMapping> ReadMappings(YamlNodeReader reader, YamlNode node)
        {
            var mappings = new List<FieldMapping>();
            var index = 0;
            foreach (var item in reader.Sequence(node, "fieldMappings"))
            {
                var context = $"fieldMappings[{index++}]";
                string? gc = null, halo = null;
                reader.ReadMapping(item, context, new Dictionary<string, Action<YamlNode>>
                {
                    ["goCardlessField"] = n => gc = reader.String(n, context + ".goCardlessField"),
                    ["haloField"] = n => halo = reader.String(n, context + ".haloField"),
                });

                FieldMapping mapping;
                try
                {
                    mapping = FieldMapping.Create(gc ?? string.Empty, halo ?? string.Empty);
                }
                catch (GcHaloException ex)
                {
                    throw reader.Error(item, $"'{context}' needs goCardlessField and haloField. {ex.Message}", ex);
                }

                if (mappings.Any(m => m.GoCardlessField == mapping.GoCardlessField))
                {
                    throw reader.Error(item, $"'{context}' maps '{mapping.GoCardlessField}' a second time; keep one mapping per GoCardless field.");
                }

                mappings.Add(mapping);
            }

            return mappings;
        }

        private static string FirstLine(string message)
        {
            var end = message.IndexOfAny(new[] { '\r', '\n' });
            return (end < 0 ? message : message.Substring(0, end)).Trim();
        }
    }
}
