// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// Issue 8: Halo's lists are read by page number, so a user deleted while they are read shifts the rows after it
    /// onto a page already read. <c>HaloPager</c> reads again when <c>record_count</c> moves, but a deletion balanced
    /// by a creation leaves the count as it was, and the linked user pushed across the page boundary is never seen:
    /// its customer would be created again. The payment ledger's link map (<c>gch_link</c>, refreshed by every import
    /// and by Sync-GcPayment) says which Halo user each customer was linked to. Each mapped user the read did not see
    /// is read by id (the target's single-user read, <see cref="HaloUserQuery.UserIds"/>); one that still holds its
    /// link joins the snapshot, so its customer is updated, not created again. One gone, or holding another value, is
    /// left out: its customer is created as it would have been. Costs one request per user the map knows and the
    /// read missed (plus the field definitions), nothing when the read saw them all.
    /// </summary>
    internal static class MissedLinks
    {
        /// <summary>Adds to <paramref name="directory"/> every mapped user the read missed that still holds its link; returns how many.</summary>
        public static async Task<int> RecoverAsync(IHaloTarget target, HaloDirectory directory, PaymentLedger ledger, IEngineLog log, CancellationToken cancellationToken)
        {
            List<(string CustomerId, int HaloUserId)> map;
            try
            {
                map = (await ledger.LoadLinkMapAsync(cancellationToken).ConfigureAwait(false)).Links;
            }
            catch (GcHaloException ex) when (ex.ErrorId == ErrorIds.PaymentLedgerNotMigrated)
            {
                return 0;
            }

            // A customer linked to a user the read did see needs nothing: the read tells where it is now.
            var missed = map.Where(l => directory.User(l.HaloUserId) is null && directory.UsersLinkedTo(l.CustomerId).Count == 0)
                .GroupBy(l => l.HaloUserId)
                .ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(l => l.CustomerId), StringComparer.Ordinal));
            if (missed.Count == 0)
            {
                return 0;
            }

            var found = 0;
            var query = new HaloUserQuery { UserIds = missed.Keys.ToList(), IncludeInactive = true };
            await foreach (var user in target.GetUsersAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (directory.LinkValue(user) is { } link && missed.TryGetValue(user.Id, out var customers) && customers.Contains(link))
                {
                    directory.Index(user);
                    found++;
                }
            }

            var message = $"Import-GcUser: {missed.Count} Halo user(s) the link map names were not in the read of Halo; read by id, {found} still hold their GoCardless link (kept linked, not created again)"
                + (found > 0 ? ": Halo's user list changed while it was read (users deleted and created), which moves rows between pages." : ", the rest were deleted or unlinked in Halo.");
            if (found > 0)
            {
                log.Warning(message);
            }
            else
            {
                log.Verbose(message);
            }

            return found;
        }
    }
}
