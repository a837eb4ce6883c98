// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// The <see cref="HaloUserQuery"/> rules applied to users Halo returned. The link field filter can only run
    /// here; customer, site and inactive are also sent to Halo but checked again, because Halo has ignored
    /// documented filter names before (HaloAPI issue #58) and a silently ignored filter would return everyone.
    /// </summary>
    internal static class HaloUserFilter
    {
        public static bool Matches(HaloUser user, HaloUserQuery query)
        {
            if ((!query.IncludeInactive && user.Inactive)
                || (query.ClientId is { } client && user.ClientId != client)
                || (query.SiteId is { } site && user.SiteId != site))
            {
                return false;
            }

            if (query.LinkField is null)
            {
                return true;
            }

            return LinkValues.Read(user, query.LinkField) is { } value && (query.LinkValue is null || LinkValues.SameCustomer(value, query.LinkValue));
        }
    }
}
