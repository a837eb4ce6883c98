// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>Error ids of invoice collection (README's error table).</summary>
    public static class CollectionErrorIds
    {
        /// <summary>The run would charge more than the configured run total; nothing was charged.</summary>
        public const string RunTotalExceeded = "CollectionRunTotalExceeded";
    }
}
