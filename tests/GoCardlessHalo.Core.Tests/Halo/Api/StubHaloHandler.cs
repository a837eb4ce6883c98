// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>
/// A scripted Halo for behaviours the emulator deliberately does not have (lists without record_count, a
/// server that ignores page_no, lists without custom fields). No authinfo (so the /auth/token fallback is used).
/// </summary>
public sealed class StubHaloHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _paths = new();

    /// <summary>Answers GET /api/Users lists: page number → JSON body.</summary>
    public Func<int, string> UsersPage { get; set; } = _ => "[]";

    /// <summary>Answers GET /api/Users/{id}.</summary>
    public Func<int, string> UserById { get; set; } = id => $"{{\"id\":{id}}}";

    public string FieldInfo { get; set; } = "[{\"id\":1,\"name\":\"Link\",\"type\":0,\"usage\":4}]";

    public IReadOnlyList<string> Paths => _paths.ToList();

    public int Count(string pathPrefix) => Paths.Count(p => p.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static string User(int id, string? link = null, bool withCustomFields = true) =>
        $"{{\"id\":{id},\"name\":\"User {id}\",\"site_id\":{id * 10}.0,\"inactive\":0"
        + (withCustomFields ? $",\"customfields\":[{{\"id\":1,\"name\":\"CFLink\",\"value\":{(link is null ? "null" : "\"" + link + "\"")}}}]" : string.Empty) + "}";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        _paths.Enqueue(path + request.RequestUri.Query);
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        return Task.FromResult(path switch
        {
            "/auth/token" => Json("{\"access_token\":\"stub-token\",\"expires_in\":3600}"),
            "/api/FieldInfo" => Json(FieldInfo),
            "/api/Users" => Json(UsersPage(int.Parse(query["page_no"] ?? "1"))),
            _ when path.StartsWith("/api/Users/", StringComparison.Ordinal) => Json(UserById(int.Parse(path["/api/Users/".Length..]))),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("Not Found") },
        });
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
