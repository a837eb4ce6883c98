// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class HaloApiWriteTests
{
    private static readonly object[] TwoValuedUsers =
    {
        new { id = 100, name = "Ann Able", site_id = 10, customfields = new[] { new { id = 1, value = "CU100" }, new { id = 2, value = "Finance" } } },
        new { id = 101, name = "Bob Baker", site_id = 10, customfields = new[] { new { id = 2, value = "Operations" } } },
    };

    [Fact]
    public async Task Creates_are_posted_in_batches_of_BatchSize_and_answered_in_input_order()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        var writes = Enumerable.Range(1, 120).Select(i => new HaloUserWrite
        {
            SiteId = 10, Name = "New User " + i, FirstName = "New", Surname = "User " + i, Email = $"new{i}@acme.example.com", Phone = "+44 20 7946 0" + i.ToString("D3"),
            CustomFields = { ["GoCardlessCustomerId"] = "CU" + i },
        }).ToList();

        var results = await target.WriteUsersAsync(writes, CancellationToken.None);
        var stored = (await UsersAsync(target)).ToDictionary(u => u.Id);

        Assert.Equal(3, Count(host, "POST /halo/api/Users"));
        Assert.Equal(120, results.Count);
        Assert.All(results, r => Assert.True(r.Created));
        for (var i = 0; i < writes.Count; i++)
        {
            var user = stored[results[i].UserId];
            Assert.Equal((writes[i].Name, writes[i].Email, writes[i].Phone, "CU" + (i + 1), 10, 1), (user.Name, user.Email, user.Phone, user.CustomFields["GoCardlessCustomerId"], user.SiteId, user.ClientId));
        }
    }

    [Fact]
    public async Task The_batch_size_is_configurable()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host, configure: o => o.BatchSize = 7);

        await target.WriteUsersAsync(Enumerable.Range(1, 20).Select(i => new HaloUserWrite { SiteId = 11, Name = "U" + i }).ToList(), CancellationToken.None);

        Assert.Equal(3, Count(host, "POST /halo/api/Users"));
    }

    [Fact]
    public async Task An_update_after_a_list_read_keeps_the_other_fields_without_fetching_the_user()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(TwoValuedUsers));
        using var target = await OpenAsync(host);
        await UsersAsync(target);
        ResetCounts(host);

        var results = await target.WriteUsersAsync(new[] { new HaloUserWrite { Id = 100, CustomFields = { ["GoCardlessCustomerId"] = "CU999" } } }, CancellationToken.None);
        var ann = (await UsersAsync(target)).Single(u => u.Id == 100);

        Assert.Equal(new[] { (100, false) }, results.Select(r => (r.UserId, r.Created)));
        Assert.Equal("CU999", ann.CustomFields["GoCardlessCustomerId"]);
        Assert.Equal("Finance", ann.CustomFields["Department"]);
        Assert.Equal("Ann Able", ann.Name);
        Assert.Equal(0, Count(host, "GET /halo/api/Users/{id:int}"));
    }

    [Fact]
    public async Task An_update_of_a_user_not_read_yet_gets_the_full_array_by_id_first()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(TwoValuedUsers));
        using var target = await OpenAsync(host);

        await target.WriteUsersAsync(new[] { new HaloUserWrite { Id = 101, CustomFields = { ["GoCardlessCustomerId"] = "CU101" } } }, CancellationToken.None);
        var bob = (await UsersAsync(target)).Single(u => u.Id == 101);

        Assert.Equal(1, Count(host, "GET /halo/api/Users/{id:int}"));
        Assert.Equal("CU101", bob.CustomFields["GoCardlessCustomerId"]);
        Assert.Equal("Operations", bob.CustomFields["Department"]);
    }

    [Fact]
    public async Task A_value_can_be_cleared_and_scalar_updates_leave_custom_fields_alone()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo(TwoValuedUsers));
        using var target = await OpenAsync(host);

        await target.WriteUsersAsync(
            new[]
            {
                new HaloUserWrite { Id = 100, CustomFields = { ["Department"] = null } },
                new HaloUserWrite { Id = 101, Email = "bob@acme.example.com", SiteId = 11 },
            },
            CancellationToken.None);
        var users = (await UsersAsync(target)).ToDictionary(u => u.Id);

        Assert.False(users[100].CustomFields.ContainsKey("Department"));
        Assert.Equal("CU100", users[100].CustomFields["GoCardlessCustomerId"]);
        Assert.Equal(("bob@acme.example.com", 11, "Operations", "Bob Baker"), (users[101].Email, users[101].SiteId, users[101].CustomFields["Department"], users[101].Name));
        Assert.Equal(1, Count(host, "GET /halo/api/Users/{id:int}")); // only user 100's values were needed
    }

    [Fact]
    public async Task An_unknown_custom_field_stops_the_batch_before_anything_is_written()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(
            new[] { new HaloUserWrite { SiteId = 10, Name = "Ok" }, new HaloUserWrite { SiteId = 10, Name = "Bad", CustomFields = { ["NoSuchField"] = "x" } } },
            CancellationToken.None));

        Assert.Equal(ErrorIds.HaloFieldNotFound, error.ErrorId);
        Assert.Contains("'NoSuchField'", error.Message, StringComparison.Ordinal);
        Assert.Contains("GoCardlessCustomerId, Department", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count(host, "POST /halo/api/Users"));
    }

    [Fact]
    public async Task A_new_user_without_a_site_stops_the_batch_before_anything_is_written()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(
            new[] { new HaloUserWrite { SiteId = 10, Name = "Ok" }, new HaloUserWrite { Name = "Homeless" } }, CancellationToken.None));

        Assert.Equal(ErrorIds.HaloUserWriteInvalid, error.ErrorId);
        Assert.Contains("User write 2 of 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count(host, "POST /halo/api/Users"));
    }

    [Fact]
    public async Task CreateUserTextField_creates_a_Text_field_on_the_User_entity_usable_at_once()
    {
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);
        using var other = await OpenAsync(host);
        await other.GetUserFieldsAsync(CancellationToken.None);

        var field = await target.CreateUserTextFieldAsync("GoCardlessMandate", "GoCardless mandate", CancellationToken.None);
        var results = await other.WriteUsersAsync(new[] { new HaloUserWrite { SiteId = 10, Name = "M", CustomFields = { ["GoCardlessMandate"] = "MD123" } } }, CancellationToken.None);
        var user = (await UsersAsync(target)).Single(u => u.Id == results[0].UserId);

        Assert.True(field.Id > 0);
        Assert.Equal(("GoCardlessMandate", "GoCardless mandate", 0, 4), (field.Name, field.Label, field.Type, field.Usage));
        Assert.Contains(await target.GetUserFieldsAsync(CancellationToken.None), f => f.Id == field.Id && f.IsUserText);
        Assert.Equal("MD123", user.CustomFields["GoCardlessMandate"]);
    }

    [Theory]
    [InlineData("Has space")]
    [InlineData("CF-Dash")]
    [InlineData("")]
    public async Task Field_names_Halo_would_refuse_are_refused_first(string name)
    {
        await using var host = await EmulatorHost.StartAsync();
        using var target = await OpenAsync(host);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.CreateUserTextFieldAsync(name, "x", CancellationToken.None));

        Assert.Equal(ErrorIds.HaloFieldNameInvalid, error.ErrorId);
        Assert.Equal(0, Count(host, "POST /halo/api/FieldInfo"));
    }

    [Fact]
    public async Task Hostile_names_are_stored_and_read_back_verbatim()
    {
        string[] hostile =
        {
            "O'Brien \"The Quote\" Ltd",
            "Robert'); DROP TABLE USERS;--",
            "1 OR 1=1; EXEC xp_cmdshell 'dir'",
            "Zoë 😀 Ünïcödé 👩‍👩‍👧",
            "שלום עולם",
            "مرحبا بالعالم",
            "\u202Eevil\u202C RLO",
            "back\\slash & <script>alert(1)</script> %20 {brace}", // 50 characters: Halo's phone column (uextn) holds no more
        };
        await using var host = await EmulatorHost.StartAsync();
        await SeedAsync(host, SmallHalo());
        using var target = await OpenAsync(host);

        var results = await target.WriteUsersAsync(
            hostile.Select(h => new HaloUserWrite { SiteId = 10, Name = h, FirstName = h, Surname = h, Email = h, Phone = h, CustomFields = { ["GoCardlessCustomerId"] = h } }).ToList(),
            CancellationToken.None);
        var users = (await UsersAsync(target)).ToDictionary(u => u.Id);

        for (var i = 0; i < hostile.Length; i++)
        {
            var user = users[results[i].UserId];
            Assert.Equal(Enumerable.Repeat(hostile[i], 6), new[] { user.Name, user.FirstName, user.Surname, user.Email, user.Phone, user.CustomFields["GoCardlessCustomerId"] });
        }

        var found = await UsersAsync(target, new HaloUserQuery { LinkField = "GoCardlessCustomerId", LinkValue = hostile[1] });
        Assert.Equal(results[1].UserId, Assert.Single(found).Id);
    }
}
