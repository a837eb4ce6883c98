// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// Minor units to display text: 1250 GBP is "12.50 GBP". GoCardless's currencies (AUD CAD DKK EUR GBP NZD SEK
    /// USD) all have two decimals; the ISO 4217 currencies with none or three are known too, so a new GoCardless
    /// currency cannot be shown a hundred times too large.
    /// </summary>
    public static class CurrencyAmounts
    {
        private static readonly string[] NoDecimals =
        {
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
        };

        private static readonly string[] ThreeDecimals = { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

        /// <summary>How many decimals <paramref name="currency"/> has (2 unless ISO 4217 says otherwise).</summary>
        public static int DecimalsOf(string? currency)
        {
            var code = (currency ?? string.Empty).Trim().ToUpperInvariant();
            return Array.IndexOf(NoDecimals, code) >= 0 ? 0 : Array.IndexOf(ThreeDecimals, code) >= 0 ? 3 : 2;
        }

        /// <summary>The amount in major units, e.g. 12.50m for 1250 GBP.</summary>
        public static decimal ToMajor(long minorUnits, string? currency)
        {
            var decimals = DecimalsOf(currency);
            return decimal.Round(minorUnits / (decimal)Math.Pow(10, decimals), decimals);
        }

        /// <summary>"12.50 GBP", "1500 JPY": invariant culture, so the text in Halo never depends on the machine.</summary>
        public static string Format(long minorUnits, string? currency)
        {
            var decimals = DecimalsOf(currency);
            var number = ToMajor(minorUnits, currency).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return string.IsNullOrWhiteSpace(currency) ? number : number + " " + currency!.Trim().ToUpperInvariant();
        }
    }
}
