// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Globalization;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>Amounts in minor units shown with their currency's decimals, whatever the machine's culture.</summary>
public sealed class CurrencyAmountsTests
{
    [Theory]
    [InlineData(1250L, "GBP", "12.50 GBP")]
    [InlineData(5L, "eur", "0.05 EUR")]
    [InlineData(-1250L, "USD", "-12.50 USD")]
    [InlineData(123456789L, "SEK", "1234567.89 SEK")]
    [InlineData(1500L, "JPY", "1500 JPY")]
    [InlineData(1234L, "KWD", "1.234 KWD")]
    [InlineData(1250L, "", "12.50")]
    public void Minor_units_are_shown_with_the_currencys_decimals(long amount, string currency, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(expected, CurrencyAmounts.Format(amount, currency));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_record_shows_its_amount_and_a_change_says_what_moved()
    {
        var change = new PaymentChange { PaymentId = "PM1", OldStatus = "paid_out", NewStatus = "failed", Amount = 999, Currency = "AUD" };

        Assert.Equal("9.99 AUD", change.FormattedAmount);
        Assert.Equal("PM1 paid_out -> failed", change.ToString());
        Assert.Equal("PM2 (new) -> submitted", new PaymentChange { PaymentId = "PM2", NewStatus = "submitted" }.ToString());
        Assert.Equal(9.99m, CurrencyAmounts.ToMajor(999, "AUD"));
    }
}
