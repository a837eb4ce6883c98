// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Tests.Sync;

public sealed class UserFieldResolverTests
{
    private readonly UserFieldResolver _resolver = new(new[]
    {
        new HaloFieldDefinition { Id = 1, Name = "GoCardlessCustomerId", Type = 0, Usage = 4 },
        new HaloFieldDefinition { Id = 2, Name = "AccountRef", Type = 0, Usage = 4 },
        new HaloFieldDefinition { Id = 3, Name = "Birthday", Type = 4, Usage = 4 },
        new HaloFieldDefinition { Id = 4, Name = "TicketRef", Type = 0, Usage = 1 },
    });

    [Theory]
    [InlineData("AccountRef")]
    [InlineData("CFAccountRef")]
    [InlineData("cfaccountref")]
    public void NamesMatchWithOrWithoutTheColumnPrefix(string name) => Assert.Equal(2, _resolver.Find(name)!.Id);

    [Fact]
    public void OnlyTextFieldsOfTheUserEntityAreAccepted()
    {
        Assert.Null(_resolver.Problem("AccountRef", "x"));
        Assert.Contains("not of type Text", _resolver.Problem("Birthday", "x"));
        Assert.Contains("another entity", _resolver.Problem("TicketRef", "x"));
        Assert.Contains("no user custom field", _resolver.Problem("Missing", "x"));
    }

    [Fact]
    public void EveryProblemIsListedAtOnce()
    {
        var error = Assert.Throws<GcHaloException>(() => _resolver.ResolveAll("GoCardlessCustomerId", new[]
        {
            new FieldMapping("account_ref", "CFAccountRef"),
            new FieldMapping("dob", "Birthday"),
            new FieldMapping("ticket", "TicketRef"),
        }));

        Assert.Equal("FieldMappingInvalidInHalo", error.ErrorId);
        Assert.Contains("'dob' -> 'Birthday'", error.Message);
        Assert.Contains("'ticket' -> 'TicketRef'", error.Message);
        Assert.DoesNotContain("account_ref", error.Message);
    }

    [Fact]
    public void ResolvedMappingsUseHalosOwnNames()
    {
        var resolved = _resolver.ResolveAll("cfgocardlesscustomerid", new[] { new FieldMapping("account_ref", "CFAccountRef") });

        Assert.Equal("GoCardlessCustomerId", resolved.LinkField);
        Assert.Equal("AccountRef", Assert.Single(resolved.Mappings).HaloField);
    }
}
