// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>
    /// Which payments Get-GcPayment lists; every filter is optional and they combine with AND. Results come newest
    /// first as in Halo's "GoCardless Payments" tab: by charge date, then by creation time.
    /// </summary>
    public sealed class PaymentQuery
    {
        /// <summary>Only payments of the customer linked to this Halo user.</summary>
        public int? HaloUserId { get; set; }

        /// <summary>Only payments of this GoCardless customer (CU…; surrounding spaces and case do not matter).</summary>
        public string? CustomerId { get; set; }

        /// <summary>Only payments in one of these statuses (e.g. failed, charged_back).</summary>
        public IReadOnlyList<string>? Statuses { get; set; }

        /// <summary>
        /// Only payments charged on or after this day. The charge date (not the creation time) is used because it
        /// is the date people mean by "a payment in March" and the one the list is ordered by; its time of day is
        /// ignored.
        /// </summary>
        public DateTime? Since { get; set; }

        /// <summary>
        /// Only payments whose status changed at or after this time (the GoCardless event's time; history read by the first
        /// run's backfill has no change time and is never matched).
        /// </summary>
        public DateTimeOffset? ChangedSince { get; set; }

        /// <inheritdoc />
        public override string ToString()
        {
            var parts = new List<string>();
            if (HaloUserId is { } user)
            {
                parts.Add("Halo user " + user);
            }

            if (!string.IsNullOrWhiteSpace(CustomerId))
            {
                parts.Add("customer " + CustomerId);
            }

            if (Statuses is { Count: > 0 })
            {
                parts.Add("status " + string.Join("/", Statuses));
            }

            if (Since is { } since)
            {
                parts.Add("charged since " + since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (ChangedSince is { } changed)
            {
                parts.Add("status changed since " + changed.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
            }

            return parts.Count == 0 ? "all payments" : string.Join(", ", parts);
        }
    }
}
