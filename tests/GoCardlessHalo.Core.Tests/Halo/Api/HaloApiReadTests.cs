// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class HaloApiReadTests
{
    [Fact]
    public async Task Paging_gets_every_user_although_Halo_caps_the_page_below_the_size_asked_for()
    {
        await using var host = await EmulatorHost.StartAsync();
        await GenerateAsync(host, clients: 3, usersPerClient: 90);
        using var target = await OpenAsync(host, configure: o => o.PageSize = 1000);
        ResetCounts(host);

        var users = await UsersAsync(target);

        Assert.Equal(270, users.Count);
        Assert.Equal(270, users.Select(u => u.Id).Distinct().Count());
        Assert.Equal(3, Count(host, "GET /halo/api/Users")); // 100 + 100 + 70: record_count ends it, no empty page
    }

    [Fact]
    public async Task Paging_follows_whatever_cap_the_server_applies()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Halo:MaxPageSize=40");
        await GenerateAsync(host, clients: 3, usersPerClient: 90);
        using var target = await OpenAsync(host);
        ResetCounts(host);

        var users = await UsersAsync(target);

        Assert.Equal(270, users.Count);
        Assert.Equal(7, Count(host, "GET /halo/api/Users"));
    }

    [Fact]
    public async Task Customer_and_site_filters_return_exactly_their_users()
    {
        await using var host = await EmulatorHost.StartAsync();
        await GenerateAsync(host, clients: 6, usersPerClient: 30, seed: 3);
        using var target = await OpenAsync(host);
        var everyone = await UsersAsync(target);

        var ofClient = await UsersAsync(target, new HaloUserQuery { ClientId = 2, IncludeInactive = true });
        var site = everyone.First(u => u.ClientId == 4).SiteId;
        var ofSite = await UsersAsync(target, new HaloUserQuery { SiteId = site, IncludeInactive = true });
        var active = await UsersAsync(target, new HaloUserQuery());

        Assert.Equal(everyone.Where(u => u.ClientId == 2).Select(u => u.Id), ofClient.Select(u => u.Id));
        Assert.Equal(everyone.Where(u => u.SiteId == site).Select(u => u.Id), ofSite.Select(u => u.Id));
        Assert.Equal(everyone.Where(u => !u.Inactive).Select(u => u.Id), active.Select(u => u.Id));
        Assert.Contains(everyone, u => u.Inactive);
    }

    [Fact]
    public async Task Link_field_and_value_are_filtered_on_the_client_side()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(new object[]
        {
            new { id = 100, name = "Linked One", site_id = 10, customfields = new[] { new { id = 1, value = "CU000111" } } },
            new { id = 101, name = "Linked Two", site_id = 11, customfields = new[] { new { id = 1, value = "CU000222" }, new { id = 2, value = "Finance" } } },
            new { id = 102, name = "Not Linked", site_id = 10, customfields = new[] { new { id = 2, value = "Finance" } } },
        }));
        using var target = await OpenAsync(host);

        var linked = await UsersAsync(target, new HaloUserQuery { LinkField = "gocardlesscustomerid" });
        var one = await UsersAsync(target, new HaloUserQuery { LinkField = "GoCardlessCustomerId", LinkValue = "cu000222" });

        Assert.Equal(new[] { 100, 101 }, linked.Select(u => u.Id));
        var user = Assert.Single(one);
        Assert.Equal(101, user.Id);
        Assert.Equal("CU000222", user.CustomFields["GoCardlessCustomerId"]);
        Assert.Equal("Finance", user.CustomFields["Department"]);
        Assert.Equal("Leeds Branch", user.SiteName);
        Assert.Equal(1, user.ClientId);
        Assert.Equal("Acme Widgets Ltd", user.ClientName);
    }

    [Fact]
    public async Task Users_read_from_a_list_carry_their_custom_fields_without_a_request_per_user()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(Enumerable.Range(1, 30).Select(i => (object)new
        {
            id = 100 + i, name = "User " + i, site_id = 10, customfields = new[] { new { id = 1, value = "CU" + i } },
        })));
        using var target = await OpenAsync(host);
        ResetCounts(host);

        var users = await UsersAsync(target);

        Assert.All(users, u => Assert.Equal("CU" + (u.Id - 100), u.CustomFields["GoCardlessCustomerId"]));
        Assert.Equal(0, Count(host, "GET /halo/api/Users/{id:int}"));
    }

    [Fact]
    public async Task Clients_and_sites_include_inactive_ones_flagged()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, new
        {
            clients = new[] { new { id = 1, name = "Active Ltd", inactive = false }, new { id = 2, name = "Gone Ltd", inactive = true } },
            sites = new[]
            {
                new { id = 10, name = "Head Office", client_id = 1, isinvoicesite = true, inactive = false },
                new { id = 20, name = "Closed Branch", client_id = 2, isinvoicesite = false, inactive = true },
            },
        });
        using var target = await OpenAsync(host);

        var clients = await ToListAsync(target.GetClientsAsync(CancellationToken.None));
        var sites = await ToListAsync(target.GetSitesAsync(CancellationToken.None));

        Assert.Equal(new[] { (1, "Active Ltd", false), (2, "Gone Ltd", true) }, clients.Select(c => (c.Id, c.Name, c.Inactive)));
        Assert.Equal(
            new[] { (10, 1, "Active Ltd", true, false), (20, 2, "Gone Ltd", false, true) },
            sites.Select(s => (s.Id, s.ClientId, s.ClientName, s.IsInvoiceSite, s.Inactive)));
    }

    [Fact]
    public async Task User_fields_are_the_usage_4_definitions_of_any_type()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(fields: new object[]
        {
            new { id = 1, name = "GoCardlessCustomerId", type = 0, usage = 4 },
            new { id = 2, name = "Preferred", type = 2, usage = 4 },
            new { id = 3, name = "TicketRef", type = 0, usage = 1 },
        }));
        using var target = await OpenAsync(host);

        var fields = await target.GetUserFieldsAsync(CancellationToken.None);

        Assert.Equal(new[] { ("GoCardlessCustomerId", true), ("Preferred", false) }, fields.Select(f => (f.Name, f.IsUserText)));
    }
}
