// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>The embedded database as a new user and the demo meet it: created, seeded with the sample, logged.</summary>
public sealed class HaloSqliteEmbeddedTests : SqliteDatabaseTests
{
    [Fact]
    public async Task The_sample_halo_has_customers_with_invoice_sites_and_a_default_site()
    {
        var options = await Factory.CreateDatabaseAsync();
        using (var database = new SqlDatabase(options))
        {
            await HaloSqliteDatabase.SeedAsync(database, HaloSeedData.Sample(), CancellationToken.None);
        }

        using var target = new HaloSqlTarget(options);
        await target.OpenAsync(CancellationToken.None);
        var clients = await target.GetClientsAsync(CancellationToken.None).ToListAsync();
        var sites = await target.GetSitesAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(5, clients.Count);
        Assert.All(clients, c => Assert.Single(sites, s => s.ClientId == c.Id && s.IsInvoiceSite));
        Assert.Equal(("Default Site", "Unassigned Customers"), (sites.Single(s => s.Id == 1).Name, sites.Single(s => s.Id == 1).ClientName));
        Assert.Contains(sites, s => s.Inactive);
        Assert.Empty(await target.GetUsersAsync(new HaloUserQuery(), CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task An_in_memory_database_lives_as_long_as_its_database_object()
    {
        using var database = new SqlDatabase(SqlOptions.ForSqlite(":memory:"));
        await HaloSqliteDatabase.CreateSchemaAsync(database, CancellationToken.None);
        await HaloSqliteDatabase.SeedAsync(database, SqliteHaloTargetFactory.ToSeedData(HaloBehaviourSeed.Create()), CancellationToken.None);
        using var target = new HaloSqlTarget(database);
        await target.OpenAsync(CancellationToken.None);

        var created = await target.WriteUsersAsync(new[] { HaloSqlSchemaTests.LinkedUser("Memory User", "CU-M1") }, CancellationToken.None);
        var users = await target.GetUsersAsync(new HaloUserQuery { LinkField = HaloBehaviourSeed.LinkField, LinkValue = "CU-M1" }, CancellationToken.None).ToListAsync();

        Assert.Equal(created[0].UserId, Assert.Single(users).Id);
        Assert.Equal(HaloTargetKind.Sqlite, target.Kind);
    }

    [Fact]
    public async Task Reads_and_writes_are_logged_with_row_counts_and_timings()
    {
        var options = await Factory.CreateDatabaseAsync();
        using (var database = new SqlDatabase(options))
        {
            await HaloSqliteDatabase.SeedAsync(database, SqliteHaloTargetFactory.ToSeedData(HaloBehaviourSeed.Create()), CancellationToken.None);
        }

        var log = new RecordingLog();
        using var target = new HaloSqlTarget(options, log);
        await target.OpenAsync(CancellationToken.None);
        await target.WriteUsersAsync(new[] { HaloSqlSchemaTests.LinkedUser("Logged User", "CU-L9"), new HaloUserWrite { Id = HaloBehaviourSeed.Bob, Phone = "1" } }, CancellationToken.None);
        await target.GetUsersAsync(new HaloUserQuery(), CancellationToken.None).ToListAsync();

        var lines = log.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("opened; NOT NULL columns given safe values on insert: USERS: none; FIELDINFO: none; FieldData: none") && l.Contains(options.SqlitePath));
        Assert.Contains(lines, l => l.Contains("wrote 2 users in one transaction (1 created, 1 updated)") && l.Contains(" ms)"));
        Assert.Contains(lines, l => l.Contains("read 5 users with 5 custom field values (active only)"));
    }

    private sealed class RecordingLog : IEngineLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Verbose(string message) => Lines.Enqueue(message);

        public void Debug(string message) => Lines.Enqueue(message);

        public void Warning(string message) => Lines.Enqueue(message);

        public void Progress(string activity, string status, long completed, long? total)
        {
        }
    }
}
