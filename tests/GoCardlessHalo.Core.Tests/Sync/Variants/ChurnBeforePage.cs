// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// Issue 8's churn during a paged read: forwards every request; the first time page <c>page</c> of the user list
/// (GET /api/Users?…page_no=N, of a read whose query holds <c>filter</c>) is asked for, deletes the given users first and creates <c>created</c> unlinked ones in
/// site 1 (as agents would in Halo). With as many created as deleted, <c>record_count</c> does not move, so the pager
/// cannot tell that rows moved onto pages already read.
/// </summary>
public sealed class ChurnBeforePage : DelegatingHandler
{
    private readonly VariantWorld _world;
    private readonly string _page;
    private readonly IReadOnlyList<int> _ids;
    private readonly int _created;
    private readonly string _filter;

    /// <param name="filter">Only a read whose query holds this text (e.g. <c>site_id=1</c>) triggers it.</param>
    public ChurnBeforePage(VariantWorld world, int page, IEnumerable<int> ids, int created, string filter = "")
        : base(new HttpClientHandler())
    {
        _world = world;
        _filter = filter;
        _page = "page_no=" + page;
        _ids = ids.ToList();
        _created = created;
    }

    public bool Deleted { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.PathAndQuery;
        if (!Deleted && request.Method == HttpMethod.Get && uri.Contains("/api/Users?", StringComparison.OrdinalIgnoreCase) && uri.EndsWith(_page, StringComparison.Ordinal) && uri.Contains(_filter, StringComparison.Ordinal))
        {
            Deleted = true;
            using var admin = await HaloApiTestKit.HaloHttpAsync(_world.Host);
            foreach (var id in _ids)
            {
                (await admin.DeleteAsync("api/Users/" + id, cancellationToken)).EnsureSuccessStatusCode();
            }

            var added = Enumerable.Range(1, _created).Select(i => new { name = "New contact " + i, site_id = 1 }).ToList();
            if (added.Count > 0)
            {
                (await admin.PostAsJsonAsync("api/Users", added, cancellationToken)).EnsureSuccessStatusCode();
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
