// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// The one rule for a link value: the GoCardless customer id a Halo user's link field holds. GoCardless ids are
    /// upper-case letters and digits (https://developer.gocardless.com/api-reference/#core-endpoints-customers); Halo
    /// holds whatever an agent typed, so <c>cu123</c>, <c> CU123 </c> and <c>CU123</c> are the same customer. Every
    /// reader and writer of links (import, payment sync, Get-GcUser, Get-GcPayment, the ledger) compares through here.
    /// </summary>
    public static class LinkValues
    {
        /// <summary>Compares link values as <see cref="Normalize"/> does; blank values are equal to each other.</summary>
        public static IEqualityComparer<string?> Comparer { get; } = new LinkValueComparer();

        /// <summary>The canonical form: trimmed and upper-case; null for a blank value (no link).</summary>
        public static string? Normalize(string? value) =>
            string.IsNullOrWhiteSpace(value) ? null : value!.Trim().ToUpperInvariant();

        /// <summary>The user's link in canonical form, or null when the link field is missing or blank.</summary>
        public static string? Read(HaloUser user, string linkField) =>
            user.CustomFields.TryGetValue(linkField, out var value) ? Normalize(value) : null;

        /// <summary>Whether two link values name the same GoCardless customer (two blanks are no customer, so not the same).</summary>
        public static bool SameCustomer(string? a, string? b) => Normalize(a) is { } left && string.Equals(left, Normalize(b), StringComparison.Ordinal);

        private sealed class LinkValueComparer : IEqualityComparer<string?>
        {
            public bool Equals(string? x, string? y) => string.Equals(Normalize(x), Normalize(y), StringComparison.Ordinal);

            public int GetHashCode(string? obj) => Normalize(obj) is { } key ? StringComparer.Ordinal.GetHashCode(key) : 0;
        }
    }
}
