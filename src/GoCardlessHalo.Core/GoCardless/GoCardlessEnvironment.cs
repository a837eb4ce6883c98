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

    /// <summary>What an access token's text reveals.</summary>
    public static class GoCardlessTokens
    {
        /// <summary>
        /// The environment a token visibly belongs to: GoCardless prefixes access tokens with live_ or sandbox_.
        /// Null for tokens without either prefix (the emulator's, or a future format).
        /// </summary>
        public static GoCardlessEnvironment? EnvironmentOf(string token) =>
            token.StartsWith("live_", System.StringComparison.Ordinal) ? GoCardlessEnvironment.Live
            : token.StartsWith("sandbox_", System.StringComparison.Ordinal) ? GoCardlessEnvironment.Sandbox
            : null;
    }
}
