// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync;

public sealed class CompanyNamesTests
{
    [Theory]
    [InlineData("  Acme Widgets  ", "acme widgets")]
    [InlineData("ACME WIDGETS", "acme widgets")]
    [InlineData("Acme Widgets Ltd", "acme widgets ltd")]
    public void ExactKeysOnlyTrimAndFoldCase(string name, string key) => Assert.Equal(key, CompanyNames.Key(name, MatchMode.Exact));

    [Theory]
    [InlineData("Acme Widgets Ltd.", "acme widgets")]
    [InlineData("ACME   Widgets, Limited", "acme widgets")]
    [InlineData("Acme Widgets L.L.C.", "acme widgets")]
    [InlineData("Müller GmbH", "müller")]
    [InlineData("O'Brien & Sons Inc", "obrien and sons")]
    [InlineData("Smith-Jones Co Ltd", "smith jones")]
    [InlineData("Limited", "limited")]
    public void NormalizedKeysIgnorePunctuationSpacingAndLegalForms(string name, string key) =>
        Assert.Equal(key, CompanyNames.Key(name, MatchMode.Normalized));

    [Fact]
    public void NoNameHasAnEmptyKey()
    {
        Assert.Equal(string.Empty, CompanyNames.Key(null, MatchMode.Normalized));
        Assert.Equal(string.Empty, CompanyNames.Key("   ", MatchMode.Exact));
    }

    [Theory]
    [InlineData("acme", "acme", 0)]
    [InlineData("acme", "acne", 1)]
    [InlineData("acme widgets", "acme widget", 1)]
    [InlineData("", "abc", 3)]
    public void DistanceCountsEdits(string a, string b, int distance) => Assert.Equal(distance, CompanyNames.Distance(a, b));

    [Theory]
    [InlineData("orchard bakery", "orchard bakers", 3)]
    [InlineData("orchard bakery", "brightside dental practice", 7)]
    [InlineData("acme", "acme widgets international", 3)]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "ab", 3)]
    public void ABoundedDistanceIsExactWithinTheLimitAndAboveItOtherwise(string a, string b, int limit)
    {
        var exact = CompanyNames.Distance(a, b);

        var bounded = CompanyNames.Distance(a, b, limit);

        if (exact <= limit)
        {
            Assert.Equal(exact, bounded);
        }
        else
        {
            Assert.True(bounded > limit, $"{bounded} should be above {limit} (exact {exact})");
        }
    }
}
