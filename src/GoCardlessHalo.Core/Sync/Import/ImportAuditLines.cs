// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// The one shape of an import's audit line (user.created, user.updated, user.linked: the plan's field changes,
    /// no before-values for a creation), as intended before the write (<see cref="AuditLog.Intend"/>), as written
    /// once Halo answered, and as confirmed from Halo as read when a killed run left only its intent
    /// (<see cref="AuditLog.Reconcile"/>).
    /// </summary>
    internal static class ImportAuditLines
    {
        /// <summary>The plan's line; <paramref name="userId"/> null before Halo has answered a create.</summary>
        public static AuditChange Of(ImportPlan plan, int? userId)
        {
            var after = plan.Changes.ToDictionary(c => c.Field, c => c.NewValue);
            var before = plan.ExistingUser is null ? null : plan.Changes.ToDictionary(c => c.Field, c => c.OldValue);
            var target = userId is { } id ? AuditEntry.HaloUserPrefix + id.ToString(CultureInfo.InvariantCulture) : AuditIntent.UnknownUser;
            return new AuditChange("user." + plan.Action.ToString().ToLowerInvariant(), target, plan.Customer.Id, before, after);
        }

        /// <summary>
        /// The intended change as Halo holds it, or null when it does not: a create is done when a user holds the
        /// customer's link (the newest, Halo's ids grow, should a duplicate hold it too; its id becomes the target);
        /// an update or a link when the user it names holds the link and every intended after-value.
        /// </summary>
        public static AuditChange? Confirm(AuditChange intended, HaloDirectory directory)
        {
            if (intended.CustomerId is not { } customerId)
            {
                return null;
            }

            switch (intended.Action)
            {
                case "user.created":
                    var holders = directory.UsersLinkedTo(customerId);
                    return holders.Count == 0 ? null : intended with { Target = AuditEntry.HaloUserPrefix + holders.Max(u => u.Id).ToString(CultureInfo.InvariantCulture) };
                case "user.updated":
                case "user.linked":
                    var user = AuditEntry.HaloUserIdOf(intended.Target) is { } id ? directory.User(id) : null;
                    return user is not null && Holds(user, customerId, intended, directory) ? intended : null;
                default:
                    return null;
            }
        }

        private static bool Holds(HaloUser user, string customerId, AuditChange intended, HaloDirectory directory) =>
            LinkValues.SameCustomer(directory.LinkValue(user), customerId)
            && (intended.After ?? new Dictionary<string, string?>())
                .All(pair => pair.Value is null ? string.IsNullOrWhiteSpace(ImportPlanner.CurrentValue(user, pair.Key)) : ImportPlanner.SameValue(pair.Key, ImportPlanner.CurrentValue(user, pair.Key), pair.Value));
    }
}
