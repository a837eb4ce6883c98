// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Every emulated Halo record has an application-allocated integer id.</summary>
public interface IHaloRecord
{
    int Id { get; set; }
}

/// <summary>A Halo customer (AREA / api/Client). main_site_id is derived from the sites, see <see cref="HaloState"/>.</summary>
public sealed class HaloClientRecord : IHaloRecord
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool Inactive { get; set; }
}

/// <summary>A Halo site (SITE / api/Site).</summary>
public sealed class HaloSiteRecord : IHaloRecord
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int ClientId { get; set; }

    public bool IsInvoiceSite { get; set; }

    public bool Inactive { get; set; }

    public string? PhoneNumber { get; set; }
}

/// <summary>A Halo user (USERS / api/Users). Custom field values are keyed by FieldInfo id.</summary>
public sealed class HaloUserRecord : IHaloRecord
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? FirstName { get; set; }

    public string? Surname { get; set; }

    public string? EmailAddress { get; set; }

    public string? PhoneNumber { get; set; }

    public string? MobileNumber { get; set; }

    public string? Title { get; set; }

    public string? Notes { get; set; }

    public int SiteId { get; set; }

    public bool Inactive { get; set; }

    public Dictionary<int, string?> CustomFields { get; set; } = new();
}

/// <summary>A custom field definition (FIELDINFO / api/FieldInfo).</summary>
public sealed class HaloFieldRecord : IHaloRecord
{
    public int Id { get; set; }

    /// <summary>The field's Name (no CF prefix); on entities it appears as "CF" + Name.</summary>
    public string Name { get; set; } = string.Empty;

    public string? Label { get; set; }

    public int Type { get; set; }

    public int InputType { get; set; }

    /// <summary>Entity the field belongs to: 1 tickets, 2 clients, 3 sites, 4 users (Halo's TableEnum).</summary>
    public int Usage { get; set; }
}
