// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// Who can pay whose invoices: the Halo users linked to GoCardless customers (the link field, as the payment sync
    /// reads it) and those customers' usable mandates. Mandates are listed, 500 a page, filtered by status — one list,
    /// not one request per customer. A mandate that links no customer (mandates older than links.customer link only a
    /// bank account) cannot be matched here and is left out; such a payer shows as NoMandate in the plan.
    /// </summary>
    public static class PayerDirectory
    {
        private static readonly string[] Usable = { "active", "pending_submission", "submitted" };

        /// <summary>Every (linked user, mandate) pair, for the planner.</summary>
        public static async Task<IReadOnlyList<PayerMandate>> ReadAsync(
            IHaloTarget halo, GoCardlessClient client, string linkField, IEngineLog? log, CancellationToken cancellationToken)
        {
            var links = await LinkedCustomers.ReadAsync(halo, linkField, cancellationToken).ConfigureAwait(false);
            var usersByCustomer = links.Links.ToLookup(l => l.CustomerId, l => links.UsersRead![l.UserId], StringComparer.Ordinal);
            var payers = new List<PayerMandate>();
            var filter = new MandateFilter { Statuses = Usable, PageSize = 500 };
            await foreach (var mandate in client.ListMandatesAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                var customer = mandate.CustomerId is null ? null : LinkValues.Normalize(mandate.CustomerId);
                if (customer is null)
                {
                    continue;
                }

                foreach (var user in usersByCustomer[customer].Where(u => !u.Inactive))
                {
                    payers.Add(new PayerMandate
                    {
                        ClientId = user.ClientId,
                        UserId = user.Id,
                        UserName = user.Name,
                        CustomerId = customer,
                        MandateId = mandate.Id,
                        MandateCustomerId = customer,
                        Scheme = mandate.Scheme,
                        Status = mandate.Status,
                        NextPossibleChargeDate = mandate.NextPossibleChargeDate,
                    });
                }
            }

            return payers;
        }
    }
}
