// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>The request handling every Halo resource shares: list pages, single GETs, POST batches, DELETE.</summary>
public static class HaloResponses
{
    // Halo answers with raw UTF-8 rather than \u escapes; relaxed escaping keeps emoji and right-to-left text
    // as they are, so clients are tested on real UTF-8.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(Output), "application/json; charset=utf-8");

    /// <summary>A list in Halo's wrapper <c>{"record_count":N,"&lt;key&gt;":[…]}</c>, paged by Halo's rules.</summary>
    public static IResult List<T>(
        HttpRequest request,
        HaloStore store,
        HaloSettings settings,
        string key,
        Func<HaloState, IQueryCollection, IEnumerable<T>> rows,
        Func<HaloState, T, JsonNode> render)
    {
        var page = HaloPage.From(request.Query, settings.MaxPageSize, settings.PageNumbering);
        return Json(store.Locked(state =>
        {
            var matching = rows(state, request.Query).ToList();
            return new JsonObject
            {
                ["record_count"] = matching.Count,
                [key] = new JsonArray(matching.Skip(page.Skip).Take(page.Take).Select(row => render(state, row)).ToArray()),
            };
        }));
    }

    /// <summary>The default answer to a POST: one saved record as an object, several as an array in the order posted.</summary>
    public static IResult Saved(IReadOnlyList<JsonNode> saved) =>
        Json(saved.Count == 1 ? saved[0] : new JsonArray(saved.ToArray()));

    public static IResult One<T>(HaloStore store, string what, int id, Func<HaloState, T?> find, Func<HaloState, T, JsonNode> render)
        where T : class
    {
        var json = store.Locked(state => find(state) is { } row ? render(state, row) : null);
        return json is null ? HaloErrors.NotFound($"No {what} has id {id}.") : Json(json);
    }

    public static IResult Delete(HaloStore store, string what, int id, Func<HaloState, bool> remove) =>
        store.Locked(remove) ? Results.Ok() : HaloErrors.NotFound($"No {what} has id {id}.");

    /// <summary>
    /// A POST of a JSON array (a single object is accepted too). Every element is validated before any is
    /// applied, so a 400 or 404 means nothing changed. One saved object comes back as an object, several as
    /// an array, in the order posted, unless <paramref name="answer"/> shapes the answer otherwise.
    /// </summary>
    public static async Task<IResult> Post<T>(HttpRequest request, HaloStore store, HaloWrite<T> write, Func<HaloState, T, JsonNode> render, Func<IReadOnlyList<JsonNode>, IResult>? answer = null)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, HaloInput.NodeOptions, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return HaloErrors.Exception(ex);
        }

        var elements = body switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => new List<JsonNode?> { single },
            _ => new List<JsonNode?>(),
        };
        if (elements.Count == 0 || elements.Any(e => e is not JsonObject))
        {
            return HaloErrors.Validation("Post a JSON array of objects.");
        }

        try
        {
            var saved = store.Locked(state =>
            {
                var changes = elements.Select(e => write(state, e!.AsObject(), seeding: false)).ToList();
                return changes.Select(apply => render(state, apply())).ToList();
            });
            return (answer ?? Saved)(saved);
        }
        catch (HaloRequestException ex)
        {
            return ex.Result;
        }
    }
}
