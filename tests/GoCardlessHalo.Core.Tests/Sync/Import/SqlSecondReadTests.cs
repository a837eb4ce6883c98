// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Sql;

namespace GoCardlessHalo.Core.Tests.Sync.Import;

/// <summary>
/// Issue 8: the second read of every user before the first create (AbsenceCheck) guards against rows lost between
/// pages of Halo's API; a SQL target reads the users in one statement (HaloSqlUserReader), so it is never made there,
/// however many users Halo holds.
/// </summary>
public sealed class SqlSecondReadTests
{
    [Fact]
    public async Task An_import_that_creates_on_a_sql_target_reads_the_users_once()
    {
        using var factory = new SqliteHaloTargetFactory();
        var seed = HaloBehaviourSeed.Create();
        var site = seed.Sites.Single(s => s.Id == HaloBehaviourSeed.AcmeHeadOffice);
        seed.Users.AddRange(Enumerable.Range(1, 250).Select(i => new HaloUser { Id = 1000 + i, Name = "Contact " + i, SiteId = site.Id, SiteName = site.Name, ClientId = site.ClientId, ClientName = site.ClientName }));
        using var target = new CountingUserReads(await factory.CreateAsync(seed));
        var importer = new UserImporter(target, new ImportOptions { LinkField = HaloBehaviourSeed.LinkField, DefaultSite = HaloBehaviourSeed.AcmeHeadOffice.ToString() }, NullEngineLog.Instance, audit: null);
        await importer.PrepareAsync(CancellationToken.None);
        var customers = Enumerable.Range(1, 120).Select(i => new Customer { Id = "CU-NEW" + i, GivenName = "Pat", FamilyName = "New" + i, Email = $"pat{i}@new.example" }).ToList();

        var queue = new ImportQueue(importer, batchSize: 50);
        var results = new List<ImportResult>();
        foreach (var customer in customers)
        {
            var (plan, written) = await queue.PlanAsync(customer, CancellationToken.None);
            results.AddRange(written);
            results.AddRange(await queue.AddAsync(plan, CancellationToken.None));
        }

        results.AddRange(await queue.FlushAsync(CancellationToken.None));

        Assert.Equal(120, results.Count(r => r.Action == ImportAction.Created));
        Assert.Null(target.UserListPageSize);
        Assert.Equal(1, target.UserReads);
    }

    /// <summary>Counts the user list reads asked of a target.</summary>
    private sealed class CountingUserReads : IHaloTarget
    {
        private readonly IHaloTarget _inner;

        public CountingUserReads(IHaloTarget inner) => _inner = inner;

        public int UserReads { get; private set; }

        public HaloTargetKind Kind => _inner.Kind;

        public string Location => _inner.Location;

        public int? UserListPageSize => _inner.UserListPageSize;

        public Task OpenAsync(CancellationToken cancellationToken) => _inner.OpenAsync(cancellationToken);

        public IAsyncEnumerable<HaloClient> GetClientsAsync(CancellationToken cancellationToken) => _inner.GetClientsAsync(cancellationToken);

        public IAsyncEnumerable<HaloSite> GetSitesAsync(CancellationToken cancellationToken) => _inner.GetSitesAsync(cancellationToken);

        public IAsyncEnumerable<HaloUser> GetUsersAsync(HaloUserQuery query, CancellationToken cancellationToken)
        {
            UserReads++;
            return _inner.GetUsersAsync(query, cancellationToken);
        }

        public Task<IReadOnlyList<HaloFieldDefinition>> GetUserFieldsAsync(CancellationToken cancellationToken) => _inner.GetUserFieldsAsync(cancellationToken);

        public Task<HaloFieldDefinition> CreateUserTextFieldAsync(string name, string label, CancellationToken cancellationToken) => _inner.CreateUserTextFieldAsync(name, label, cancellationToken);

        public Task<IReadOnlyList<HaloUserWriteResult>> WriteUsersAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken) => _inner.WriteUsersAsync(batch, cancellationToken);

        public void Dispose() => _inner.Dispose();
    }
}
