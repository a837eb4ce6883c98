// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using GoCardlessHalo.Core.Config.Yaml;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// Loads and saves the settings file. Saving is atomic (a temporary file in the same folder, then a
    /// replace that keeps the previous version as .bak), and a file that does not load is never overwritten.
    /// </summary>
    public sealed class ConfigStore
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        public ConfigStore(ConfigLocation location)
        {
            Location = location;
        }

        public ConfigLocation Location { get; }

        public string BackupPath => Location.SettingsPath + ".bak";

        public bool Exists => File.Exists(Location.SettingsPath);

        /// <summary>Reads the settings; a missing file gives default (disabled, unconfigured) settings.</summary>
        /// <param name="warnings">Problems that did not stop loading, such as unknown keys.</param>
        /// <exception cref="ConfigFileException">The file is not valid; nothing was changed.</exception>
        /// <exception cref="GcHaloException">FieldMappingConflict: a mapping into the link field, or two into one Halo field.</exception>
        public ModuleSettings Load(out IReadOnlyList<string> warnings)
        {
            if (!Exists)
            {
                warnings = Array.Empty<string>();
                return new ModuleSettings();
            }

            string text;
            try
            {
                text = File.ReadAllText(Location.SettingsPath, Utf8NoBom);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new GcHaloException(
                    ErrorIds.ConfigFileUnreadable,
                    ErrorKind.PermissionDenied,
                    $"Cannot read the settings file '{Location.SettingsPath}': {ex.Message} Check that the account running PowerShell can read it.",
                    Location.SettingsPath,
                    ex);
            }

            using var reader = new StringReader(text);
            var settings = SettingsYamlReader.Read(reader, Location.SettingsPath, out warnings);
            FieldMappingRules.CheckAll(settings, Location.SettingsPath);
            return settings;
        }

        /// <summary>Writes the settings atomically, keeping the previous file as .bak.</summary>
        /// <exception cref="ConfigFileException">The existing file is not valid, so it is left alone.</exception>
        public void Save(ModuleSettings settings)
        {
            // Callers load before they save, but a file may have been broken by hand since; re-check so a bad
            // file is never replaced (the user's edits in it would be lost).
            if (Exists)
            {
                Load(out _);
            }

            FieldMappingRules.CheckAll(settings, null);

            try
            {
                AtomicFile.Write(
                    Location.SettingsPath,
                    stream =>
                    {
                        using var writer = new StreamWriter(stream, Utf8NoBom, 4096, leaveOpen: true) { NewLine = "\n" };
                        SettingsYamlWriter.Write(writer, settings);
                    },
                    BackupPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new GcHaloException(
                    ErrorIds.ConfigFileWriteFailed,
                    ErrorKind.PermissionDenied,
                    $"Cannot write the settings file '{Location.SettingsPath}': {ex.Message} The previous file is unchanged. Check that the account running PowerShell can write to '{Location.DataDirectory}'.",
                    Location.SettingsPath,
                    ex);
            }
        }
    }
}
