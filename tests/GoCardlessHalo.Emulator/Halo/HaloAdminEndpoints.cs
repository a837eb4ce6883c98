// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Halo controls under /__admin/halo (never counted, faulted or rate limited).</summary>
public static class HaloAdminEndpoints
{
    /// <summary>Largest POST /__admin/halo/generate (README): ten times the benchmark's 10,000 customers.</summary>
    public const int MaxGeneratedClients = 100_000;

    /// <summary>Largest number of generated users (clients × usersPerClient), about 1 GB of emulator memory.</summary>
    public const long MaxGeneratedUsers = 1_000_000;

    public static void MapHaloAdmin(this WebApplication app)
    {
        var admin = app.MapGroup("/__admin/halo");
        admin.MapPost("/seed", Seed);
        admin.MapPost("/generate", (HaloGenerateRequest request, HaloStore store) =>
        {
            if (request.Clients is < 0 or > MaxGeneratedClients || request.UsersPerClient is < 0
                || (long)request.Clients * request.UsersPerClient > MaxGeneratedUsers
                || request.InvoicesPerClient is < 0 or > 1_000)
            {
                return HaloErrors.Validation(
                    $"clients must be 0-{MaxGeneratedClients}, usersPerClient 0 or more, and clients × usersPerClient at most {MaxGeneratedUsers} " +
                    $"(asked for {request.Clients} × {request.UsersPerClient}), and invoicesPerClient 0-1000; larger sets would exhaust the emulator's memory.");
            }

            var state = HaloGenerator.Generate(request);
            store.Replace(state);
            return Results.Json(Summary(state));
        });
        admin.MapGet("/summary", (HaloStore store) => Results.Json(store.Locked(Summary)));
        admin.MapPost("/tokens/expire", (HaloTokens tokens) =>
        {
            tokens.Reset();
            return Results.NoContent();
        });
        admin.MapPost("/clock", (HaloClockRequest request, HaloClock clock) =>
        {
            clock.Advance(TimeSpan.FromSeconds(Math.Max(0, request.AdvanceSeconds)));
            return Results.Json(new { now = clock.UtcNow });
        });
        admin.MapPost("/control", SetControl);
        admin.MapPost("/settings", HaloSettingsEndpoint.Apply);
        admin.MapGet("/settings", (HaloSettings settings) => Results.Json(HaloSettingsEndpoint.Snapshot(settings)));
    }

    /// <summary>Replaces the whole Halo state with records in Halo's API shapes; on any error nothing changes.</summary>
    private static async Task<IResult> Seed(HttpRequest request, HaloStore store)
    {
        var (document, refusal) = await ReadObjectAsync(request, "Post {\"clients\":[…],\"sites\":[…],\"users\":[…],\"fields\":[…],\"invoices\":[…],\"invoicepayments\":[…],\"tickets\":[…]}.");
        if (document is null)
        {
            return refusal!;
        }

        var state = new HaloState();
        try
        {
            // Fields first (users' customfields name them), then customers, their sites, their users.
            Load(state, document, "fields", HaloWrites.Field);
            Load(state, document, "clients", HaloWrites.Client);
            Load(state, document, "sites", HaloWrites.Site);
            Load(state, document, "users", HaloWrites.User);
            Load(state, document, "invoices", HaloWrites.Invoice);
            Load(state, document, "invoicepayments", (st, body, seeding) => HaloWrites.InvoicePayment(st, body, seeding, recalculates: true));
            Load(state, document, "tickets", (st, body, seeding) => HaloTicketEndpoints.Write(st, body, seeding, DateTime.UtcNow));
        }
        catch (HaloRequestException ex)
        {
            return ex.Result;
        }

        store.Replace(state);
        return Results.Json(Summary(state));
    }

    /// <summary>Changes Halo's GoCardless settings (GET /api/Control), e.g. switches Halo's own integrator on.</summary>
    private static async Task<IResult> SetControl(HttpRequest request, HaloControl control)
    {
        var (changes, refusal) = await ReadObjectAsync(request, "Post an object of settings, e.g. {\"halointegrator_gocardless\":true}.");
        if (changes is null)
        {
            return refusal!;
        }

        return control.Update(changes) is { } problem ? HaloErrors.Validation(problem) : HaloResponses.Json(control.Snapshot());
    }

    /// <summary>The body as a JSON object, or the Halo-shaped 400 to answer instead (not JSON, or not an object).</summary>
    private static async Task<(JsonObject? Body, IResult? Refusal)> ReadObjectAsync(HttpRequest request, string expected)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, HaloInput.NodeOptions, cancellationToken: request.HttpContext.RequestAborted);
            return body is JsonObject document ? (document, null) : (null, HaloErrors.Validation(expected));
        }
        catch (JsonException ex)
        {
            return (null, HaloErrors.Exception(ex));
        }
    }

    private static void Load<T>(HaloState state, JsonObject document, string key, HaloWrite<T> write)
    {
        var node = document[key];
        if (node is null)
        {
            return;
        }

        HaloWrites.Require(node is JsonArray, $"'{key}' must be an array.");
        foreach (var (element, index) in node.AsArray().Select((e, i) => (e, i)))
        {
            try
            {
                HaloWrites.Require(element is JsonObject, "must be an object");
                write(state, element!.AsObject(), seeding: true)();
            }
            catch (HaloRequestException ex)
            {
                throw HaloRequestException.Invalid($"{key}[{index}]: {ex.Message}");
            }
        }
    }

    private static object Summary(HaloState state) =>
        new
        {
            clients = state.Clients.Count, sites = state.Sites.Count, users = state.Users.Count, fields = state.Fields.Count,
            invoices = state.Invoices.Count, invoicePayments = state.InvoicePayments.Count, tickets = state.Tickets.Count,
        };
}

/// <summary>Body of POST /__admin/halo/clock.</summary>
public sealed record HaloClockRequest(double AdvanceSeconds);
