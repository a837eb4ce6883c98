// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>The configuration one cmdlet invocation works with: where it is, what it says, how to save it.</summary>
    internal sealed class ModuleContext
    {
        public ModuleContext(ConfigLocation location, ISecretVault vault)
        {
            Location = location;
            Store = new ConfigStore(location);
            Settings = Store.Load(out var warnings);
            Warnings = warnings;
            Secrets = new SecretResolver(CurrentPlatform.Instance, vault);
            SyncState = new SyncStateStore(location);
        }

        public ConfigLocation Location { get; }

        public ConfigStore Store { get; }

        /// <summary>The settings as loaded (or defaults when there is no file yet), or as last replaced.</summary>
        public ModuleSettings Settings { get; private set; }

        /// <summary>Problems found while loading that did not stop it (unknown keys).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public SecretResolver Secrets { get; }

        public SyncStateStore SyncState { get; }

        public bool IsConfigured => Store.Exists;

        public void Save() => Store.Save(Settings);

        /// <summary>Saves <paramref name="settings"/> in place of the loaded ones.</summary>
        public void Save(ModuleSettings settings)
        {
            Store.Save(settings);
            Settings = settings;
        }
    }
}
