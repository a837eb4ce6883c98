// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>A Halo customer (AREA row / api/Client object).</summary>
    public sealed class HaloClient
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public bool Inactive { get; set; }
    }

    /// <summary>A Halo site (SITE row / api/Site object).</summary>
    public sealed class HaloSite
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public int ClientId { get; set; }

        public string ClientName { get; set; } = string.Empty;

        /// <summary>The customer's invoice site (SIsInvoiceSite / isinvoicesite): where imported users land.</summary>
        public bool IsInvoiceSite { get; set; }

        public bool Inactive { get; set; }
    }

    /// <summary>A Halo user (USERS row / api/Users object) with its custom field values.</summary>
    public sealed class HaloUser
    {
        public int Id { get; set; }

        /// <summary>Display name (uusername / name).</summary>
        public string Name { get; set; } = string.Empty;

        public string? FirstName { get; set; }

        public string? Surname { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public int SiteId { get; set; }

        public string? SiteName { get; set; }

        public int ClientId { get; set; }

        public string? ClientName { get; set; }

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
    }

    /// <summary>A custom field definition (FIELDINFO row / api/FieldInfo object).</summary>
    public sealed class HaloFieldDefinition
    {
        /// <summary>FieldInfo type code of a Text field.</summary>
        public const int TextType = 0;

        /// <summary>FieldInfo usage (entity) code of the User entity.</summary>
        public const int UserUsage = 4;

        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Label { get; set; }

        public int Type { get; set; }

        public int Usage { get; set; }

        public bool IsUserText => Type == TextType && Usage == UserUsage;
    }

    /// <summary>A user to create (<see cref="Id"/> null) or update. Null scalar values are left unchanged.</summary>
    public sealed class HaloUserWrite
    {
        public int? Id { get; set; }

        public int? SiteId { get; set; }

        public string? Name { get; set; }

        public string? FirstName { get; set; }

        public string? Surname { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        /// <summary>Custom field values to set, by field name; merged into the user's existing values.</summary>
        public IDictionary<string, string?> CustomFields { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Outcome of one <see cref="HaloUserWrite"/>.</summary>
    public sealed class HaloUserWriteResult
    {
        public HaloUserWriteResult(int userId, bool created)
        {
            UserId = userId;
            Created = created;
        }

        public int UserId { get; }

        public bool Created { get; }
    }
}
