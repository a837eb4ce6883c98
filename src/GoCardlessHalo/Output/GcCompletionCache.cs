// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Output
{
    /// <summary>
    /// What Update-GcCompletionCache stored for tab completion: the cache file and how many names of each kind it
    /// holds (the names themselves are what the completers offer).
    /// </summary>
    public sealed class GcCompletionCache
    {
        /// <summary>The cache file, GoCardlessHalo.completion.json beside the settings.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>When it was written.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Halo customers (-Client).</summary>
        public int Clients { get; set; }

        /// <summary>Halo sites (-Site, -DefaultSite).</summary>
        public int Sites { get; set; }

        /// <summary>Halo Text fields of users (-HaloField).</summary>
        public int HaloFields { get; set; }

        /// <summary>GoCardless metadata keys seen (-GoCardlessField, with the payment.* and mandate.* sources).</summary>
        public int MetadataKeys { get; set; }

        /// <summary>GoCardless customer ids (-CustomerId).</summary>
        public int CustomerIds { get; set; }
    }
}
