// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>How a GoCardless company name is compared with Halo customer names.</summary>
    public enum MatchMode
    {
        /// <summary>Equal after trimming and case folding (Halo's own behaviour, made case-insensitive).</summary>
        Exact,

        /// <summary>Also ignores punctuation, repeated spaces and legal suffixes (Ltd, Limited, LLC, Inc, GmbH, …).</summary>
        Normalized,

        /// <summary>
        /// Company names are not matched: a new user goes to the Default Site unless a placement override places it
        /// (what Halo's own integration does with company-name matching switched off, Control6 gocardless_companyname_matching).
        /// </summary>
        Off,
    }
}
