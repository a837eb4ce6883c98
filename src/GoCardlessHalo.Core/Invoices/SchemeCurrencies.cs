// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The one currency each Direct Debit scheme collects (GoCardless: a payment's currency must match its mandate's
    /// scheme; /work/shared/reference/gocardless.md, mandate and payment fields). An invoice in another currency is
    /// not collectable on that mandate.
    /// </summary>
    public static class SchemeCurrencies
    {
        private static readonly Dictionary<string, string> ByScheme = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["bacs"] = "GBP",
            ["faster_payments"] = "GBP",
            ["sepa_core"] = "EUR",
            ["ach"] = "USD",
            ["autogiro"] = "SEK",
            ["betalingsservice"] = "DKK",
            ["becs"] = "AUD",
            ["becs_nz"] = "NZD",
            ["pad"] = "CAD",
        };

        /// <summary>The ISO 4217 code <paramref name="scheme"/> collects, or null for a scheme we do not know.</summary>
        public static string? CurrencyOf(string? scheme) =>
            scheme is not null && ByScheme.TryGetValue(scheme.Trim(), out var currency) ? currency : null;
    }
}
