// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GoCardlessHalo.Core.Config.Yaml
{
    /// <summary>
    /// Typed access to a YAML node tree that reports every problem with the file's line and column, and
    /// collects a warning for every key it does not know.
    /// </summary>
    internal sealed class YamlNodeReader
    {
        private readonly string _path;

        public YamlNodeReader(string path)
        {
            _path = path;
        }

        public List<string> Warnings { get; } = new List<string>();

        /// <summary>Calls the handler of each known key; unknown keys become warnings.</summary>
        public void ReadMapping(YamlNode node, string context, IReadOnlyDictionary<string, Action<YamlNode>> handlers)
        {
            if (node is YamlScalarNode scalar && IsNull(scalar))
            {
                return;
            }

            if (node is not YamlMappingNode mapping)
            {
                throw Error(node, $"'{context}' must be a mapping of keys to values.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in mapping.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                if (!seen.Add(key))
                {
                    throw Error(entry.Key, $"'{Join(context, key)}' appears twice; keep one.");
                }

                if (handlers.TryGetValue(key, out var handler))
                {
                    handler(entry.Value);
                }
                else
                {
                    Warnings.Add($"{_path}: line {entry.Key.Start.Line}, column {entry.Key.Start.Column}: unknown setting '{Join(context, key)}' is ignored. Check its spelling (names are case-sensitive).");
                }
            }
        }

        public IEnumerable<YamlNode> Sequence(YamlNode node, string context)
        {
            if (node is YamlScalarNode scalar && IsNull(scalar))
            {
                return Array.Empty<YamlNode>();
            }

            return node is YamlSequenceNode sequence ? sequence.Children : throw Error(node, $"'{context}' must be a list (lines starting with '- ').");
        }

        public string? String(YamlNode node, string context)
        {
            var scalar = Scalar(node, context);
            return IsNull(scalar) ? null : scalar.Value;
        }

        public bool Boolean(YamlNode node, string context)
        {
            var text = Scalar(node, context).Value ?? string.Empty;
            return text.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => throw Error(node, $"'{context}' must be true or false, not '{text}'."),
            };
        }

        public int Integer(YamlNode node, string context, int min, int max)
        {
            var text = Scalar(node, context).Value ?? string.Empty;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            throw Error(node, $"'{context}' must be a whole number from {min} to {max}, not '{text}'.");
        }

        public TEnum Enum<TEnum>(YamlNode node, string context)
            where TEnum : struct
        {
            var text = Scalar(node, context).Value ?? string.Empty;
            if (!int.TryParse(text, out _) && System.Enum.TryParse(text, true, out TEnum value))
            {
                return value;
            }

            throw Error(node, $"'{context}' must be one of {string.Join(", ", System.Enum.GetNames(typeof(TEnum)))}, not '{text}'.");
        }

        public Uri? Uri(YamlNode node, string context)
        {
            var text = String(node, context);
            if (text is null)
            {
                return null;
            }

            return System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
                ? uri
                : throw Error(node, $"'{context}' must be an absolute http(s) address, not '{text}'.");
        }

        public SecretReference? Secret(YamlNode node, string context)
        {
            var text = String(node, context);
            if (text is null)
            {
                return null;
            }

            try
            {
                return SecretReference.Parse(text, context);
            }
            catch (Errors.GcHaloException ex)
            {
                throw Error(node, ex.Message, ex);
            }
        }

        public ConfigFileException Error(YamlNode node, string problem, Exception? inner = null) =>
            new ConfigFileException(_path, node.Start.Line, node.Start.Column, problem, inner);

        private static string Join(string context, string key) => context.Length == 0 ? key : context + "." + key;

        private static bool IsNull(YamlScalarNode scalar) =>
            scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null");

        private YamlScalarNode Scalar(YamlNode node, string context) =>
            node as YamlScalarNode ?? throw Error(node, $"'{context}' must be a single value, not a list or mapping.");
    }
}
