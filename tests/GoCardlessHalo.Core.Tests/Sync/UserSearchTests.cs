// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Sql;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Sync;

/// <summary>
/// The lookup rules Get-GcUser and Get-GcPayment share (<see cref="UserSearch"/>), against the embedded Halo
/// seeded with <see cref="HaloBehaviourSeed"/>: Alice (Acme head office, CU001), Bob (Acme warehouse, CU002),
/// Carol (Brightside, not linked), Dan (Brightside, CU003, inactive).
/// </summary>
public sealed class UserSearchTests : IDisposable
{
    private readonly SqliteHaloTargetFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WithoutFiltersOnlyActiveLinkedUsersAreFoundUnlessInactiveOnesAreAskedFor()
    {
        using var target = await _factory.CreateAsync(Create());
        var search = new UserSearch(target, LinkField);

        Assert.Equal(new[] { Alice, Bob }, await IdsAsync(search, new UserFilter()));
        Assert.Equal(new[] { Alice, Bob, Dan }, await IdsAsync(search, new UserFilter { IncludeInactive = true }));
    }

    [Fact]
    public async Task ACustomerFilterMatchesByNamePatternOrById()
    {
        using var target = await _factory.CreateAsync(Create());
        var search = new UserSearch(target, LinkField);

        Assert.Equal(new[] { Alice, Bob }, await IdsAsync(search, new UserFilter { Client = StartsWith("acme") }));
        var brightside = await IdsAsync(search, new UserFilter { LinkedOnly = false, Client = StartsWith(Brightside.ToString()) });
        Assert.Contains(Carol, brightside);
        Assert.DoesNotContain(Alice, brightside);
    }

    [Fact]
    public async Task ASiteFilterNarrowsTheCustomerFilterAndAFilterMatchingNothingFindsNoOne()
    {
        using var target = await _factory.CreateAsync(Create());
        var search = new UserSearch(target, LinkField);

        Assert.Equal(new[] { Bob }, await IdsAsync(search, new UserFilter { Client = StartsWith("Acme"), Site = StartsWith("Acme Warehouse") }));
        Assert.Empty(await IdsAsync(search, new UserFilter { Client = StartsWith("Acme"), Site = StartsWith("Brightside Main") }));
        Assert.Empty(await IdsAsync(search, new UserFilter { LinkedOnly = false, Client = StartsWith("No Such Customer") }));
    }

    [Fact]
    public async Task UsersAreFoundByTheirCustomerWhateverTheSpellingOfItsId()
    {
        using var target = await _factory.CreateAsync(Create());
        var search = new UserSearch(target, LinkField);
        var users = await search.FindAsync(new UserFilter { IncludeInactive = true }, CancellationToken.None).ToListAsync();

        var byCustomer = search.ByCustomer(users);

        Assert.Equal(new[] { Alice }, byCustomer[" cu001 "].Select(u => u.Id));
        Assert.Equal(new[] { Dan }, byCustomer["CU003"].Select(u => u.Id));
        Assert.Empty(byCustomer["CU999"]);
    }

    [Fact]
    public async Task EveryLinkedUserActiveOrNotMapsToItsCustomer()
    {
        using var target = await _factory.CreateAsync(Create());

        var customers = await new UserSearch(target, LinkField).CustomerByUserAsync(CancellationToken.None);

        Assert.Equal(new[] { (Alice, "CU001"), (Bob, "CU002"), (Dan, "CU003") }, customers.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }

    // What the shell's wildcard match does for a trailing '*': a prefix, ignoring case.
    private static NameFilter StartsWith(string text) =>
        new(text, name => name.StartsWith(text, StringComparison.OrdinalIgnoreCase));

    private static async Task<int[]> IdsAsync(UserSearch search, UserFilter filter) =>
        (await search.FindAsync(filter, CancellationToken.None).ToListAsync()).Select(u => u.Id).OrderBy(id => id).ToArray();
}
