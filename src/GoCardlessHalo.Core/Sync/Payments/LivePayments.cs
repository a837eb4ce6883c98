// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// Get-GcPayment -Live: one customer's payments straight from GoCardless (payments?customer=), in the same shape
    /// and order as the ledger gives them (newest charge date first), each with its dashboard page. Reads nothing
    /// from and writes nothing to the ledger.
    /// </summary>
    public static class LivePayments
    {
        /// <summary>
        /// The payments of <see cref="PaymentQuery.CustomerId"/> (required), filtered by status and charge date like
        /// the ledger query. <see cref="PaymentQuery.HaloUserId"/> is not a GoCardless filter: when given it is
        /// copied onto the results (the caller resolved the customer from that user).
        /// </summary>
        /// <exception cref="GcHaloException"><see cref="ErrorIds.PaymentLiveQueryNeedsCustomer"/> without a customer id.</exception>
        public static async IAsyncEnumerable<PaymentRecord> ReadAsync(GoCardlessClient client, PaymentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            if (string.IsNullOrWhiteSpace(query?.CustomerId))
            {
                throw new GcHaloException(
                    ErrorIds.PaymentLiveQueryNeedsCustomer,
                    ErrorKind.InvalidArgument,
                    "A live payment query asks GoCardless for one customer's payments: give the GoCardless customer id (CU…), or a Halo user linked to one.");
            }

            var customerId = LinkValues.Normalize(query!.CustomerId)!;
            var statuses = (query.Statuses ?? Array.Empty<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
            var filter = new PaymentFilter { Customer = customerId, Status = statuses.Count == 1 ? statuses[0] : null };
            var since = query.Since?.Date;
            var payments = new List<PaymentRecord>();

            // One customer's payments are few; they are sorted like the ledger's before the first is returned.
            await foreach (var payment in client.ListPaymentsAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                if ((statuses.Count > 1 && !statuses.Contains(payment.Status, StringComparer.Ordinal))
                    || (since is not null && (payment.ChargeDate is null || payment.ChargeDate.Value.Date < since)))
                {
                    continue;
                }

                payments.Add(PaymentDetails.FromGoCardless(payment, customerId, query.HaloUserId, PaymentRecordSource.Live) with
                {
                    DashboardUrl = client.Dashboard.Payment(payment.Id),
                });
            }

            foreach (var payment in payments
                .OrderByDescending(p => p.ChargeDate ?? DateTime.MinValue)
                .ThenByDescending(p => p.CreatedAt)
                .ThenByDescending(p => p.PaymentId, StringComparer.Ordinal))
            {
                yield return payment;
            }
        }
    }
}
