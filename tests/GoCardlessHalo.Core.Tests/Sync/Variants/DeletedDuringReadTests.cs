// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// Issue 8, defect 3 end to end: Halo users deleted while Import-GcUser pages through the users shift the linked
/// users after them onto pages already read; never seen, they would be created again. Here 80 unlinked users (the
/// lowest ids, all on page 1) are deleted just before page 2 is served. The import must create no one: every customer
/// stays linked to its one user.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DeletedDuringReadTests
{
    private const int Unlinked = 80;
    private const int Customers = 150;

    [Fact]
    public async Task Users_deleted_while_the_import_reads_halo_cause_no_duplicate()
    {
        await using var world = await VariantWorld.StartAsync(Customers, 0);
        using var gc = world.GoCardless();
        var customers = await gc.ListCustomersAsync().ToListAsync();
        var users = Enumerable.Range(1, Unlinked).Select(i => (object)new { id = i, name = "Old contact " + i, site_id = 1 })
            .Concat(customers.Select((c, i) => (object)new { id = 1000 + i, name = "Linked " + i, emailaddress = c.Email, site_id = 1, customfields = new[] { new { id = 1, value = c.Id } } }))
            .ToList();
        await HaloApiTestKit.SeedAsync(world.Host, new
        {
            fields = new[] { new { id = 1, name = VariantWorld.LinkField, type = 0, usage = 4 }, new { id = 2, name = "GcAccountRef", type = 0, usage = 4 } },
            clients = new[] { new { id = 1, name = "Unassigned Customers" } },
            sites = new[] { new { id = 1, name = "Default Site", client_id = 1, isinvoicesite = true } },
            users,
        });
        var deleter = new DeleteBeforeSecondPage(world, Enumerable.Range(1, Unlinked));

        var results = await world.ImportAsync(o => o.HttpMessageHandler = deleter);

        Assert.True(deleter.Deleted, "the deletion happened during the read (before page 2 of the user list)");
        Assert.Equal(Customers, results.Count);
        Assert.DoesNotContain(results, r => r.Action == ImportAction.Created);
        var halo = world.Snapshot();
        Assert.Empty(halo.Duplicates);
        Assert.Equal(Customers, halo.LinkValues.Count);
        Assert.Equal(customers.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal), halo.LinkValues.OrderBy(id => id, StringComparer.Ordinal));
    }

    /// <summary>Forwards every request; the first time page 2 of the user list is asked for, deletes the given users first (as an agent would in Halo).</summary>
    private sealed class DeleteBeforeSecondPage : DelegatingHandler
    {
        private readonly VariantWorld _world;
        private readonly IReadOnlyList<int> _ids;

        public DeleteBeforeSecondPage(VariantWorld world, IEnumerable<int> ids)
            : base(new HttpClientHandler())
        {
            _world = world;
            _ids = ids.ToList();
        }

        public bool Deleted { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.PathAndQuery;
            if (!Deleted && request.Method == HttpMethod.Get && uri.Contains("/api/Users?", StringComparison.OrdinalIgnoreCase) && uri.Contains("page_no=2", StringComparison.Ordinal))
            {
                Deleted = true;
                using var admin = await HaloApiTestKit.HaloHttpAsync(_world.Host);
                foreach (var id in _ids)
                {
                    (await admin.DeleteAsync("api/Users/" + id, cancellationToken)).EnsureSuccessStatusCode();
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
