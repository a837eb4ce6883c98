// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>Rules every target applies alike (issue 10: one helper per rule), asserted through <see cref="IHaloTarget"/>.</summary>
public abstract partial class HaloTargetBehaviour
{
    [Theory]
    [InlineData("cu123")]
    [InlineData(" CU123 ")]
    [InlineData("CU123")]
    public async Task A_link_typed_in_any_case_or_with_spaces_is_found_by_every_spelling(string typed)
    {
        using var target = await CreateAsync();
        var created = await target.WriteUsersAsync(new[] { NewUser("Typed Link", AcmeHeadOffice, typed, null, null) }, CancellationToken.None);

        foreach (var asked in new[] { "cu123", " CU123 ", "CU123" })
        {
            var found = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = asked });
            Assert.Equal(new[] { created[0].UserId }, Ids(found));
        }
    }

    [Fact]
    public async Task An_unknown_custom_field_is_refused_with_HaloFieldNotFound_as_NotFound()
    {
        using var target = await CreateAsync();
        var user = NewUser("Field Typo", AcmeHeadOffice, "CU-TYPO", null, null);
        user.CustomFields["NoSuchField"] = "x";

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(new[] { user }, CancellationToken.None));

        Assert.Equal((ErrorIds.HaloFieldNotFound, ErrorKind.NotFound), (error.ErrorId, error.Kind));
        Assert.Contains("NoSuchField", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU-TYPO" }));
    }

    [Theory]
    [InlineData("uusername", 256)]
    [InlineData("uFirstName", 201)]
    [InlineData("uLastName", 201)]
    [InlineData("uemail", 256)]
    [InlineData("uextn", 51)]
    public async Task A_value_longer_than_halos_column_is_refused_with_HaloValueTooLong_and_nothing_of_the_batch_is_written(string column, int length)
    {
        using var target = await CreateAsync();
        var fine = NewUser("Fine User", AcmeHeadOffice, "CU-FINE", null, null);
        var tooLong = NewUser("Long User", AcmeHeadOffice, "CU-LONG", null, null);
        var text = new string('x', length);
        _ = column switch
        {
            "uusername" => tooLong.Name = text,
            "uFirstName" => tooLong.FirstName = text,
            "uLastName" => tooLong.Surname = text,
            "uemail" => tooLong.Email = text,
            _ => tooLong.Phone = text,
        };

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(new[] { fine, tooLong }, CancellationToken.None));

        Assert.Equal((ErrorIds.HaloValueTooLong, ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains($"USERS.{column} is {length} characters long; Halo's column holds at most {length - 1}", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU-FINE" }));
    }

    [Fact]
    public async Task A_new_user_with_only_an_email_is_named_after_it_and_one_with_nothing_is_refused()
    {
        using var target = await CreateAsync();
        var emailOnly = new HaloUserWrite { SiteId = AcmeHeadOffice, Email = " only@acme.example " };
        emailOnly.CustomFields[LinkField] = "CU-EMAIL";

        var created = await target.WriteUsersAsync(new[] { emailOnly }, CancellationToken.None);
        var nameless = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(new[] { new HaloUserWrite { SiteId = AcmeHeadOffice } }, CancellationToken.None));

        var user = Assert.Single(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU-EMAIL" }));
        Assert.Equal((created[0].UserId, "only@acme.example"), (user.Id, user.Name));
        Assert.Equal(ErrorIds.HaloUserWriteInvalid, nameless.ErrorId);
        Assert.Contains(HaloUserNames.Missing, nameless.Message, StringComparison.Ordinal);
    }
}
