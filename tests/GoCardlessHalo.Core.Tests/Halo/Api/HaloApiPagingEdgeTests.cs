// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>Paging and list shapes the emulator does not produce, against a scripted Halo.</summary>
public sealed class HaloApiPagingEdgeTests
{
    [Fact]
    public async Task Without_record_count_a_short_page_ends_the_list()
    {
        var halo = new StubHaloHandler { UsersPage = page => Page(page switch { 1 => new[] { 1, 2, 3 }, 2 => new[] { 4, 5, 6 }, 3 => new[] { 7 }, _ => new int[0] }) };
        using var target = Target(halo);

        var users = await UsersAsync(target);

        Assert.Equal(Enumerable.Range(1, 7), users.Select(u => u.Id));
        Assert.Equal(3, halo.Count("/api/Users?"));
        Assert.Equal(70, users.Last().SiteId); // site_id arrives as a double
    }

    [Fact]
    public async Task Without_record_count_an_empty_page_ends_a_list_of_full_pages()
    {
        var halo = new StubHaloHandler { UsersPage = page => Page(page <= 2 ? Enumerable.Range((page * 3) - 2, 3).ToArray() : new int[0]) };
        using var target = Target(halo);

        var users = await UsersAsync(target);

        Assert.Equal(6, users.Count);
        Assert.Equal(3, halo.Count("/api/Users?"));
    }

    [Fact]
    public async Task A_server_that_ignores_page_no_is_detected_instead_of_looping()
    {
        var halo = new StubHaloHandler { UsersPage = _ => Page(new[] { 1, 2, 3 }) };
        using var target = Target(halo);

        var error = await Assert.ThrowsAsync<HaloApiException>(() => UsersAsync(target));

        Assert.Equal(ErrorIds.HaloResponseInvalid, error.ErrorId);
        Assert.Contains("page_no was ignored", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(2, halo.Count("/api/Users?"));
    }

    [Fact]
    public async Task A_list_without_custom_fields_falls_back_to_reading_each_user_once_with_a_warning()
    {
        var halo = new StubHaloHandler
        {
            UsersPage = page => page == 1 ? "{\"record_count\":2,\"users\":[" + StubHaloHandler.User(1, withCustomFields: false) + "," + StubHaloHandler.User(2, withCustomFields: false) + "]}" : "[]",
            UserById = id => StubHaloHandler.User(id, link: id == 2 ? "CU2" : null),
        };
        var log = new RecordingLog();
        using var target = Target(halo, log);

        var linked = await UsersAsync(target, new HaloUserQuery { LinkField = "Link" });

        Assert.Equal(2, Assert.Single(linked).Id);
        Assert.Equal(2, halo.Count("/api/Users/"));
        Assert.Single(log.Warnings);
        Assert.Equal(1, halo.Count("/auth/token"));
    }

    private static HaloApiTarget Target(StubHaloHandler halo, RecordingLog? log = null) => new(
        new HaloApiOptions { Url = "https://stub.halopsa.test", ClientId = "id", ClientSecret = "secret", PageSize = 3, RateLimitPer5Minutes = 0, HttpMessageHandler = halo, Clock = new ManualClock() },
        log);

    /// <summary>A wrapped page without record_count, rows with link values.</summary>
    private static string Page(int[] ids) => "{\"users\":[" + string.Join(",", ids.Select(id => StubHaloHandler.User(id, "CU" + id))) + "]}";
}
