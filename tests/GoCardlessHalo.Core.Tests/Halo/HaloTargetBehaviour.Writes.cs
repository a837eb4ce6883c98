// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>The writing facts of the shared behaviour suite.</summary>
public abstract partial class HaloTargetBehaviour
{
    /// <summary>Text that breaks naive SQL, JSON or bidi handling; every target must store it verbatim.</summary>
    public static readonly string[] HostileTexts =
    {
        "O'Brien",
        "'); DROP TABLE USERS;--",
        "Robert\"); DELETE FROM FieldData; --",
        "[bracket]] `tick` \"quote\" \\slash\\",
        "100% _wild_ * ? { } <b>&amp;</b>",
        "Zoë Ünïcödé 😀🎉 ﬁ",
        "مرحبا بالعالم",
        "שלום עולם (RTL) ‏mixed‎",
        "tab\tand\nnewline",
    };

    [Fact]
    public async Task Created_users_get_ids_in_input_order_and_read_back_with_every_field()
    {
        using var target = await CreateAsync();
        var batch = new[]
        {
            NewUser("Frank First", AcmeHeadOffice, "CU010", "frank@acme.example", "0113 496 0001"),
            NewUser("Grace Second", BrightsideMain, "CU011", "grace@brightside.example", null),
            NewUser("Heidi Third", AcmeWarehouse, null, null, null),
        };
        batch[0].CustomFields[RegionField] = "East";

        var results = await target.WriteUsersAsync(batch, CancellationToken.None);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(3, results.Select(r => r.UserId).Distinct().Count());
        Assert.DoesNotContain(results, r => new[] { Alice, Bob, Carol, Dan, Eve }.Contains(r.UserId));
        var frank = await ReadUserAsync(target, results[0].UserId);
        Assert.Equal(("Frank First", "Frank", "First", "frank@acme.example", "0113 496 0001"), (frank.Name, frank.FirstName, frank.Surname, frank.Email, frank.Phone));
        Assert.Equal((AcmeHeadOffice, Acme, "Acme Widgets Ltd"), (frank.SiteId, frank.ClientId, frank.ClientName));
        Assert.Equal("CU010", Value(frank, LinkField));
        Assert.Equal("East", Value(frank, RegionField));
        var grace = await ReadUserAsync(target, results[1].UserId);
        Assert.Equal(("Grace Second", BrightsideMain, "CU011"), (grace.Name, grace.SiteId, Value(grace, LinkField)));
        var heidi = await ReadUserAsync(target, results[2].UserId);
        Assert.Equal(("Heidi Third", AcmeWarehouse, null), (heidi.Name, heidi.SiteId, Value(heidi, LinkField)));
        Assert.False(heidi.Inactive);
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_it_gives()
    {
        using var target = await CreateAsync();

        var results = await target.WriteUsersAsync(new[] { new HaloUserWrite { Id = Alice, Email = "alice.new@acme.example" } }, CancellationToken.None);

        Assert.Equal(Alice, Assert.Single(results).UserId);
        Assert.False(results[0].Created);
        var alice = await ReadUserAsync(target, Alice);
        Assert.Equal("alice.new@acme.example", alice.Email);
        Assert.Equal(("Alice Archer", "Alice", "Archer", "0113 496 0000", AcmeHeadOffice), (alice.Name, alice.FirstName, alice.Surname, alice.Phone, alice.SiteId));
        Assert.Equal(("CU001", "North"), (Value(alice, LinkField), Value(alice, RegionField)));
        var bob = await ReadUserAsync(target, Bob);
        Assert.Equal(("bob@acme.example", "CU002"), (bob.Email, Value(bob, LinkField)));
    }

    [Fact]
    public async Task An_update_merges_custom_field_values_and_keeps_the_others()
    {
        using var target = await CreateAsync();
        var linkAlice = new HaloUserWrite { Id = Alice };
        linkAlice.CustomFields[RegionField] = "North West";
        var linkCarol = new HaloUserWrite { Id = Carol };
        linkCarol.CustomFields[LinkField] = "CU020";

        await target.WriteUsersAsync(new[] { linkAlice, linkCarol }, CancellationToken.None);

        var alice = await ReadUserAsync(target, Alice);
        var carol = await ReadUserAsync(target, Carol);
        Assert.Equal(("CU001", "North West"), (Value(alice, LinkField), Value(alice, RegionField)));
        Assert.Equal(("CU020", "South"), (Value(carol, LinkField), Value(carol, RegionField)));
        Assert.Equal("carol@brightside.example", carol.Email);
    }

    [Fact]
    public async Task A_mixed_batch_creates_and_updates_and_reports_in_input_order()
    {
        using var target = await CreateAsync();
        var batch = new[]
        {
            new HaloUserWrite { Id = Bob, Phone = "0113 496 0999" },
            NewUser("Ivan New", AcmeHeadOffice, "CU030", null, null),
            new HaloUserWrite { Id = Carol, Surname = "Clark-Smith" },
        };

        var results = await target.WriteUsersAsync(batch, CancellationToken.None);

        Assert.Equal(new[] { (Bob, false), (results[1].UserId, true), (Carol, false) }, results.Select(r => (r.UserId, r.Created)));
        Assert.Equal("0113 496 0999", (await ReadUserAsync(target, Bob)).Phone);
        Assert.Equal("Clark-Smith", (await ReadUserAsync(target, Carol)).Surname);
        Assert.Equal("Ivan New", (await ReadUserAsync(target, results[1].UserId)).Name);
    }

    [Fact]
    public async Task A_user_moved_to_another_customer_is_found_by_its_link_wherever_it_lives()
    {
        using var target = await CreateAsync();

        await target.WriteUsersAsync(new[] { new HaloUserWrite { Id = Alice, SiteId = BrightsideMain } }, CancellationToken.None);

        var found = Assert.Single(await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = "CU001" }));
        Assert.Equal((Alice, BrightsideMain, "Brightside Main", Brightside, "Brightside Dental"), (found.Id, found.SiteId, found.SiteName, found.ClientId, found.ClientName));
        Assert.Equal("North", Value(found, RegionField));
        Assert.DoesNotContain(Alice, Ids(await ReadUsersAsync(target, new HaloUserQuery { ClientId = Acme })));
        Assert.Contains(Alice, Ids(await ReadUsersAsync(target, new HaloUserQuery { ClientId = Brightside, LinkField = LinkField })));
    }

    [Fact]
    public async Task A_created_text_user_field_is_listed_and_holds_values()
    {
        using var target = await CreateAsync();

        var created = await target.CreateUserTextFieldAsync("MandateStatus", "Mandate status", CancellationToken.None);
        var update = new HaloUserWrite { Id = Bob };
        update.CustomFields["MandateStatus"] = "active";
        await target.WriteUsersAsync(new[] { update }, CancellationToken.None);

        Assert.Equal(("MandateStatus", HaloFieldDefinition.TextType, HaloFieldDefinition.UserUsage), (created.Name, created.Type, created.Usage));
        Assert.True(created.IsUserText);
        var listed = Assert.Single(await target.GetUserFieldsAsync(CancellationToken.None), f => f.Name == "MandateStatus");
        Assert.Equal((created.Id, "Mandate status"), (listed.Id, listed.Label));
        var bob = await ReadUserAsync(target, Bob);
        Assert.Equal(("active", "CU002"), (Value(bob, "MandateStatus"), Value(bob, LinkField)));
    }

    // Halo's rule (reference §2.5): letters, digits and underscores, at most 64; nothing says a letter comes first.
    [Theory]
    [InlineData("1stContract")]
    [InlineData("_ref")]
    [InlineData("F234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Every_field_name_Halo_accepts_can_be_created(string name)
    {
        using var target = await CreateAsync();

        var created = await target.CreateUserTextFieldAsync(name, "x", CancellationToken.None);

        Assert.Equal(name, created.Name);
        Assert.Single(await target.GetUserFieldsAsync(CancellationToken.None), f => f.Name == name);
    }

    [Theory]
    [InlineData("Has space")]
    [InlineData("CF-Dash")]
    [InlineData("")]
    [InlineData("Trailing\n")]
    [InlineData("F2345678901234567890123456789012345678901234567890123456789012345")]
    public async Task Field_names_Halo_would_refuse_are_refused_and_nothing_is_created(string name)
    {
        using var target = await CreateAsync();
        var before = (await target.GetUserFieldsAsync(CancellationToken.None)).Count;

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.CreateUserTextFieldAsync(name, "x", CancellationToken.None));

        Assert.Equal((ErrorIds.HaloFieldNameInvalid, ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Equal(before, (await target.GetUserFieldsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_field_name_already_taken_on_the_User_entity_is_a_conflict_and_nothing_is_created()
    {
        using var target = await CreateAsync();
        var before = (await target.GetUserFieldsAsync(CancellationToken.None)).Count;

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.CreateUserTextFieldAsync(RegionField.ToUpperInvariant(), "x", CancellationToken.None));

        Assert.Equal((ErrorIds.HaloFieldAlreadyExists, ErrorKind.Conflict), (error.ErrorId, error.Kind));
        Assert.Equal(before, (await target.GetUserFieldsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Hostile_text_is_stored_and_read_back_verbatim()
    {
        using var target = await CreateAsync();
        var batch = HostileTexts.Select((text, i) =>
        {
            var user = new HaloUserWrite { SiteId = AcmeHeadOffice, Name = text, FirstName = text, Surname = text, Phone = text };
            user.CustomFields[RegionField] = text;
            user.CustomFields[LinkField] = "CU-H" + i + " " + text;
            return user;
        }).ToList();

        var results = await target.WriteUsersAsync(batch, CancellationToken.None);

        var users = (await ReadUsersAsync(target, new HaloUserQuery { IncludeInactive = true })).ToDictionary(u => u.Id);
        Assert.Equal(5 + HostileTexts.Length, users.Count);
        for (var i = 0; i < HostileTexts.Length; i++)
        {
            var user = users[results[i].UserId];
            var text = HostileTexts[i];
            Assert.Equal((text, text, text, text), (user.Name, user.FirstName, user.Surname, user.Phone));
            Assert.Equal(text, Value(user, RegionField));
            Assert.Equal("CU-H" + i + " " + text, Value(user, LinkField));
        }
    }

    [Fact]
    public async Task A_hostile_link_value_finds_exactly_its_user()
    {
        using var target = await CreateAsync();
        var writes = HostileTexts.Select(text =>
        {
            var user = NewUser("Hostile", AcmeWarehouse, text, null, null);
            return user;
        }).ToList();
        var results = await target.WriteUsersAsync(writes, CancellationToken.None);

        for (var i = 0; i < HostileTexts.Length; i++)
        {
            var found = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField, LinkValue = HostileTexts[i] });
            Assert.Equal(new[] { results[i].UserId }, Ids(found));
        }
    }

    [Fact]
    public async Task Hundreds_of_users_are_created_in_one_call_and_all_read_back()
    {
        using var target = await CreateAsync();
        var batch = Enumerable.Range(0, 250)
            .Select(i => NewUser("Bulk User " + i, i % 2 == 0 ? AcmeHeadOffice : BrightsideMain, "CU-BULK-" + i, "bulk" + i + "@example.com", null))
            .ToList();

        var results = await target.WriteUsersAsync(batch, CancellationToken.None);

        var linked = await ReadUsersAsync(target, new HaloUserQuery { LinkField = LinkField });
        var bulk = linked.Where(u => u.Name.StartsWith("Bulk User ", System.StringComparison.Ordinal)).ToDictionary(u => u.Id);
        Assert.Equal(250, bulk.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(("Bulk User " + i, "CU-BULK-" + i), (bulk[results[i].UserId].Name, Value(bulk[results[i].UserId], LinkField)));
        }
    }

    protected static HaloUserWrite NewUser(string name, int siteId, string? link, string? email, string? phone)
    {
        var parts = name.Split(' ');
        var user = new HaloUserWrite { SiteId = siteId, Name = name, FirstName = parts[0], Surname = parts.Length > 1 ? parts[^1] : null, Email = email, Phone = phone };
        if (link != null)
        {
            user.CustomFields[LinkField] = link;
        }

        return user;
    }
}
