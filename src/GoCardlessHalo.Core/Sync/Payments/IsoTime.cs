// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>Instants and dates as invariant ISO 8601 text for logs, the audit log and Halo fields.</summary>
    internal static class IsoTime
    {
        public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture);

        public static string Format(DateTimeOffset? value) => value is null ? "(none)" : Format(value.Value);

        public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
