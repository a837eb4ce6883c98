// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync.Import;

/// <summary>How the importer writes: batches, isolation of a bad record, stopping on transport failures.</summary>
public sealed class UserImporterTests
{
    [Fact]
    public async Task ABatchHaloRejectsIsRetriedUserByUserSoOnlyTheBadRecordFails()
    {
        var target = new ScriptedTarget { RejectEmail = "bad@example.com" };
        var importer = await Prepared(target);
        var plans = new[] { "ok1@example.com", "bad@example.com", "ok2@example.com" }
            .Select((email, i) => importer.Plan(Customer("CU" + i, email)))
            .ToList();

        var results = await importer.WriteAsync(plans, CancellationToken.None);

        Assert.Equal(new[] { ImportAction.Created, ImportAction.Failed, ImportAction.Created }, results.Select(r => r.Action).ToArray());
        Assert.Equal("HaloUserWriteInvalid", results[1].Error!.ErrorId);
        Assert.Equal(4, target.WriteCalls); // the batch, then one call per user
        Assert.Equal(2, target.Users.Count);
    }

    [Fact]
    public async Task AnUnreachableHaloStopsTheRunWithARerunHint()
    {
        var target = new ScriptedTarget { FailWith = new GcHaloException(ErrorIds.HaloConnectionFailed, ErrorKind.ConnectionFailed, "Halo did not answer.") };
        var importer = await Prepared(target);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => importer.WriteAsync(new[] { importer.Plan(Customer("CU1", "a@example.com")) }, CancellationToken.None));

        Assert.Equal("HaloConnectionFailed", error.ErrorId);
        Assert.Contains("never duplicates them", error.Message);
    }

    [Fact]
    public async Task WrittenUsersAreKnownToLaterPlansOfTheSameRun()
    {
        var target = new ScriptedTarget();
        var importer = await Prepared(target);
        await importer.WriteAsync(new[] { importer.Plan(Customer("CU1", "a@example.com")) }, CancellationToken.None);

        var again = importer.Plan(Customer("CU1", "a@example.com"));

        Assert.Equal(ImportAction.Unchanged, again.Action);
        Assert.Equal(MatchedBy.Link, again.MatchedBy);
    }

    [Fact]
    public void ABatchHoldsBackACustomerOrUserAlreadyWaiting()
    {
        var batch = new ImportBatch(10);
        var user = new HaloUser { Id = 7 };
        var first = new ImportPlan(Customer("CU1", "a@example.com"), ImportAction.Linked, MatchedBy.Email) { ExistingUser = user };
        batch.Add(first);

        Assert.True(batch.Holds("CU1"));
        Assert.True(batch.Conflicts(new ImportPlan(Customer("CU2", "a@example.com"), ImportAction.Linked, MatchedBy.Email) { ExistingUser = user }));
        Assert.Single(batch.Take());
        Assert.False(batch.Holds("CU1"));
    }

    [Fact]
    public async Task TheQueueWritesTheBatchBeforeReplanningACustomerThatIsWaiting()
    {
        var target = new ScriptedTarget();
        var queue = new ImportQueue(await Prepared(target), batchSize: 10);
        var (first, nothingWritten) = await queue.PlanAsync(Customer("CU1", "a@example.com"), CancellationToken.None);
        Assert.Empty(nothingWritten);
        Assert.Empty(await queue.AddAsync(first, CancellationToken.None));

        var (again, written) = await queue.PlanAsync(Customer("CU1", "a@example.com"), CancellationToken.None);

        Assert.Equal(ImportAction.Created, Assert.Single(written).Action);
        Assert.Equal(ImportAction.Unchanged, again.Action);
        Assert.Single(target.Users);
        Assert.Empty(await queue.FlushAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheQueueWritesWhenTheBatchIsFull()
    {
        var target = new ScriptedTarget();
        var queue = new ImportQueue(await Prepared(target), batchSize: 2);

        var (one, _) = await queue.PlanAsync(Customer("CU1", "a@example.com"), CancellationToken.None);
        var (two, _) = await queue.PlanAsync(Customer("CU2", "b@example.com"), CancellationToken.None);

        Assert.Empty(await queue.AddAsync(one, CancellationToken.None));
        Assert.Equal(2, (await queue.AddAsync(two, CancellationToken.None)).Count);
        Assert.Equal(1, target.WriteCalls);
    }

    private static async Task<UserImporter> Prepared(ScriptedTarget target)
    {
        var importer = new UserImporter(target, new ImportOptions { DefaultSite = "1" }, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        return importer;
    }

    private static Customer Customer(string id, string email) => new() { Id = id, GivenName = "Pat", FamilyName = id, Email = email };

    /// <summary>A Halo with one customer and site, whose writes can be made to fail.</summary>
    private sealed class ScriptedTarget : IHaloTarget
    {
        public List<HaloUserWrite> Users { get; } = new();

        public int WriteCalls { get; private set; }

        public string? RejectEmail { get; init; }

        public GcHaloException? FailWith { get; init; }

        public HaloTargetKind Kind => HaloTargetKind.Sqlite;

        public string Location => "scripted";

        public int? UserListPageSize => null;

        public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public IAsyncEnumerable<HaloClient> GetClientsAsync(CancellationToken cancellationToken) => Items(new HaloClient { Id = 1, Name = "Unassigned" });

        public IAsyncEnumerable<HaloSite> GetSitesAsync(CancellationToken cancellationToken) => Items(new HaloSite { Id = 1, Name = "Default", ClientId = 1, ClientName = "Unassigned" });

        public IAsyncEnumerable<HaloUser> GetUsersAsync(HaloUserQuery query, CancellationToken cancellationToken) => Items<HaloUser>();

        public Task<IReadOnlyList<HaloFieldDefinition>> GetUserFieldsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<HaloFieldDefinition>>(new[] { new HaloFieldDefinition { Id = 1, Name = "GoCardlessCustomerId", Type = 0, Usage = 4 } });

        public Task<HaloFieldDefinition> CreateUserTextFieldAsync(string name, string label, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<HaloUserWriteResult>> WriteUsersAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken)
        {
            WriteCalls++;
            if (FailWith is not null)
            {
                throw FailWith;
            }

            if (batch.Any(w => w.Email == RejectEmail))
            {
                throw new GcHaloException(ErrorIds.HaloUserWriteInvalid, ErrorKind.InvalidData, "Halo refused the email address.");
            }

            Users.AddRange(batch);
            return Task.FromResult<IReadOnlyList<HaloUserWriteResult>>(batch.Select((_, i) => new HaloUserWriteResult(Users.Count - batch.Count + i + 1, true)).ToList());
        }

        public void Dispose()
        {
        }

        private static async IAsyncEnumerable<T> Items<T>(params T[] items)
        {
            await Task.Yield();
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }
}
