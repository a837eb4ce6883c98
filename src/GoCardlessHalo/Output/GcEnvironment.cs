// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>The GoCardless environment: a separate account, dashboard and tokens each.</summary>
    public enum GcEnvironment
    {
        /// <summary>https://api-sandbox.gocardless.com, for trying things out.</summary>
        Sandbox = 0,

        /// <summary>https://api.gocardless.com, real payments.</summary>
        Live = 1,
    }
}
