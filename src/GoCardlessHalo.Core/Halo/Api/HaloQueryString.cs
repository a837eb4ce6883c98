// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>Builds query strings; every value is escaped (search terms can hold anything).</summary>
    internal static class HaloQueryString
    {
        public static string Build(IEnumerable<KeyValuePair<string, string>> parameters) =>
            string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }
}
