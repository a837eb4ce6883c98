// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>A Halo customer (AREA row / api/Client object).</summary>
    public sealed class HaloClient
    {
        /// <summary>The customer's id (AREA.Aarea / id).</summary>
        public int Id { get; set; }

        /// <summary>The customer's name (AREA.aareadesc / name).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>True when the customer is inactive in Halo.</summary>
        public bool Inactive { get; set; }
    }

    /// <summary>A Halo site (SITE row / api/Site object).</summary>
    public sealed class HaloSite
    {
        /// <summary>The site's id (SITE.Ssitenum / id).</summary>
        public int Id { get; set; }

        /// <summary>The site's name (SITE.sdesc / name).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The customer the site belongs to (SITE.Sarea / client_id).</summary>
        public int ClientId { get; set; }

        /// <summary>That customer's name.</summary>
        public string ClientName { get; set; } = string.Empty;

        /// <summary>The customer's invoice site (SIsInvoiceSite / isinvoicesite): where imported users land.</summary>
        public bool IsInvoiceSite { get; set; }

        /// <summary>True when the site is inactive in Halo.</summary>
        public bool Inactive { get; set; }
    }

    /// <summary>A Halo user (USERS row / api/Users object) with its custom field values.</summary>
    public sealed class HaloUser
    {
        /// <summary>The user's id (USERS.Uid / id).</summary>
        public int Id { get; set; }

        /// <summary>Display name (uusername / name).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>First name (uFirstName / firstname).</summary>
        public string? FirstName { get; set; }

        /// <summary>Surname (uLastName / surname).</summary>
        public string? Surname { get; set; }

        /// <summary>Email address (uemail / emailaddress).</summary>
        public string? Email { get; set; }

        /// <summary>Phone number (uextn / phonenumber).</summary>
        public string? Phone { get; set; }

        /// <summary>The user's site (Usite / site_id).</summary>
        public int SiteId { get; set; }

        /// <summary>That site's name.</summary>
        public string? SiteName { get; set; }

        /// <summary>The customer of the user's site.</summary>
        public int ClientId { get; set; }

        /// <summary>That customer's name.</summary>
        public string? ClientName { get; set; }

        /// <summary>True when the user is inactive in Halo.</summary>
        public bool Inactive { get; set; }

        /// <summary>Custom field values by field name (as in FIELDINFO.FIName), compared case-insensitively.</summary>
        public IDictionary<string, string?> CustomFields { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Which users to read.</summary>
    public sealed class HaloUserQuery
    {
        /// <summary>Only users of this customer.</summary>
        public int? ClientId { get; set; }

        /// <summary>Only users of this site.</summary>
        public int? SiteId { get; set; }

        /// <summary>
        /// When set, only users whose custom field of this name has a value (linked users) are returned;
        /// with <see cref="LinkValue"/> also set, only users whose value equals it.
        /// </summary>
        public string? LinkField { get; set; }

        /// <summary>The GoCardless customer id to look for in <see cref="LinkField"/>.</summary>
        public string? LinkValue { get; set; }

        /// <summary>Include inactive users.</summary>
        public bool IncludeInactive { get; set; }

        /// <summary>
        /// When set, only these users (a user that no longer exists is left out). The API target reads each by id
        /// (one request per user), so this is for the few users a run is about to write, not for lists.
        /// </summary>
        public IReadOnlyCollection<int>? UserIds { get; set; }
    }

    /// <summary>A custom field definition (FIELDINFO row / api/FieldInfo object).</summary>
    public sealed class HaloFieldDefinition
    {
        /// <summary>FieldInfo type code of a Text field.</summary>
        public const int TextType = 0;

        /// <summary>FieldInfo usage (entity) code of the User entity.</summary>
        public const int UserUsage = 4;

        /// <summary>The field's id (FIELDINFO.FIid / id), which ties values to the field.</summary>
        public int Id { get; set; }

        /// <summary>The field's name without the CF prefix (FIName / name).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The label agents see (FILabel / label).</summary>
        public string? Label { get; set; }

        /// <summary>The FieldInfo type code (<see cref="TextType"/> for Text).</summary>
        public int Type { get; set; }

        /// <summary>The FieldInfo usage code: which entity the field belongs to (<see cref="UserUsage"/> for users).</summary>
        public int Usage { get; set; }

        /// <summary>True for a Text field of the User entity, the only kind the module writes.</summary>
        public bool IsUserText => Type == TextType && Usage == UserUsage;
    }

    /// <summary>A user to create (<see cref="Id"/> null) or update. Null scalar values are left unchanged.</summary>
    public sealed class HaloUserWrite
    {
        /// <summary>The user to update; null creates a user.</summary>
        public int? Id { get; set; }

        /// <summary>The site the user belongs to; required for a new user.</summary>
        public int? SiteId { get; set; }

        /// <summary>Display name; a new user without one is named from first name and surname.</summary>
        public string? Name { get; set; }

        /// <summary>First name.</summary>
        public string? FirstName { get; set; }

        /// <summary>Surname.</summary>
        public string? Surname { get; set; }

        /// <summary>Email address.</summary>
        public string? Email { get; set; }

        /// <summary>Phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>Custom field values to set, by field name; merged into the user's existing values.</summary>
        public IDictionary<string, string?> CustomFields { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Outcome of one <see cref="HaloUserWrite"/>.</summary>
    public sealed class HaloUserWriteResult
    {
        /// <summary>The outcome for user <paramref name="userId"/>.</summary>
        public HaloUserWriteResult(int userId, bool created)
        {
            UserId = userId;
            Created = created;
        }

        /// <summary>The id of the user written (the new id for a created user).</summary>
        public int UserId { get; }

        /// <summary>True when the user was created, false when updated.</summary>
        public bool Created { get; }
    }
}
