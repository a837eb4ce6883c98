// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.GoCardless.Internal;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>What every list accepts: created_at bounds and the page size (default and maximum 500).</summary>
    public abstract class ListFilter
    {
        /// <summary>created_at[gt]: strictly after.</summary>
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>created_at[gte]: at or after.</summary>
        public DateTimeOffset? CreatedOnOrAfter { get; set; }

        /// <summary>created_at[lt]: strictly before.</summary>
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>created_at[lte]: at or before.</summary>
        public DateTimeOffset? CreatedOnOrBefore { get; set; }

        /// <summary>Items per request, 1–500 (default 500: the fewest requests).</summary>
        public int PageSize { get; set; } = 500;

        internal virtual void AddTo(QueryBuilder query)
        {
            query.Add("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            query.Add("created_at[gt]", CreatedAfter);
            query.Add("created_at[gte]", CreatedOnOrAfter);
            query.Add("created_at[lt]", CreatedBefore);
            query.Add("created_at[lte]", CreatedOnOrBefore);
        }
    }

    /// <summary>Filters for <see cref="GoCardlessClient.ListCustomersAsync"/>.</summary>
    public sealed class CustomerFilter : ListFilter
    {
    }

    /// <summary>Filters for <see cref="GoCardlessClient.ListCustomerBankAccountsAsync"/>.</summary>
    public sealed class CustomerBankAccountFilter : ListFilter
    {
        /// <summary>Only this customer's accounts (CU…).</summary>
        public string? Customer { get; set; }

        /// <summary>Only enabled (true) or disabled (false) accounts.</summary>
        public bool? Enabled { get; set; }

        internal override void AddTo(QueryBuilder query)
        {
            base.AddTo(query);
            query.Add("customer", Customer);
            query.Add("enabled", Enabled is null ? null : Enabled.Value ? "true" : "false");
        }
    }

    /// <summary>Filters for <see cref="GoCardlessClient.ListMandatesAsync"/>.</summary>
    public sealed class MandateFilter : ListFilter
    {
        /// <summary>Only this customer's mandates (CU…).</summary>
        public string? Customer { get; set; }

        /// <summary>Only mandates in one of these statuses (see <see cref="MandateStatus"/>).</summary>
        public IReadOnlyList<string>? Statuses { get; set; }

        internal override void AddTo(QueryBuilder query)
        {
            base.AddTo(query);
            query.Add("customer", Customer);
            query.Add("status", Statuses is null || Statuses.Count == 0 ? null : string.Join(",", Statuses));
        }
    }

    /// <summary>Filters for <see cref="GoCardlessClient.ListPaymentsAsync"/>.</summary>
    public sealed class PaymentFilter : ListFilter
    {
        /// <summary>Only this customer's payments (CU…).</summary>
        public string? Customer { get; set; }

        /// <summary>Only payments under this mandate (MD…).</summary>
        public string? Mandate { get; set; }

        /// <summary>Only payments in this status (see <see cref="PaymentStatus"/>).</summary>
        public string? Status { get; set; }

        internal override void AddTo(QueryBuilder query)
        {
            base.AddTo(query);
            query.Add("customer", Customer);
            query.Add("mandate", Mandate);
            query.Add("status", Status);
        }
    }

    /// <summary>
    /// Filters for <see cref="GoCardlessClient.ListEventsAsync"/>. With <see cref="ResourceType"/> "payments" the
    /// payments are included (<c>include=payment</c>) unless <see cref="Include"/> says otherwise.
    /// </summary>
    public sealed class EventFilter : ListFilter
    {
        /// <summary>payments, mandates, … (cannot be combined with <see cref="Payment"/> or <see cref="Mandate"/>).</summary>
        public string? ResourceType { get; set; }

        /// <summary>Only this action, e.g. failed.</summary>
        public string? Action { get; set; }

        /// <summary>Only events of this payment (PM…).</summary>
        public string? Payment { get; set; }

        /// <summary>Only events of this mandate (MD…).</summary>
        public string? Mandate { get; set; }

        /// <summary>Linked resource to include (singular: payment, mandate); empty string for none.</summary>
        public string? Include { get; set; }

        internal override void AddTo(QueryBuilder query)
        {
            base.AddTo(query);
            query.Add("resource_type", ResourceType);
            query.Add("action", Action);
            query.Add("payment", Payment);
            query.Add("mandate", Mandate);
            var include = Include ?? (ResourceType == "payments" ? "payment" : null);
            query.Add("include", string.IsNullOrEmpty(include) ? null : include);
        }
    }
}
