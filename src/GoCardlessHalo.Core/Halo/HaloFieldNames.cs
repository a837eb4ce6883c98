// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// Halo's rules for custom field names (https://halopsa.com/guides/article?kbid=1938): letters, digits and underscores, 1 to 64 of them, and
    /// unique per entity whatever the case. Halo turns the name into the column CF&lt;Name&gt; and the API name
    /// cf&lt;name&gt;. Every target checks them here, so a name one target accepts is never refused by another, and a
    /// refusal reads the same on every target.
    /// </summary>
    internal static class HaloFieldNames
    {
        // \z, not $: $ also matches before a final newline, which would let "Name\n" through.
        private static readonly Regex Valid = new Regex(@"^[A-Za-z0-9_]{1,64}\z", RegexOptions.CultureInvariant);

        /// <summary>Throws <see cref="ErrorIds.HaloFieldNameInvalid"/> unless Halo would accept <paramref name="name"/>.</summary>
        public static void Check(string? name)
        {
            if (name is null || !Valid.IsMatch(name))
            {
                throw new GcHaloException(ErrorIds.HaloFieldNameInvalid, ErrorKind.InvalidArgument,
                    $"'{name}' cannot be a Halo custom field name: use 1-64 letters, digits or underscores, no spaces (Halo turns it into the column CF{name}).", name);
            }
        }

        /// <summary>Throws <see cref="ErrorIds.HaloFieldAlreadyExists"/> when a User field named <paramref name="name"/> (any case) is among <paramref name="existing"/>.</summary>
        public static void CheckFree(string name, IEnumerable<HaloFieldDefinition> existing)
        {
            if (existing.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new GcHaloException(ErrorIds.HaloFieldAlreadyExists, ErrorKind.Conflict,
                    $"A User custom field named '{name}' already exists in Halo. Use it, or choose another name.", name);
            }
        }
    }
}
