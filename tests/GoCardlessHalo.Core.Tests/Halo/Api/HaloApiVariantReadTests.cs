// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>
/// The API target is right under each unsettled Halo behaviour (reference halo.md U2-U6), played by the emulator's
/// variant switches: the same Halo gives the same answers to the engine whichever way Halo answers.
/// </summary>
public sealed class HaloApiVariantReadTests
{
    private static readonly object[] Fields =
    {
        new { id = 1, name = "GoCardlessCustomerId", type = 0, usage = 4 },
        new { id = 2, name = "Department", type = 0, usage = 4 },
        new { id = 3, name = "TicketReference", type = 0, usage = 1 },
    };

    [Theory]
    [InlineData("Every")]
    [InlineData("UserFieldsNeedTypeId")]
    [InlineData("WithoutUsage")]
    public async Task User_fields_are_read_by_typeid_4_under_every_FieldInfo_listing(string variant)
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:FieldInfoListing=" + variant);
        await SeedAsync(host, SmallHalo(fields: Fields));
        using var target = await OpenAsync(host);

        var fields = await target.GetUserFieldsAsync(CancellationToken.None);

        Assert.Equal(new[] { "GoCardlessCustomerId:4", "Department:4" }, fields.Select(f => f.Name + ":" + f.Usage));
    }

    [Fact]
    public async Task Invoice_sites_are_found_from_main_site_id_when_site_list_rows_lack_isinvoicesite()
    {
        await using var host = await EmulatorHost.StartAsync();
        await GenerateAsync(host, clients: 40, usersPerClient: 1);
        using var target = await OpenAsync(host);
        var withFlag = Describe(await ToListAsync(target.GetSitesAsync(CancellationToken.None)));

        await AdminAsync(host, "halo/settings", new { siteListInvoiceFlag = false });
        ResetCounts(host);
        var withoutFlag = Describe(await ToListAsync(target.GetSitesAsync(CancellationToken.None)));

        Assert.Equal(withFlag, withoutFlag);
        Assert.Equal(40, withFlag.Count(s => s.EndsWith(":invoice", System.StringComparison.Ordinal)));
        Assert.Equal(1, Count(host, "GET /halo/api/Client")); // one customer list read, no per-site GETs
        Assert.Equal(0, Count(host, "GET /halo/api/Site/{id:int}"));
    }

    [Theory]
    [InlineData("CappedSize")]
    [InlineData("RequestedSize")]
    public async Task Pages_never_ask_for_more_than_100_and_follow_a_lower_cap_under_both_numberings(string numbering)
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:MaxPageSize=30", "--Emulator:Halo:PageNumbering=" + numbering);
        await GenerateAsync(host, clients: 1, usersPerClient: 250);
        var handler = new RecordingHandler();
        var options = Options(host, handler: handler);
        options.PageSize = 500;
        using var target = new Core.Halo.Api.HaloApiTarget(options);
        await target.OpenAsync(CancellationToken.None);

        var users = await UsersAsync(target);

        Assert.Equal(Enumerable.Range(1, 250), users.Select(u => u.Id).OrderBy(id => id));
        var sizes = handler.Requests.Select(r => Regex.Match(r.RequestUri!.Query, "page_size=(\\d+)")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.InRange(size, 1, 100));
    }

    [Theory]
    [InlineData("Ignored")]
    [InlineData("EmptyArray")]
    public async Task Linked_users_stay_linked_when_the_list_ignores_include_custom_fields(string variant)
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:UserListCustomFields=" + variant);
        await SeedAsync(host, SmallHalo(
            Enumerable.Range(0, 5).Select(i => (object)new { id = 100 + i, name = "User " + i, site_id = 10, customfields = i % 2 == 0 ? new[] { new { id = 1, value = "CU" + i } } : new[] { new { id = 2, value = "Sales" } } }),
            Fields));
        var log = new RecordingLog();
        using var target = await OpenAsync(host, log: log);

        var linked = await UsersAsync(target, new HaloUserQuery { LinkField = "GoCardlessCustomerId", IncludeInactive = true });

        Assert.Equal(new[] { "100=CU0", "102=CU2", "104=CU4" }, linked.Select(u => u.Id + "=" + u.CustomFields["GoCardlessCustomerId"]));
        Assert.Single(log.Warnings, w => w.Contains("reading each such user by id", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Replace")]
    [InlineData("Merge")]
    public async Task Custom_field_writes_leave_the_same_values_whether_halo_replaces_or_merges(string variant)
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:CustomFieldsPost=" + variant);
        await SeedAsync(host, SmallHalo(new object[]
        {
            new { id = 100, name = "Ann", site_id = 10, customfields = new[] { new { id = 1, value = "CU1" }, new { id = 2, value = "Finance" } } },
            new { id = 101, name = "Bob", site_id = 10, customfields = new[] { new { id = 1, value = "CU2" }, new { id = 2, value = "Sales" } } },
        }, Fields));
        using var target = await OpenAsync(host);
        await UsersAsync(target);

        await target.WriteUsersAsync(new[]
        {
            new HaloUserWrite { Id = 100, CustomFields = { ["GoCardlessCustomerId"] = "CU9" } },
            new HaloUserWrite { Id = 101, CustomFields = { ["Department"] = string.Empty } },
        }, CancellationToken.None);
        var after = await UsersAsync(target);

        Assert.Equal(
            new[] { "Ann:Department=Finance,GoCardlessCustomerId=CU9", "Bob:GoCardlessCustomerId=CU2" },
            after.Select(u => u.Name + ":" + string.Join(",", u.CustomFields.OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value))));
    }

    private static List<string> Describe(IEnumerable<HaloSite> sites) =>
        sites.Select(s => $"{s.Id}:{s.ClientId}:{(s.IsInvoiceSite ? "invoice" : "branch")}").ToList();
}
