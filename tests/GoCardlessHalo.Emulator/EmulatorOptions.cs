// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Emulator;

/// <summary>
/// Settings, bound from the "Emulator" configuration section, e.g.
/// <c>--Emulator:GoCardless:AccessToken=abc</c> on the command line or <c>Emulator__Halo__ClientSecret</c>.
/// </summary>
public sealed class EmulatorOptions
{
    public GoCardlessEmulatorOptions GoCardless { get; set; } = new();

    public HaloEmulatorOptions Halo { get; set; } = new();
}

public sealed class GoCardlessEmulatorOptions
{
    /// <summary>The access token the emulated API accepts.</summary>
    public string AccessToken { get; set; } = "emulator-token";

    /// <summary>Requests per minute before 429 rate_limit_exceeded.</summary>
    public int RateLimitPerMinute { get; set; } = 1000;
}

public sealed class HaloEmulatorOptions
{
    public string ClientId { get; set; } = "emulator-client";

    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>The tenant /api/authinfo reports; a token request naming another tenant is refused.</summary>
    public string Tenant { get; set; } = "emulator";

    /// <summary>Lifetime of issued tokens in seconds (short values let renewal be tested).</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Requests per rolling 5 minutes before 429 (0 = unlimited).</summary>
    public int RateLimitPer5Minutes { get; set; } = 0;

    /// <summary>Server-side page size cap, as real Halo caps pages at 100 whatever page_size says.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Also serve Halo at the root of the address (/api, /auth), as hosted Halo is; clients that hard-code
    /// /api/authinfo and /auth/token at the host root need it.</summary>
    public bool Root { get; set; }

    // The variant switches: Halo behaviours no public source settles (README "Variants"; inferred except the defaults).

    /// <summary>What POST /api/Users answers for several users.</summary>
    public Halo.UsersPostAnswer UsersPostAnswer { get; set; } = Halo.UsersPostAnswer.Array;

    /// <summary>What GET /api/FieldInfo lists without typeid, and whether rows carry usage.</summary>
    public Halo.FieldInfoListing FieldInfoListing { get; set; } = Halo.FieldInfoListing.Every;

    /// <summary>Whether GET /api/Site list rows carry isinvoicesite (the single-site GET always does).</summary>
    public bool SiteListInvoiceFlag { get; set; } = true;

    /// <summary>Whether page_no counts by the capped or the requested page size.</summary>
    public Halo.PageNumbering PageNumbering { get; set; } = Halo.PageNumbering.CappedSize;

    /// <summary>What GET /api/Users list rows carry for include_custom_fields.</summary>
    public Halo.UserListCustomFields UserListCustomFields { get; set; } = Halo.UserListCustomFields.Honoured;

    /// <summary>Whether a posted customfields array replaces or merges into the user's values.</summary>
    public Halo.CustomFieldsPost CustomFieldsPost { get; set; } = Halo.CustomFieldsPost.Replace;
}
