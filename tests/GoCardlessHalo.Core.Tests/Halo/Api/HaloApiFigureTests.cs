// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Emulator;
using Xunit.Abstractions;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>The request counts the closing note of issue 4 reports, measured against the emulator.</summary>
[Collection(RunsAlone.Name)]
public sealed class HaloApiFigureTests
{
    private readonly ITestOutputHelper _output;

    public HaloApiFigureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Reading_10000_users_takes_100_user_requests_and_creating_them_takes_200()
    {
        await using var host = await EmulatorHost.StartAsync();
        await GenerateAsync(host, clients: 100, usersPerClient: 100);

        using var target = new Core.Halo.Api.HaloApiTarget(Options(host));
        await target.OpenAsync(CancellationToken.None);
        var authRequests = Count(host, "GET /halo/api/authinfo") + Count(host, "POST /halo/auth/token");
        ResetCounts(host);

        var users = await UsersAsync(target);
        var userPages = Count(host, "GET /halo/api/Users");
        var fieldReads = Count(host, "GET /halo/api/FieldInfo");

        await AdminAsync(host, "halo/generate", new { clients = 1, usersPerClient = 0, seed = 1 });
        ResetCounts(host);
        var site = (await ToListAsync(target.GetSitesAsync(CancellationToken.None))).First(s => s.IsInvoiceSite).Id;
        var created = await target.WriteUsersAsync(
            Enumerable.Range(1, 10_000).Select(i => new HaloUserWrite { SiteId = site, Name = "User " + i, Email = $"user{i}@example.com", CustomFields = { ["Department"] = "D" + i } }).ToList(),
            CancellationToken.None);
        var writePosts = Count(host, "POST /halo/api/Users");
        var writeOther = host.GetService<GoCardlessHalo.Emulator.Admin.RequestLog>().Count("/halo") - writePosts - Count(host, "GET /halo/api/Site");

        _output.WriteLine($"Read 10,000 users: {userPages} GET /api/Users + {fieldReads} GET /api/FieldInfo; authentication once per session: {authRequests} (authinfo + token).");
        _output.WriteLine($"Create 10,000 users (BatchSize 50): {writePosts} POST /api/Users, {writeOther} other Halo requests.");
        Assert.Equal(10_000, users.Count);
        Assert.Equal(100, userPages);
        Assert.Equal(1, fieldReads);
        Assert.Equal(2, authRequests);
        Assert.Equal(10_000, created.Count);
        Assert.Equal(200, writePosts);
        Assert.Equal(0, writeOther); // field names resolve from the definitions read with the users
    }
}
