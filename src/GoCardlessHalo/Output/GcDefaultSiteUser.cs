// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>
    /// A linked Halo user still in the Default Site, as Get-GcDefaultSiteUser lists it: why it landed there and whether the
    /// import's rule now places it elsewhere. HaloUserId binds by property name to Move-GcDefaultSiteUser.
    /// </summary>
    public sealed class GcDefaultSiteUser
    {
        public int HaloUserId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Email { get; set; }

        /// <summary>The GoCardless customer the user is linked to.</summary>
        public string? CustomerId { get; set; }

        /// <summary>The company name GoCardless has for the customer now (what the match is made on).</summary>
        public string? CompanyName { get; set; }

        /// <summary>The Halo customer names closest to the company name, when nothing matches.</summary>
        public string[] NearestClients { get; set; } = new string[0];

        /// <summary>True when the user now matches a Halo customer (or a placement override) and Move-GcDefaultSiteUser would move it.</summary>
        public bool CanMove { get; set; }

        /// <summary>How it matches now: Exact, Normalized or Override; null while nothing matches.</summary>
        public string? Match { get; set; }

        /// <summary>The Halo customer a move would take the user to.</summary>
        public string? Client { get; set; }

        /// <summary>The site (the customer's invoice site, or the override's site) a move would take the user to.</summary>
        public string? Site { get; set; }

        /// <summary>Why the user is in the Default Site, or what now matches.</summary>
        public string Reason { get; set; } = string.Empty;
    }

    /// <summary>What Move-GcDefaultSiteUser did for one user.</summary>
    public sealed class GcDefaultSiteMove
    {
        public int HaloUserId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? CustomerId { get; set; }

        /// <summary>Moved, or Skipped (still unmatched, moved by an agent meanwhile, link changed, user gone).</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>Exact, Normalized or Override: the rule that chose the destination.</summary>
        public string? Match { get; set; }

        /// <summary>The Halo customer the user was moved to (or would have been).</summary>
        public string? Client { get; set; }

        public string? Site { get; set; }

        /// <summary>Why the user was left where it is; null when it moved.</summary>
        public string? Reason { get; set; }
    }
}
