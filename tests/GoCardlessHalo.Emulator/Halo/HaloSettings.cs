// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// The Halo settings in force: start from <see cref="HaloEmulatorOptions"/>, can be changed while running
/// through POST /__admin/halo/settings (a script that starts the emulator once can still test rate limits),
/// and go back to the start-up values on POST /__admin/reset.
/// </summary>
public sealed class HaloSettings : IEmulatorState
{
    private readonly HaloEmulatorOptions _startup;

    public HaloSettings(EmulatorOptions options)
    {
        _startup = options.Halo;
        Reset();
    }

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    public string Tenant { get; set; } = string.Empty;

    public int TokenLifetimeSeconds { get; set; }

    public int RateLimitPer5Minutes { get; set; }

    public int MaxPageSize { get; set; }

    public bool Root { get; set; }

    public UsersPostAnswer UsersPostAnswer { get; set; }

    public FieldInfoListing FieldInfoListing { get; set; }

    public bool SiteListInvoiceFlag { get; set; }

    public PageNumbering PageNumbering { get; set; }

    public UserListCustomFields UserListCustomFields { get; set; }

    public CustomFieldsPost CustomFieldsPost { get; set; }

    public void Reset()
    {
        ClientId = _startup.ClientId;
        ClientSecret = _startup.ClientSecret;
        Tenant = _startup.Tenant;
        TokenLifetimeSeconds = _startup.TokenLifetimeSeconds;
        RateLimitPer5Minutes = _startup.RateLimitPer5Minutes;
        MaxPageSize = _startup.MaxPageSize;
        Root = _startup.Root;
        UsersPostAnswer = _startup.UsersPostAnswer;
        FieldInfoListing = _startup.FieldInfoListing;
        SiteListInvoiceFlag = _startup.SiteListInvoiceFlag;
        PageNumbering = _startup.PageNumbering;
        UserListCustomFields = _startup.UserListCustomFields;
        CustomFieldsPost = _startup.CustomFieldsPost;
    }
}
