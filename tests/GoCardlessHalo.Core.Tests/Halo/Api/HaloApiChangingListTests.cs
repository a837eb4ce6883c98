// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo.Api;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>
/// Issue 8: users deleted or created while Import-GcUser reads the pages shift the rest across pages; linked
/// users that are never seen would be created again. The pager notices record_count move and reads again.
/// </summary>
public sealed class HaloApiChangingListTests
{
    [Fact]
    public async Task Users_deleted_during_the_read_do_not_hide_the_users_after_them()
    {
        // 250 users; 101-250 are linked. Reading page 2 deletes 80 unlinked users of page 1.
        var users = Enumerable.Range(1, 250).ToList();
        var deleted = false;
        var halo = new StubHaloHandler
        {
            UsersPage = page =>
            {
                if (page == 2 && !deleted)
                {
                    users.RemoveAll(id => id <= 80);
                    deleted = true;
                }

                return Page(users, page);
            },
        };
        using var target = Target(halo);

        var read = await UsersAsync(target);

        Assert.Equal(Enumerable.Range(101, 150), read.Where(u => u.CustomFields.ContainsKey("Link")).Select(u => u.Id).OrderBy(id => id));
        Assert.Equal(read.Count, read.Select(u => u.Id).Distinct().Count());
        Assert.Equal(4, halo.Count("/api/Users?")); // 2 pages, then 2 pages again
    }

    [Fact]
    public async Task A_list_that_never_stops_changing_fails_instead_of_returning_a_partial_read()
    {
        var next = 1000;
        var users = Enumerable.Range(1, 150).ToList();
        var halo = new StubHaloHandler { UsersPage = page => { users.Add(next++); return Page(users, page); } };
        using var target = Target(halo);

        var error = await Assert.ThrowsAsync<HaloApiException>(() => UsersAsync(target));

        Assert.Equal("HaloResponseInvalid", error.ErrorId);
        Assert.Contains("changed during each of 3 reads", error.Message);
    }

    private static HaloApiTarget Target(StubHaloHandler halo) => new(
        new HaloApiOptions { Url = "https://stub.halopsa.test", ClientId = "id", ClientSecret = "secret", PageSize = 100, RateLimitPer5Minutes = 0, HttpMessageHandler = halo, Clock = new ManualClock() });

    private static string Page(IReadOnlyList<int> ids, int page) =>
        "{\"record_count\":" + ids.Count + ",\"users\":[" + string.Join(",", ids.Skip((page - 1) * 100).Take(100).Select(id => StubHaloHandler.User(id, id > 100 ? "CU" + id : null))) + "]}";
}
