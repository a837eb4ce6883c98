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
    }
}
