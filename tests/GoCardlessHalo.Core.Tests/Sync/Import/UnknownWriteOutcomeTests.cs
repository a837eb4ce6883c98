// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
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
    [InlineData(SavedAnswer.EmptyBody)]
    [InlineData(SavedAnswer.ConnectionReset)]
    public async Task TheTargetReportsAnUnknownOutcomeRatherThanGuessingByPosition(SavedAnswer answer)
    {
        using var target = Target(new SavingStubHalo { Answer = answer });
        var writes = new[] { new HaloUserWrite { SiteId = 1, Name = "A" }, new HaloUserWrite { Id = 7, Name = "B" } };

        var outcome = await Assert.ThrowsAsync<HaloWriteOutcomeUnknownException>(() => target.WriteUsersAsync(writes, CancellationToken.None));

        // A 200, even an empty one, settles the update (known by its id); a reset settles nothing.
        Assert.Equal(answer == SavedAnswer.ConnectionReset ? Array.Empty<int>() : new[] { 1 }, outcome.Known.Keys.ToArray());
        // The catalogue gives the id one kind, whatever the cause (a timeout here would otherwise read as Timeout).
        Assert.Equal(ErrorIds.KindOf(ErrorIds.HaloWriteOutcomeUnknown), outcome.Kind);
        Assert.Equal(ErrorKind.Remote, outcome.Kind);
    }

    [Fact]
    public async Task AnEmptyAnswerToEveryPostStillEndsWithEachCustomerOnceAndTheUpdatePostedOnce()
    {
        var halo = new SavingStubHalo { Answer = SavedAnswer.EmptyBody, FaultyAnswers = int.MaxValue };
        using var target = Target(halo);
        var importer = new UserImporter(target, new ImportOptions { DefaultSite = "1", FieldOwnership = new Dictionary<string, FieldRule> { [UserFields.Email] = FieldRule.Overwrite } }, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        await importer.WriteAsync(new[] { importer.Plan(Customer("CU1")) }.ToList(), CancellationToken.None);
        var postsBefore = halo.Posts;
        var changed = new Customer { Id = "CU1", GivenName = "Pat", FamilyName = "CU1", Email = "moved@example.com" };
        var plans = new[] { importer.Plan(changed), importer.Plan(Customer("CU2")), importer.Plan(Customer("CU3")) }.ToList();

        var results = await importer.WriteAsync(plans, CancellationToken.None);

        Assert.Equal(new[] { ImportAction.Updated, ImportAction.Created, ImportAction.Created }, results.Select(r => r.Action).ToArray());
        Assert.Equal(3, halo.Users.Count);
        Assert.All(halo.LinkCounts().Values, count => Assert.Equal(1, count));
        // One POST: the empty 200 settles the update by its id and read-back finds the two creates.
        Assert.Equal(postsBefore + 1, halo.Posts);
    }

    private static HaloApiTarget Target(SavingStubHalo halo) => SavingStubHalo.TargetOver(halo);

    private static async Task<UserImporter> Prepared(IHaloTarget target)
    {
        var importer = new UserImporter(target, new ImportOptions { DefaultSite = "1" }, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        return importer;
    }

    private static Customer Customer(string id) => new() { Id = id, GivenName = "Pat", FamilyName = id, Email = id.ToLowerInvariant() + "@example.com" };
}
