// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using GoCardlessHalo.Core.Sync.Inbox;

namespace GoCardlessHalo.Output
{
    /// <summary>Turns the engine's Default Site inbox entries and moves into the public output types.</summary>
    internal static class DefaultSiteMapper
    {
        public static GcDefaultSiteUser ToOutput(DefaultSiteUser user) => new GcDefaultSiteUser
        {
            HaloUserId = user.User.Id,
            Name = user.User.Name,
            Email = user.User.Email,
            CustomerId = user.CustomerId,
            CompanyName = user.Customer?.CompanyName,
            NearestClients = user.Placement?.NearestClients.ToArray() ?? new string[0],
            CanMove = user.CanMove,
            Match = user.Match,
            Client = ClientOf(user),
            Site = SiteOf(user),
            Reason = user.Reason,
        };

        public static GcDefaultSiteMove ToOutput(DefaultSiteMove move) => new GcDefaultSiteMove
        {
            HaloUserId = move.User.User.Id,
            Name = move.User.User.Name,
            CustomerId = move.User.CustomerId,
            Action = move.Moved ? "Moved" : "Skipped",
            Match = move.User.Match,
            Client = ClientOf(move.User),
            Site = SiteOf(move.User),
            Reason = move.Reason,
        };

        // The destination is shown only for a user that can move: for the rest the Default Site is where they stay.
        private static string? ClientOf(DefaultSiteUser user) => user.CanMove ? user.Placement!.Client?.Name ?? user.Placement.Site!.ClientName : null;

        private static string? SiteOf(DefaultSiteUser user) => user.CanMove ? user.Placement!.Site!.Name : null;
    }
}
