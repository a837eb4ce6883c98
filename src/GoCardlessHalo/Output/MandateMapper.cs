// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sync.Mandates;

namespace GoCardlessHalo.Output
{
    /// <summary>Turns the engine's mandate changes and listings into the public output types.</summary>
    internal static class MandateMapper
    {
        public static GcMandateChange ToOutput(MandateChange change) => new GcMandateChange
        {
            MandateId = change.MandateId,
            CustomerId = change.CustomerId,
            HaloUserId = change.HaloUserId,
            OldStatus = change.OldStatus,
            NewStatus = change.NewStatus,
            NeedsAttention = change.IsFailure,
            DetectedAt = change.DetectedAt.UtcDateTime,
        };

        public static GcMandate ToOutput(MandateInfo mandate) => new GcMandate
        {
            MandateId = mandate.Mandate.Id,
            CustomerId = mandate.Mandate.CustomerId,
            Status = mandate.Mandate.Status,
            NeedsAttention = MandateStatuses.IsFailure(mandate.Mandate.Status),
            NextPossibleChargeDate = mandate.Mandate.NextPossibleChargeDate,
            Scheme = mandate.Mandate.Scheme,
            Reference = mandate.Mandate.Reference,
            CreatedAt = mandate.Mandate.CreatedAt.UtcDateTime,
            HaloUserId = mandate.User?.Id,
            HaloUser = mandate.User?.Name,
            Client = mandate.User?.ClientName,
            Site = mandate.User?.SiteName,
        };
    }
}
