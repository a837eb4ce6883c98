// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Sync.Inbox
{
    /// <summary>A linked user in the Default Site: its GoCardless customer, and where the import's rule places it now.</summary>
    public sealed class DefaultSiteUser
    {
        internal DefaultSiteUser(HaloUser user, Customer customer, HaloSite defaultSite, Placement placement)
        {
            User = user;
            Customer = customer;
            CustomerId = customer.Id;
            DefaultSite = defaultSite;
            Placement = placement;
            Problem = placement.Problem;
        }

        private DefaultSiteUser(HaloUser user, string? customerId, HaloSite defaultSite, string problem)
        {
            User = user;
            CustomerId = customerId;
            DefaultSite = defaultSite;
            Problem = problem;
        }

        public HaloUser User { get; }

        /// <summary>The GoCardless customer the user is linked to.</summary>
        public string? CustomerId { get; }

        /// <summary>The customer as GoCardless has it now; null when it could not be read.</summary>
        public Customer? Customer { get; }

        public HaloSite DefaultSite { get; }

        /// <summary>Where the import's rule sends the customer now; null when the customer could not be read.</summary>
        public Placement? Placement { get; }

        /// <summary>Why the user cannot be moved (an ambiguous name, a missing customer, no longer in the Default Site…).</summary>
        public string? Problem { get; }

        /// <summary>True when the customer now matches a Halo customer (or an override names a site) other than the Default Site.</summary>
        public bool CanMove =>
            Problem is null && Placement?.Site is { } site && Placement.MatchedBy != MatchedBy.DefaultSite && site.Id != DefaultSite.Id;

        /// <summary>How the match was made: Exact, Normalized, Override; null while nothing matches.</summary>
        public string? Match => !CanMove ? null : Placement!.MatchedBy == MatchedBy.Override ? "Override" : Placement.NameMatch?.ToString();

        /// <summary>Why the user is in the Default Site, or what now matches and where the move would take it.</summary>
        public string Reason =>
            Problem ?? (CanMove
                ? $"The company '{Customer!.CompanyName?.Trim()}' now matches {(Match == "Override" ? "a placement override" : $"the Halo customer '{Placement!.Client?.Name}' ({Match} name)")}: it can move to {Placement!.Site!.ClientName} / {Placement.Site.Name}."
                : Placement!.Reason ?? "It still matches nothing.");

        /// <summary>One line for -WhatIf.</summary>
        public string Describe() =>
            $"Move from the Default Site to {Placement?.Site?.ClientName} / {Placement?.Site?.Name} (matched by {Match})";

        internal static DefaultSiteUser NotMovable(HaloUser user, string? customerId, HaloSite defaultSite, string problem) =>
            new DefaultSiteUser(user, customerId, defaultSite, problem);
    }

    /// <summary>What Move-GcDefaultSiteUser did for one user.</summary>
    public sealed class DefaultSiteMove
    {
        internal DefaultSiteMove(DefaultSiteUser user, bool moved, string? reason)
        {
            User = user;
            Moved = moved;
            Reason = reason;
        }

        public DefaultSiteUser User { get; }

        /// <summary>True when the user was moved out of the Default Site.</summary>
        public bool Moved { get; }

        /// <summary>Why the user was left where it is; null when it moved.</summary>
        public string? Reason { get; }
    }
}
