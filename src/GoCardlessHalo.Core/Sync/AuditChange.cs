// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>One change to record in the audit log (<see cref="AuditLog.WriteAll"/> adds the time and the run).</summary>
    /// <param name="Action">What happened, e.g. user.created, user.updated, user.linked, payment.status.</param>
    /// <param name="Target">What it happened to, e.g. "halo-user:123".</param>
    /// <param name="CustomerId">The GoCardless customer concerned, if any.</param>
    /// <param name="Before">Values before the change (null for a creation).</param>
    /// <param name="After">Values after the change.</param>
    public sealed record AuditChange(
        string Action,
        string Target,
        string? CustomerId,
        IReadOnlyDictionary<string, string?>? Before,
        IReadOnlyDictionary<string, string?>? After);
}
