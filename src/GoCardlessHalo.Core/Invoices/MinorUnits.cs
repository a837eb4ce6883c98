// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// Major-unit decimals to GoCardless's minor units by the currency's exponent (<see cref="CurrencyAmounts.DecimalsOf"/>),
    /// exactly: 120.12 GBP is 12012. An amount with more decimals than the currency has is not rounded behind anyone's
    /// back; it is refused, and the invoice is skipped with that reason.
    /// </summary>
    public static class MinorUnits
    {
        /// <summary>The amount in minor units, or null when it cannot be expressed exactly in <paramref name="currency"/>.</summary>
        public static long? FromMajor(decimal amount, string currency)
        {
            var minor = amount * Factor(currency);
            return minor == decimal.Truncate(minor) && minor <= long.MaxValue && minor >= long.MinValue ? (long)minor : (long?)null;
        }

        /// <summary>A limit in minor units, rounded down (a limit of 10.005 GBP allows 1000 pence).</summary>
        public static long Floor(decimal amount, string currency)
        {
            var minor = decimal.Floor(amount * Factor(currency));
            return minor >= long.MaxValue ? long.MaxValue : minor <= long.MinValue ? long.MinValue : (long)minor;
        }

        private static decimal Factor(string currency)
        {
            var factor = 1m;
            for (var i = 0; i < CurrencyAmounts.DecimalsOf(currency); i++)
            {
                factor *= 10m;
            }

            return factor;
        }
    }
}
