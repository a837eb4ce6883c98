// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>/__admin/gocardless: seed, generate, move payments, change the rate limit, inspect.</summary>
public static class GcAdminEndpoints
{
    /// <summary>Largest POST /__admin/gocardless/generate (README): ten times the benchmark's data set.</summary>
    public const int MaxGeneratedCustomers = 100_000;

    /// <summary>Largest number of generated payments (each carries its lifecycle events).</summary>
    public const int MaxGeneratedPayments = 1_000_000;

    public static void MapGcAdmin(this WebApplication app)
    {
        var admin = app.MapGroup("/__admin/gocardless");

        admin.MapPost("/seed", async (HttpContext http, GcStore store) => await Guarded(async () =>
        {
            var seed = await Read<GcSeed>(http);
            store.Load(seed);
            return Results.Json(Summary(store), GcJson.Options);
        }));

        admin.MapPost("/generate", async (HttpContext http, GcStore store) => await Guarded(async () =>
        {
            var request = http.Request.ContentLength is 0 ? new GcGenerateRequest() : await Read<GcGenerateRequest>(http);
            if (request.Customers < 0 || request.Payments < 0)
            {
                throw GcError.Validation("generate", ("customers", "must not be negative"), ("payments", "must not be negative"));
            }

            if (request.Customers > MaxGeneratedCustomers || request.Payments > MaxGeneratedPayments)
            {
                throw GcError.Usage(400, "generate_too_large",
                    $"customers must be at most {MaxGeneratedCustomers} and payments at most {MaxGeneratedPayments} (asked for {request.Customers} and {request.Payments}); larger sets would exhaust the emulator's memory.");
            }

            var clock = Stopwatch.StartNew();
            var (seed, nextId) = GcDataGenerator.Generate(request);
            store.Load(seed, nextId);
            var summary = Summary(store);
            summary["elapsed_ms"] = clock.ElapsedMilliseconds;
            summary["as_of"] = GcJson.FormatTimestamp(request.AsOf ?? GcDataGenerator.DefaultAsOf);
            return Results.Json(summary, GcJson.Options);
        }));

        admin.MapPost("/payments/{id}/transition", async (string id, HttpContext http, GcStore store) => await Guarded(async () =>
        {
            var body = await Read<TransitionRequest>(http);
            if (body.Status is null || !PaymentStateMachine.AllStatuses.Contains(body.Status))
            {
                throw GcError.Validation("transition", ("status", "must be one of " + string.Join(", ", PaymentStateMachine.AllStatuses)));
            }

            var (payment, events) = store.Transition(id, body.Status, body.Cause, willAttemptRetry: body.WillAttemptRetry);
            return Results.Json(new Dictionary<string, object> { ["payments"] = payment, ["events"] = events }, GcJson.Options);
        }));

        admin.MapPost("/mandates/{id}/transition", async (string id, HttpContext http, GcStore store) => await Guarded(async () =>
        {
            var body = await Read<TransitionRequest>(http);
            if (body.Status is null || !GcStore.MandateTransitionStatuses.Contains(body.Status))
            {
                throw GcError.Validation("transition", ("status", "must be one of " + string.Join(", ", GcStore.MandateTransitionStatuses)));
            }

            var (mandate, written) = store.TransitionMandate(id, body.Status);
            return Results.Json(new Dictionary<string, object> { ["mandates"] = mandate, ["events"] = new[] { written } }, GcJson.Options);
        }));

        admin.MapPost("/rate-limit", async (HttpContext http, GcRateLimiter limiter) => await Guarded(async () =>
        {
            var body = await Read<RateLimitRequest>(http);
            if (body.PerMinute < 0)
            {
                throw GcError.Validation("rate-limit", ("per_minute", "must not be negative"));
            }

            limiter.SetLimit(body.PerMinute);
            return Results.NoContent();
        }));

        admin.MapGet("/state", (GcStore store) => Results.Json(Summary(store), GcJson.Options));
    }

    private static Dictionary<string, object> Summary(GcStore store) => store.Read(s => new Dictionary<string, object>
    {
        ["creditor"] = s.Creditors[0].Id,
        ["customers"] = s.Customers.Count,
        ["customer_bank_accounts"] = s.BankAccounts.Count,
        ["mandates"] = s.Mandates.Count,
        ["payments"] = s.Payments.Count,
        ["events"] = s.Events.Count,
        ["payments_by_status"] = s.Payments.All().GroupBy(p => p.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
    });

    private static async Task<T> Read<T>(HttpContext http) where T : new()
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, GcJson.Options) ?? new T();
        }
        catch (JsonException e)
        {
            throw GcError.Usage(400, "invalid_document_structure", "The body is not valid for this control: " + e.Message);
        }
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (GcError error)
        {
            return error.ToResult(Guid.NewGuid().ToString());
        }
        catch (ArgumentException error)
        {
            return GcError.Usage(400, "invalid_seed", error.Message).ToResult(Guid.NewGuid().ToString());
        }
    }

    private sealed class TransitionRequest
    {
        public string? Status { get; set; }

        /// <summary>Overrides details.cause of a failure, e.g. bank_account_closed.</summary>
        public string? Cause { get; set; }

        /// <summary>A failure's details.will_attempt_retry (only for a payment created with retry_if_possible): GoCardless will retry it.</summary>
        public bool WillAttemptRetry { get; set; }
    }

    private sealed class RateLimitRequest
    {
        public int PerMinute { get; set; } = 1000;
    }
}
