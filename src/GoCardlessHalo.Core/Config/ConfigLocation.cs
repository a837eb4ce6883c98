// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// Where the settings file and everything kept beside it (state, audit log, embedded databases, lock) live.
    /// </summary>
    public sealed class ConfigLocation
    {
        /// <summary>Name of the settings file inside the data folder.</summary>
        public const string SettingsFileName = "GoCardlessHalo.yaml";

        /// <summary>Environment variable naming the data folder.</summary>
        public const string HomeVariable = "GOCARDLESSHALO_HOME";

        private ConfigLocation(string settingsPath, ConfigLocationSource source)
        {
            SettingsPath = settingsPath;
            DataDirectory = Path.GetDirectoryName(settingsPath) ?? Directory.GetCurrentDirectory();
            Source = source;
        }

        /// <summary>Full path of the YAML settings file.</summary>
        public string SettingsPath { get; }

        /// <summary>The folder holding the settings file; state, audit log and embedded databases go here too.</summary>
        public string DataDirectory { get; }

        /// <summary>How the location was chosen (for Get-GcModule and troubleshooting).</summary>
        public ConfigLocationSource Source { get; }

        /// <summary>A file beside the settings file.</summary>
        public string Beside(string fileName) => Path.Combine(DataDirectory, fileName);

        /// <summary>
        /// Resolves the location: an explicit path first (a settings file, or a folder that holds
        /// GoCardlessHalo.yaml), then $env:GOCARDLESSHALO_HOME, then the OS default:
        /// Windows %ProgramData%\GoCardlessHalo when running as SYSTEM, otherwise %APPDATA%\GoCardlessHalo;
        /// elsewhere $XDG_CONFIG_HOME/GoCardlessHalo or ~/.config/GoCardlessHalo.
        /// </summary>
        /// <param name="explicitPath">-ConfigPath, already resolved to a full file-system path, or null.</param>
        /// <param name="platform">The machine.</param>
        public static ConfigLocation Resolve(string? explicitPath, IPlatform platform)
        {
            if (!string.IsNullOrWhiteSpace(explicitPath))
            {
                return FromPath(explicitPath!, ConfigLocationSource.Parameter);
            }

            var home = platform.GetEnvironmentVariable(HomeVariable);
            if (!string.IsNullOrWhiteSpace(home))
            {
                return FromPath(home!, ConfigLocationSource.EnvironmentVariable);
            }

            return new ConfigLocation(Path.Combine(DefaultDirectory(platform), SettingsFileName), ConfigLocationSource.Default);
        }

        private static string DefaultDirectory(IPlatform platform)
        {
            if (platform.IsWindows)
            {
                var root = platform.IsSystemAccount ? platform.CommonApplicationData : platform.ApplicationData;
                return Path.Combine(root, "GoCardlessHalo");
            }

            var xdg = platform.GetEnvironmentVariable("XDG_CONFIG_HOME");
            var configRoot = string.IsNullOrWhiteSpace(xdg) ? Path.Combine(platform.UserProfile, ".config") : xdg!;
            return Path.Combine(configRoot, "GoCardlessHalo");
        }

        // A path naming a .yaml/.yml file is the settings file; anything else is the folder that holds it.
        private static ConfigLocation FromPath(string path, ConfigLocationSource source)
        {
            var full = Path.GetFullPath(path);
            var extension = Path.GetExtension(full);
            var isFile = !Directory.Exists(full)
                         && (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase));
            return new ConfigLocation(isFile ? full : Path.Combine(full, SettingsFileName), source);
        }
    }

    /// <summary>Which rule chose the configuration location.</summary>
    public enum ConfigLocationSource
    {
        Parameter,
        EnvironmentVariable,
        Default,
    }
}
