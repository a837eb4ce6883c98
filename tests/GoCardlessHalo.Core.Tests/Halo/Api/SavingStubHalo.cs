// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

using GoCardlessHalo.Core.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>How the stub answers a POST /api/Users after it has saved the users.</summary>
public enum SavedAnswer
{
    OrderedArray,
    ReversedArray,
    FirstObject,
    LastObject,
    PartialArray,
    EmptyBody,
    EmptyArray,
    Truncated,
    GatewayTimeout504,
    ConnectionReset,
    Timeout,
}

/// <summary>
/// A Halo that really saves posted users (one customer, site 1, User field 1 = GoCardlessCustomerId) and then
/// answers the first <see cref="FaultyAnswers"/> POSTs in the <see cref="Answer"/> shape: the fault happens
/// after Halo acted, which is what makes a blind retry duplicate users.
/// </summary>
public sealed class SavingStubHalo : HttpMessageHandler
{
    /// <summary>A Halo API target (no rate limit, a manual clock) that sends its requests to <paramref name="handler"/>.</summary>
    public static HaloApiTarget TargetOver(HttpMessageHandler handler) => new(new HaloApiOptions
    {
        Url = "https://halo.example.com",
        ClientId = "id",
        ClientSecret = "secret",
        RateLimitPer5Minutes = 0,
        Clock = new ManualClock(),
        HttpMessageHandler = handler,
    });

    private readonly object _gate = new();
    private int _nextId = 100;

    public SavedAnswer Answer { get; set; } = SavedAnswer.OrderedArray;

    public int FaultyAnswers { get; set; } = 1;

    /// <summary>False: a faulty answer comes before Halo saved anything (a 504 from a proxy that never forwarded).</summary>
    public bool SavesBeforeFaults { get; set; } = true;

    public int Posts { get; private set; }

    public int UserListReads { get; private set; }

    /// <summary>Every saved user, as Halo stores it.</summary>
    public List<JsonObject> Users { get; } = new();

    /// <summary>How many users hold each link value.</summary>
    public Dictionary<string, int> LinkCounts() => Users
        .Select(u => u["customfields"]!.AsArray().Select(c => c!["value"]?.GetValue<string>()).FirstOrDefault())
        .Where(v => v is not null)
        .GroupBy(v => v!)
        .ToDictionary(g => g.Key, g => g.Count());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        switch (path)
        {
            case "/auth/token": return Json("{\"access_token\":\"stub-token\",\"expires_in\":3600}");
            case "/api/FieldInfo": return Json("[{\"id\":1,\"name\":\"GoCardlessCustomerId\",\"type\":0,\"usage\":4}]");
            case "/api/Client": return Json("{\"record_count\":1,\"clients\":[{\"id\":1,\"name\":\"Unassigned\"}]}");
            case "/api/Site": return Json("{\"record_count\":1,\"sites\":[{\"id\":1,\"name\":\"Default\",\"client_id\":1,\"client_name\":\"Unassigned\",\"isinvoicesite\":true}]}");
            case "/api/Users" when request.Method == HttpMethod.Get:
                lock (_gate)
                {
                    UserListReads++;
                    var rows = Users.Where(u => query["site_id"] is null || u["site_id"]!.GetValue<int>() == int.Parse(query["site_id"]!)).ToList();
                    var page = int.Parse(query["page_no"] ?? "1");
                    var size = Math.Min(100, int.Parse(query["page_size"] ?? "100"));
                    return Json(new JsonObject { ["record_count"] = rows.Count, ["users"] = new JsonArray(rows.Skip((page - 1) * size).Take(size).Select(u => (JsonNode)u.DeepClone()).ToArray()) }.ToJsonString());
                }

            case "/api/Users":
                return await SaveAsync(request, cancellationToken);
            default:
                return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("Not Found") };
        }
    }

    private async Task<HttpResponseMessage> SaveAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var posted = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsArray();
        var saved = new List<JsonObject>();
        bool faulty;
        lock (_gate)
        {
            faulty = Posts++ < FaultyAnswers;
            foreach (var node in faulty && !SavesBeforeFaults ? new JsonArray() : posted)
            {
                var user = (JsonObject)node!.DeepClone();
                if (user["id"] is null)
                {
                    user["id"] = _nextId++;
                    Users.Add(user);
                }
                else if (Users.FirstOrDefault(u => u["id"]!.GetValue<int>() == user["id"]!.GetValue<int>()) is { } stored)
                {
                    // An update: the posted fields replace the stored ones, as Halo does.
                    foreach (var field in user.ToList())
                    {
                        stored[field.Key] = field.Value?.DeepClone();
                    }
                }

                saved.Add((JsonObject)user.DeepClone());
            }
        }

        var answer = faulty ? Answer : SavedAnswer.OrderedArray;
        string Array(IEnumerable<JsonObject> users) => new JsonArray(users.Select(u => (JsonNode)u.DeepClone()).ToArray()).ToJsonString();
        return answer switch
        {
            SavedAnswer.OrderedArray => Json(Array(saved)),
            SavedAnswer.ReversedArray => Json(Array(Enumerable.Reverse(saved))),
            SavedAnswer.FirstObject => Json(saved[0].ToJsonString()),
            SavedAnswer.LastObject => Json(saved[^1].ToJsonString()),
            SavedAnswer.PartialArray => Json(Array(saved.Take(saved.Count - 1))),
            SavedAnswer.EmptyBody => Json(string.Empty),
            SavedAnswer.EmptyArray => Json("[]"),
            SavedAnswer.Truncated => Json(Array(saved)[..20]),
            SavedAnswer.GatewayTimeout504 => new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { Content = new StringContent("504 Gateway Time-out") },
            SavedAnswer.ConnectionReset => throw new HttpRequestException("The response ended prematurely."),
            _ => throw new TaskCanceledException("The request timed out."),
        };
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
