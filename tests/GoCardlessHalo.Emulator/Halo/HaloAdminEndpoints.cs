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
    public static void MapHaloAdmin(this WebApplication app)
    {
        var admin = app.MapGroup("/__admin/halo");
        admin.MapPost("/seed", Seed);
        admin.MapPost("/generate", (HaloGenerateRequest request, HaloStore store) =>
        {
            if (request.Clients is < 0 or > 100_000 || request.UsersPerClient is < 0 or > 1_000 || request.InvoicesPerClient is < 0 or > 1_000)
            {
                return HaloErrors.Validation("clients must be 0-100000, usersPerClient 0-1000 and invoicesPerClient 0-1000.");
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
        admin.MapPost("/settings", (HaloSettingsRequest request, HaloSettings settings) =>
        {
            settings.RateLimitPer5Minutes = request.RateLimitPer5Minutes ?? settings.RateLimitPer5Minutes;
            settings.TokenLifetimeSeconds = request.TokenLifetimeSeconds ?? settings.TokenLifetimeSeconds;
            settings.MaxPageSize = request.MaxPageSize ?? settings.MaxPageSize;
            request.Invoices?.ApplyTo(settings.Invoices);
            return Results.Json(new { settings.RateLimitPer5Minutes, settings.TokenLifetimeSeconds, settings.MaxPageSize, invoices = settings.Invoices });
        });
    }

    /// <summary>Replaces the whole Halo state with records in Halo's API shapes; on any error nothing changes.</summary>
    private static async Task<IResult> Seed(HttpRequest request, HaloStore store)
    {
        var (document, refusal) = await ReadObjectAsync(request, "Post {\"clients\":[…],\"sites\":[…],\"users\":[…],\"fields\":[…],\"invoices\":[…],\"invoicepayments\":[…]}.");
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
            invoices = state.Invoices.Count, invoicePayments = state.InvoicePayments.Count,
        };
}

/// <summary>Body of POST /__admin/halo/clock.</summary>
public sealed record HaloClockRequest(double AdvanceSeconds);

/// <summary>Body of POST /__admin/halo/settings; absent values stay as they are.</summary>
public sealed record HaloSettingsRequest(int? RateLimitPer5Minutes, int? TokenLifetimeSeconds, int? MaxPageSize, HaloInvoiceSwitchesRequest? Invoices = null);

/// <summary>The "invoices" part of POST /__admin/halo/settings; absent switches stay as they are.</summary>
public sealed record HaloInvoiceSwitchesRequest(bool? CurrencyCodeName, bool? ListLines, bool? PaymentRecalculates, bool? VoidedInList)
{
    public void ApplyTo(HaloInvoiceSwitches switches)
    {
        switches.CurrencyCodeName = CurrencyCodeName ?? switches.CurrencyCodeName;
        switches.ListLines = ListLines ?? switches.ListLines;
        switches.PaymentRecalculates = PaymentRecalculates ?? switches.PaymentRecalculates;
        switches.VoidedInList = VoidedInList ?? switches.VoidedInList;
    }
}
