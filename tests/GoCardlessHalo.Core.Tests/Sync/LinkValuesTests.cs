// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Tests.Sync;

public sealed class LinkValuesTests
{
    [Fact]
    public void Cu123_spaced_CU123_and_CU123_are_the_same_customer()
    {
        var spellings = new[] { "cu123", " CU123 ", "CU123", "\tCu123\n" };

        Assert.All(spellings, s => Assert.Equal("CU123", LinkValues.Normalize(s)));
        Assert.All(spellings, s => Assert.True(LinkValues.SameCustomer(s, "CU123")));
        Assert.Single(spellings.Distinct(LinkValues.Comparer));
        var byLink = new Dictionary<string, int>(LinkValues.Comparer!) { ["cu123"] = 1 };
        Assert.Equal(1, byLink[" CU123 "]);
    }

    [Fact]
    public void Blank_values_are_no_link_and_never_the_same_customer()
    {
        Assert.Null(LinkValues.Normalize(null));
        Assert.Null(LinkValues.Normalize("   "));
        Assert.False(LinkValues.SameCustomer(" ", " "));
        Assert.False(LinkValues.SameCustomer("CU1", "CU2"));
    }

    [Fact]
    public void A_users_link_is_read_normalised_from_its_link_field_in_any_case()
    {
        var user = new HaloUser();
        user.CustomFields["GoCardlessCustomerId"] = " cu77 ";
        var blank = new HaloUser();
        blank.CustomFields["GoCardlessCustomerId"] = " ";

        Assert.Equal("CU77", LinkValues.Read(user, "gocardlesscustomerid"));
        Assert.Null(LinkValues.Read(blank, "GoCardlessCustomerId"));
        Assert.Null(LinkValues.Read(new HaloUser(), "GoCardlessCustomerId"));
    }
}
