// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Health
{
    /// <summary>The outcome of one health check.</summary>
    public enum HealthStatus
    {
        /// <summary>Everything the check looks at is as it should be.</summary>
        Passed,

        /// <summary>Works, but needs attention (e.g. never synced, sync getting old, Halo's own integrator on).</summary>
        Warning,

        /// <summary>Broken: the sync will fail or do the wrong thing until this is fixed.</summary>
        Failed,

        /// <summary>Not run, because a check it depends on did not pass, or it cannot be determined on this setup.</summary>
        Skipped,
    }
}
