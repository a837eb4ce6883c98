// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>
/// What the sync needs from Halo, asserted through <see cref="IHaloTarget"/> only, so every target (REST API,
/// SQLite, SQL Server) runs the same facts. A subclass supplies the factory; this half holds the reading facts.
/// </summary>
public abstract partial class HaloTargetBehaviour : IDisposable
{
    private readonly IHaloTargetFactory factory;

    protected HaloTargetBehaviour(IHaloTargetFactory factory)
    {
        this.factory = factory;
    }

    public void Dispose()
    {
        (factory as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Clients_are_read_with_names_and_inactive_flag()
    {
        using var target = await CreateAsync();

        var clients = (await target.GetClientsAsync(CancellationToken.None).ToListAsync()).ToDictionary(c => c.Id);

        Assert.Equal("Acme Widgets Ltd", clients[Acme].Name);
        Assert.False(clients[Acme].Inactive);
        Assert.Equal("Brightside Dental", clients[Brightside].Name);
        Assert.True(clients[Closed].Inactive);
    }

    [Fact]
    public async Task Sites_carry_their_client_the_invoice_flag_and_the_inactive_flag()
    {
        using var target = await CreateAsync();

        var sites = (await target.GetSitesAsync(CancellationToken.None).ToListAsync()).ToDictionary(s => s.Id);

        Assert.Equal(new[] { AcmeHeadOffice, AcmeWarehouse, BrightsideMain, BrightsideOld, ClosedHq }, sites.Keys.OrderBy(k => k));
        var head = sites[AcmeHeadOffice];
        Assert.Equal(("Acme Head Office", Acme, "Acme Widgets Ltd", true, false), (head.Name, head.ClientId, head.ClientName, head.IsInvoiceSite, head.Inactive));
        Assert.False(sites[AcmeWarehouse].IsInvoiceSite);
        Assert.True(sites[BrightsideOld].Inactive);
        Assert.False(sites[BrightsideOld].IsInvoiceSite);
        Assert.True(sites[ClosedHq].Inactive);
        Assert.True(sites[ClosedHq].IsInvoiceSite);
    }

    [Fact]
    public async Task Users_are_read_with_site_client_contact_details_and_custom_field_values()
    {
        using var target = await CreateAsync();

        var alice = await ReadUserAsync(target, Alice);
        var carol = await ReadUserAsync(target, Carol);
        var eve = await ReadUserAsync(target, Eve);

        Assert.Equal(("Alice Archer", "Alice", "Archer", "alice@acme.example", "0113 496 0000"), (alice.Name, alice.FirstName, alice.Surname, alice.Email, alice.Phone));
        Assert.Equal((AcmeHeadOffice, "Acme Head Office", Acme, "Acme Widgets Ltd"), (alice.SiteId, alice.SiteName, alice.ClientId, alice.ClientName));
        Assert.Equal("CU001", Value(alice, LinkField));
        Assert.Equal("North", Value(alice, RegionField));
        Assert.Null(Value(carol, LinkField));
        Assert.Equal("South", Value(carol, RegionField));
        Assert.Null(Value(eve, LinkField));
        Assert.Null(Value(eve, RegionField));
    }

    [Fact]
    public async Task Inactive_users_are_left_out_unless_asked_for()
    {
        using var target = await CreateAsync();

        var active = await ReadUsersAsync(target, new HaloUserQuery());
        var all = await ReadUsersAsync(target, new HaloUserQuery { IncludeInactive = true });

        Assert.Equal(new[] { Alice, Bob, Carol, Eve }, Ids(active));
        Assert.Equal(new[] { Alice, Bob, Carol, Dan, Eve }, Ids(all));
        Assert.True(all.Single(u => u.Id == Dan).Inactive);
        Assert.All(active, u => Assert.False(u.Inactive));
    }

    [Fact]
    public async Task User_field_definitions_carry_type_and_usage_and_exclude_other_entities()
    {
        using var target = await CreateAsync();

        var fields = (await target.GetUserFieldsAsync(CancellationToken.None)).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(new[] { DateField, LinkField, RegionField }, fields.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.True(fields[LinkField].IsUserText);
        Assert.Equal(HaloFieldDefinition.TextType, fields[RegionField].Type);
        Assert.Equal(4, fields[DateField].Type);
        Assert.False(fields[DateField].IsUserText);
        Assert.All(fields.Values, f => Assert.Equal(HaloFieldDefinition.UserUsage, f.Usage));
        Assert.Equal("GoCardless customer", fields[LinkField].Label);
    }

    [Fact]
    public async Task Looking_up_a_link_value_finds_only_that_user()
    {
        using var target = await CreateAsync();

        var found = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU002" });
        var none = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU999" });

        Assert.Equal(new[] { Bob }, Ids(found));
        Assert.Equal("Bob Baker", found[0].Name);
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_link_field_without_a_value_lists_linked_users_only()
    {
        using var target = await CreateAsync();

        var linked = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField });
        var linkedWithInactive = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, IncludeInactive = true });

        Assert.Equal(new[] { Alice, Bob }, Ids(linked));
        Assert.Equal(new[] { Alice, Bob, Dan }, Ids(linkedWithInactive));
        Assert.All(linked, u => Assert.False(string.IsNullOrEmpty(Value(u, LinkField))));
    }

    [Fact]
    public async Task Users_can_be_filtered_by_client_and_by_site()
    {
        using var target = await CreateAsync();

        var acme = await ReadUsersAsync(target, new HaloUserQuery { ClientId = Acme });
        var warehouse = await ReadUsersAsync(target, new HaloUserQuery { SiteId = AcmeWarehouse });
        var brightsideLinked = await ReadUsersAsync(target, new HaloUserQuery { ClientId = Brightside, LinkField = LinkField, IncludeInactive = true });

        Assert.Equal(new[] { Alice, Bob }, Ids(acme));
        Assert.Equal(new[] { Bob }, Ids(warehouse));
        Assert.Equal(new[] { Dan }, Ids(brightsideLinked));
    }

    protected async Task<IHaloTarget> CreateAsync() => await factory.CreateAsync(HaloBehaviourSeed.Create());

    protected static async Task<List<HaloUser>> ReadUsersAsync(IHaloTarget target, HaloUserQuery query) =>
        (await target.GetUsersAsync(query, CancellationToken.None).ToListAsync()).OrderBy(u => u.Id).ToList();

    protected static async Task<HaloUser> ReadUserAsync(IHaloTarget target, int id)
    {
        var users = await ReadUsersAsync(target, new HaloUserQuery { IncludeInactive = true });
        return Assert.Single(users, u => u.Id == id);
    }

    protected static string? Value(HaloUser user, string field) => user.CustomFields.TryGetValue(field, out var value) ? value : null;

    protected static int[] Ids(IEnumerable<HaloUser> users) => users.Select(u => u.Id).OrderBy(id => id).ToArray();
}
