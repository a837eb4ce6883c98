// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Output
{
    /// <summary>Turns engine import results into the objects Import-GcUser writes.</summary>
    internal static class ImportResultMapper
    {
        /// <summary>The engine's match mode for a cmdlet's -MatchMode; null (not given) leaves the setting in force.</summary>
        public static MatchMode? ToEngine(GcMatchMode? mode) => mode switch
        {
            null => null,
            GcMatchMode.Normalized => MatchMode.Normalized,
            GcMatchMode.Off => MatchMode.Off,
            _ => MatchMode.Exact,
        };

        public static GcImportResult ToOutput(ImportResult result)
        {
            var plan = result.Plan;
            return new GcImportResult
            {
                CustomerId = result.CustomerId,
                CustomerName = plan.Customer.DisplayName,
                Action = result.Action.ToString(),
                MatchedBy = plan.MatchedBy?.ToString(),
                HaloUserId = result.HaloUserId,
                Client = plan.Client?.Name ?? plan.Site?.ClientName,
                Site = plan.Site?.Name,
                Changes = result.Changes.Select(c => new GcFieldChange(c.Field, c.OldValue, c.NewValue)).ToArray(),
                Reason = result.Error?.Message ?? plan.Reason,
                NearestClients = plan.NearestClients.ToArray(),
                Kept = plan.Kept.Select(k => new GcKeptValue(k.Field, k.HaloValue, k.GoCardlessValue, k.Rule.ToString())).ToArray(),
            };
        }
    }
}
