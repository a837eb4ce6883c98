// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// The one rule that tells, from Halo as an import read it, whether an intended change to a Halo user (an
    /// <see cref="AuditIntent"/> a killed run left, <see cref="AuditLog.Reconcile"/>) happened. A create is done when a
    /// user holds the customer's link (the newest, Halo's ids grow, should a duplicate hold it too; its id becomes the
    /// target); an update, a link or a payment summary when the user it names holds the link and every intended
    /// after-value; a link set
    /// or cleared by hand when the user holds the intended link value; a move out of the Default Site when the user is
    /// in the intended site. Anything else is not confirmed (null).
    /// </summary>
    public static class ConfirmedUserChanges
    {
        /// <summary>Whether an intent's action is a change to a Halo user this rule can judge (user.*).</summary>
        public static bool Judges(string action) => action.StartsWith("user.", StringComparison.Ordinal);

        /// <summary>The intended change as Halo holds it (a created user's id filled in), or null when Halo does not hold it.</summary>
        public static AuditChange? Confirm(AuditChange intended, HaloDirectory directory)
        {
            if (intended.Action == "user.created")
            {
                var holders = intended.CustomerId is { } customerId ? directory.UsersLinkedTo(customerId) : Array.Empty<HaloUser>();
                return holders.Count == 0 ? null : intended with { Target = AuditEntry.HaloUserPrefix + holders.Max(u => u.Id).ToString(CultureInfo.InvariantCulture) };
            }

            var user = AuditEntry.HaloUserIdOf(intended.Target) is { } id ? directory.User(id) : null;
            if (user is null)
            {
                return null;
            }

            var after = intended.After ?? new Dictionary<string, string?>();
            var done = intended.Action switch
            {
                "user.updated" or "user.linked" or "user.payment_summary" => LinkValues.SameCustomer(directory.LinkValue(user), intended.CustomerId) && after.All(pair => Holds(user, pair.Key, pair.Value, directory)),
                "user.linked-by-hand" or "user.unlinked" => after.All(pair => Holds(user, pair.Key, pair.Value, directory)),
                "user.moved-from-default-site" => after.TryGetValue("Site", out var site) && string.Equals(SiteLabel(user, directory), site, StringComparison.Ordinal),
                _ => false,
            };
            return done ? intended : null;
        }

        /// <summary>How a move's audit line names a site: "client/site".</summary>
        public static string SiteLabel(HaloSite site) => $"{site.ClientName}/{site.Name}";

        private static string? SiteLabel(HaloUser user, HaloDirectory directory) => directory.Site(user.SiteId) is { } site ? SiteLabel(site) : null;

        private static bool Holds(HaloUser user, string field, string? value, HaloDirectory directory)
        {
            var current = ImportPlanner.CurrentValue(user, field);
            if (string.Equals(field, directory.LinkField, StringComparison.OrdinalIgnoreCase))
            {
                return LinkValues.Comparer.Equals(LinkValues.Read(user, directory.LinkField), value);
            }

            return value is null ? string.IsNullOrWhiteSpace(current) : ImportPlanner.SameValue(field, current, value);
        }
    }
}
