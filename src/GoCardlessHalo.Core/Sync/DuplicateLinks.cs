// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Two or more Halo users holding one GoCardless id (left by older runs or by hand). The import skips that
    /// customer rather than guess (and never adds a third); Import-GcUser, Get-GcUser and Test-GcModule all say it
    /// the same way, naming the users, so one fix (clear the link on all but one) serves all three.
    /// </summary>
    public static class DuplicateLinks
    {

        /// <summary>"Halo users 12 and 34 hold GoCardless id CU1 in 'GoCardlessCustomerId'."</summary>
        public static string Describe(string customerId, IEnumerable<int> userIds, string linkField)
        {
            var ids = userIds.OrderBy(id => id).ToList();
            var names = ids.Count == 2 ? $"{ids[0]} and {ids[1]}" : string.Join(", ", ids.Take(ids.Count - 1)) + " and " + ids[ids.Count - 1];
            return $"Halo users {names} hold GoCardless id {customerId} in '{linkField}'";
        }

        /// <summary>What to do about it.</summary>
        public static string Fix(string linkField) => $"Clear the '{linkField}' field on all but one of them in Halo, then run Import-GcUser again.";
    }
}
