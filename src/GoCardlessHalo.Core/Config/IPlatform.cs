// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Runtime.InteropServices;
using System.Security.Principal;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// The few facts about the machine that configuration depends on. A seam so path resolution and secret
    /// protection can be tested for Windows/SYSTEM on any machine.
    /// </summary>
    public interface IPlatform
    {
        bool IsWindows { get; }

        /// <summary>True when running as LocalSystem (the usual RMM scheduled-task account).</summary>
        bool IsSystemAccount { get; }

        string? GetEnvironmentVariable(string name);

        /// <summary>%ProgramData% on Windows.</summary>
        string CommonApplicationData { get; }

        /// <summary>%APPDATA% on Windows.</summary>
        string ApplicationData { get; }

        /// <summary>The user's home directory.</summary>
        string UserProfile { get; }
    }

    /// <summary>The real machine.</summary>
    public sealed class CurrentPlatform : IPlatform
    {
        public static readonly CurrentPlatform Instance = new CurrentPlatform();

        private readonly Lazy<bool> _isSystem;

        private CurrentPlatform()
        {
            _isSystem = new Lazy<bool>(DetectSystemAccount);
        }

        public bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public bool IsSystemAccount => _isSystem.Value;

        public string CommonApplicationData => Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData);

        public string ApplicationData => Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);

        public string UserProfile => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

        private bool DetectSystemAccount()
        {
            if (!IsWindows)
            {
                return false;
            }

#pragma warning disable CA1416 // guarded by IsWindows above
            using var identity = WindowsIdentity.GetCurrent();
            return identity.IsSystem;
#pragma warning restore CA1416
        }
    }
}
