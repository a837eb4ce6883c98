// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Globalization;
using System.Linq;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// The one shape of an import's audit line (user.created, user.updated, user.linked: the plan's field changes,
    /// no before-values for a creation), as intended before the write (<see cref="AuditLog.Intend"/>) and as written
    /// once Halo answered (a killed run's intent is confirmed by <see cref="ConfirmedUserChanges"/>).
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
    }
}
