// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Sync.Import;

/// <summary>
/// Issue 8: Halo saves a batch, then its answer is damaged, partial, shaped differently or lost. The importer
/// must tie each saved user to its customer by link value, read back what the answer does not say, and create
/// only what is really missing: zero duplicates.
/// </summary>
public sealed class UnknownWriteOutcomeTests
{
    [Theory]
    [InlineData(SavedAnswer.OrderedArray)]
    [InlineData(SavedAnswer.ReversedArray)]
    [InlineData(SavedAnswer.FirstObject)]
    [InlineData(SavedAnswer.LastObject)]
    [InlineData(SavedAnswer.PartialArray)]
    [InlineData(SavedAnswer.EmptyBody)]
    [InlineData(SavedAnswer.EmptyArray)]
    [InlineData(SavedAnswer.Truncated)]
    [InlineData(SavedAnswer.GatewayTimeout504)]
    [InlineData(SavedAnswer.ConnectionReset)]
    [InlineData(SavedAnswer.Timeout)]
    public async Task EveryCustomerIsCreatedOnceAndTiedToItsOwnUser(SavedAnswer answer)
    {
        var halo = new SavingStubHalo { Answer = answer };
        using var target = Target(halo);
        var importer = await Prepared(target);
        var plans = Enumerable.Range(1, 5).Select(i => importer.Plan(Customer("CU" + i))).ToList();

        var results = await importer.WriteAsync(plans, CancellationToken.None);

        Assert.All(halo.LinkCounts().Values, count => Assert.Equal(1, count));
        Assert.Equal(5, halo.Users.Count);
        for (var i = 0; i < plans.Count; i++)
        {
            Assert.Equal(ImportAction.Created, results[i].Action);
            var stored = halo.Users.Single(u => u["id"]!.GetValue<int>() == results[i].HaloUserId);
            Assert.Equal("CU" + (i + 1), stored["customfields"]![0]!["value"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AnAnswerThatAccountsForEveryUserNeedsNoReadBack()
    {
        var halo = new SavingStubHalo { Answer = SavedAnswer.ReversedArray };
        using var target = Target(halo);
        var importer = await Prepared(target);
        var readsBefore = halo.UserListReads;

        await importer.WriteAsync(Enumerable.Range(1, 3).Select(i => importer.Plan(Customer("CU" + i))).ToList(), CancellationToken.None);

        Assert.Equal(readsBefore, halo.UserListReads);
        Assert.Equal(1, halo.Posts);
    }

    [Fact]
    public async Task ABatchSavedBehindA504IsFoundByReadingBackNotPostedAgain()
    {
        var halo = new SavingStubHalo { Answer = SavedAnswer.GatewayTimeout504, FaultyAnswers = int.MaxValue };
        using var target = Target(halo);
        var importer = await Prepared(target);

        var results = await importer.WriteAsync(Enumerable.Range(1, 4).Select(i => importer.Plan(Customer("CU" + i))).ToList(), CancellationToken.None);

        Assert.All(results, r => Assert.Equal(ImportAction.Created, r.Action));
        Assert.Equal(4, halo.Users.Count);
        Assert.Equal(1, halo.Posts);
    }

    [Fact]
    public async Task AHaloThatNeverSavesNorAnswersStopsTheRunAfterBoundedAttempts()
    {
        var halo = new SavingStubHalo { Answer = SavedAnswer.GatewayTimeout504, FaultyAnswers = int.MaxValue, SavesBeforeFaults = false };
        using var target = Target(halo);
        var importer = await Prepared(target);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => importer.WriteAsync(Enumerable.Range(1, 4).Select(i => importer.Plan(Customer("CU" + i))).ToList(), CancellationToken.None));

        Assert.Equal(ErrorIds.HaloWriteOutcomeUnknown, error.ErrorId);
        Assert.Contains("Run Import-GcUser again", error.Message);
        Assert.Empty(halo.Users);
        Assert.Equal(UserImporter.MaxWriteAttempts, halo.Posts);
    }

    [Theory]
    [InlineData(SavedAnswer.EmptyArray)]
    [InlineData(SavedAnswer.ConnectionReset)]
    public async Task TheTargetReportsAnUnknownOutcomeRatherThanGuessingByPosition(SavedAnswer answer)
    {
        using var target = Target(new SavingStubHalo { Answer = answer });
        var writes = new[] { new HaloUserWrite { SiteId = 1, Name = "A" }, new HaloUserWrite { Id = 7, Name = "B" } };

        var outcome = await Assert.ThrowsAsync<HaloWriteOutcomeUnknownException>(() => target.WriteUsersAsync(writes, CancellationToken.None));

        // A 200 settles the update (known by its id); a reset settles nothing.
        Assert.Equal(answer == SavedAnswer.EmptyArray ? new[] { 1 } : Array.Empty<int>(), outcome.Known.Keys.ToArray());
    }

    private static HaloApiTarget Target(SavingStubHalo halo) => new(new HaloApiOptions
    {
        Url = "https://halo.example.com",
        ClientId = "id",
        ClientSecret = "secret",
        RateLimitPer5Minutes = 0,
        Clock = new ManualClock(),
        HttpMessageHandler = halo,
    });

    private static async Task<UserImporter> Prepared(IHaloTarget target)
    {
        var importer = new UserImporter(target, new ImportOptions { DefaultSite = "1" }, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        return importer;
    }

    private static Customer Customer(string id) => new() { Id = id, GivenName = "Pat", FamilyName = id, Email = id.ToLowerInvariant() + "@example.com" };
}
