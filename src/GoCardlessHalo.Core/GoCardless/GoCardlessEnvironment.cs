// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>
    /// Which GoCardless account family a token belongs to. Sandbox and live are separate systems with their own
    /// accounts, dashboards and access tokens.
    /// </summary>
    public enum GoCardlessEnvironment
    {
        /// <summary>https://api.gocardless.com, dashboard https://manage.gocardless.com.</summary>
        Live,

        /// <summary>https://api-sandbox.gocardless.com, dashboard https://manage-sandbox.gocardless.com.</summary>
        Sandbox,
    }
}
