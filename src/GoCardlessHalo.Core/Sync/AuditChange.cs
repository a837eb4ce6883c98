// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>One change to record in the audit log (<see cref="AuditLog.WriteAll"/> adds the time and the run).</summary>
    public sealed class AuditChange
    {
        /// <param name="action">What happened, e.g. user.created, user.updated, user.linked, payment.status.</param>
        /// <param name="target">What it happened to, e.g. "halo-user:123".</param>
        /// <param name="customerId">The GoCardless customer concerned, if any.</param>
        /// <param name="before">Values before the change (null for a creation).</param>
        /// <param name="after">Values after the change.</param>
        public AuditChange(string action, string target, string? customerId, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after)
        {
            Action = action;
            Target = target;
            CustomerId = customerId;
            Before = before;
            After = after;
        }

        public string Action { get; }

        public string Target { get; }

        public string? CustomerId { get; }

        public IReadOnlyDictionary<string, string?>? Before { get; }

        public IReadOnlyDictionary<string, string?>? After { get; }
    }
}
