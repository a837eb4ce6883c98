// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using static GoCardlessHalo.Core.Tests.Halo.Api.HaloApiTestKit;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

public sealed class ApiHaloTargetFactoryTests : IClassFixture<ApiHaloTargetFactory>
{
    private readonly ApiHaloTargetFactory _factory;

    public ApiHaloTargetFactoryTests(ApiHaloTargetFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task Each_target_holds_exactly_its_seed()
    {
        var first = new HaloSeed();
        first.Fields.Add(new HaloFieldDefinition { Id = 7, Name = "GoCardlessCustomerId", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage });
        first.Clients.Add(new HaloClient { Id = 3, Name = "Acme Ltd" });
        first.Sites.Add(new HaloSite { Id = 30, Name = "Head Office", ClientId = 3, IsInvoiceSite = true });
        first.Users.Add(new HaloUser { Id = 300, Name = "Ann Able", Email = "ann@acme.example.com", SiteId = 30, CustomFields = { ["GoCardlessCustomerId"] = "CU300" } });
        var second = new HaloSeed();
        second.Clients.Add(new HaloClient { Id = 4, Name = "Other Ltd", Inactive = true });

        using (var target = await _factory.CreateAsync(first))
        {
            var user = Assert.Single(await UsersAsync(target));
            Assert.Equal((300, "Ann Able", "ann@acme.example.com", 30, 3, "Acme Ltd", "CU300"), (user.Id, user.Name, user.Email, user.SiteId, user.ClientId, user.ClientName, user.CustomFields["GoCardlessCustomerId"]));
            Assert.Equal(7, Assert.Single(await target.GetUserFieldsAsync(CancellationToken.None)).Id);
        }

        using (var target = await _factory.CreateAsync(second))
        {
            Assert.Empty(await UsersAsync(target));
            Assert.Equal(new[] { (4, true) }, (await ToListAsync(target.GetClientsAsync(CancellationToken.None))).Select(c => (c.Id, c.Inactive)));
        }
    }
}
