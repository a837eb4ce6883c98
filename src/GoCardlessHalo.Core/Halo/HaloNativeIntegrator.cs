// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// The state of Halo's own GoCardless integration (https://halopsa.com/guides/article?kbid=2111): whether the Halo Integrator syncs GoCardless,
    /// when it last did and its last error, as far as the target can tell. When the target cannot tell (a Halo
    /// version without the setting, a refused read) <see cref="UnknownReason"/> says why.
    /// </summary>
    internal sealed class HaloNativeIntegrator
    {
        private HaloNativeIntegrator(bool enabled, string source, string? lastSync, string? lastError, string? unknownReason)
        {
            Enabled = enabled;
            Source = source;
            LastSync = lastSync;
            LastError = lastError;
            UnknownReason = unknownReason;
        }

        /// <summary>True when Halo's integrator is switched on for GoCardless.</summary>
        public bool Enabled { get; }

        /// <summary>Where the state was read, e.g. <c>GET /api/Control</c> or <c>MODULESETUP</c>.</summary>
        public string Source { get; }

        /// <summary>When Halo's integrator last synced GoCardless, as Halo gave it; null when not recorded.</summary>
        public string? LastSync { get; }

        /// <summary>Halo's integrator's last GoCardless error, as Halo gave it; null when none.</summary>
        public string? LastError { get; }

        /// <summary>Why the state could not be read; null when it was.</summary>
        public string? UnknownReason { get; }

        public bool IsKnown => UnknownReason is null;

        public static HaloNativeIntegrator Known(bool enabled, string source, string? lastSync, string? lastError) =>
            new HaloNativeIntegrator(enabled, source, Blank(lastSync), Blank(lastError), null);

        public static HaloNativeIntegrator Unknown(string source, string reason) =>
            new HaloNativeIntegrator(false, source, null, null, reason);

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
