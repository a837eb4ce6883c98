// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Text.RegularExpressions;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// Halo's rule for custom field names (reference §2.5): letters, digits and underscores, 1 to 64 of them. Halo
    /// turns the name into the column CF&lt;Name&gt; and the API name cf&lt;name&gt;. Every target checks it here, so
    /// a name one target accepts is never refused by another.
    /// </summary>
    internal static class HaloFieldNames
    {
        // \z, not $: $ also matches before a final newline, which would let "Name\n" through.
        private static readonly Regex Valid = new Regex(@"^[A-Za-z0-9_]{1,64}\z", RegexOptions.CultureInvariant);

        /// <summary>Throws <see cref="HaloErrorIds.FieldNameInvalid"/> unless Halo would accept <paramref name="name"/>.</summary>
        public static void Check(string? name)
        {
            if (name is null || !Valid.IsMatch(name))
            {
                throw new GcHaloException(HaloErrorIds.FieldNameInvalid, ErrorKind.InvalidArgument,
                    $"'{name}' cannot be a Halo custom field name: use 1-64 letters, digits or underscores, no spaces (Halo turns it into the column CF{name}).", name);
            }
        }
    }
}
