// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>What importing one GoCardless customer did (or, before writing, will do).</summary>
    public enum ImportAction
    {
        /// <summary>A new Halo user was created.</summary>
        Created,

        /// <summary>The linked Halo user's fields were brought up to date.</summary>
        Updated,

        /// <summary>The linked Halo user already matched GoCardless; nothing was written.</summary>
        Unchanged,

        /// <summary>An existing Halo user with the same email was linked (and updated) instead of creating a duplicate.</summary>
        Linked,

        /// <summary>Nothing was written because a person has to decide (ambiguity, inactive user, missing invoice site).</summary>
        Skipped,

        /// <summary>Writing to Halo failed for this customer.</summary>
        Failed,
    }

    /// <summary>Which rule placed the customer.</summary>
    public enum MatchedBy
    {
        /// <summary>A Halo user already holds the GoCardless customer id, wherever it lives now.</summary>
        Link,

        /// <summary>An unlinked Halo user of the destination customer has the same email.</summary>
        Email,

        /// <summary>The GoCardless company name matched a Halo customer: the user goes to its invoice site.</summary>
        CompanyName,

        /// <summary>No company, or no match: the configured Default Site.</summary>
        DefaultSite,

        /// <summary>A placement override (Set-GcPlacementOverride) for the customer id or company name chose the destination.</summary>
        Override,
    }
}
