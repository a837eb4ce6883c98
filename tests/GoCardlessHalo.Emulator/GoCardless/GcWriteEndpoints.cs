// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// POST /customers, POST /payments (both honouring Idempotency-Key) and the payment cancel/retry actions.
/// </summary>
public static class GcWriteEndpoints
{
    private static readonly string[] Currencies = { "AUD", "CAD", "DKK", "EUR", "GBP", "NZD", "SEK", "USD" };
    /// <summary>The one currency each scheme collects (gocardless.md; becs_nz and faster_payments added to the generator's schemes).</summary>
    public static readonly IReadOnlyDictionary<string, string> SchemeCurrencies = GcSampleData.Countries
        .GroupBy(c => c.Scheme)
        .ToDictionary(g => g.Key, g => g.First().Currency)
        .Concat(new Dictionary<string, string> { ["becs_nz"] = "NZD", ["faster_payments"] = "GBP" })
        .ToDictionary(p => p.Key, p => p.Value);

    private static readonly string[] InactiveMandateStatuses = { "cancelled", "failed", "expired", "consumed", "blocked" };

    public static void MapGcWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/customers", async (HttpContext http, GcStore store) =>
        {
            var key = IdempotencyKey(http, store);
            var draft = await ReadBody<GcCustomer>(http, "customers");
            var errors = new List<(string, string)>();
            if (string.IsNullOrWhiteSpace(draft.CompanyName) && (string.IsNullOrWhiteSpace(draft.GivenName) || string.IsNullOrWhiteSpace(draft.FamilyName)))
            {
                errors.Add(("given_name", "is required unless company_name is given"));
                errors.Add(("family_name", "is required unless company_name is given"));
            }

            errors.AddRange(MetadataErrors(draft.Metadata));
            ThrowIfAny("customers", errors);
            var customer = store.AddCustomer(key, (id, at) => draft with { Id = id, CreatedAt = at, Metadata = draft.Metadata ?? GcMetadata.Empty });
            return Created("customers", customer);
        });

        api.MapPost("/payments", async (HttpContext http, GcStore store) =>
        {
            var key = IdempotencyKey(http, store);
            var draft = await ReadBody<GcPayment>(http, "payments");
            var errors = new List<(string, string)>();
            if (draft.Amount <= 0)
            {
                errors.Add(("amount", "must be greater than 0"));
            }

            if (!Currencies.Contains(draft.Currency))
            {
                errors.Add(("currency", "must be one of " + string.Join(", ", Currencies)));
            }

            var mandate = draft.Links?.Mandate is { } mandateId ? store.Read(s => s.Mandates.Find(mandateId)) : null;
            if (mandate is null)
            {
                errors.Add(("links.mandate", draft.Links?.Mandate is null ? "is required" : "does not exist"));
            }

            errors.AddRange(MandateRules(draft, mandate));
            errors.AddRange(MetadataErrors(draft.Metadata));
            ThrowIfAny("payments", errors);
            if (InactiveMandateStatuses.Contains(mandate!.Status))
            {
                throw GcError.InvalidState(422, "mandate_is_inactive", $"The mandate {mandate.Id} is {mandate.Status}, so it cannot take new payments");
            }

            var creditor = mandate.Links.Creditor ?? store.Creditor.Id;
            var payment = store.AddPayment(key, (id, at) => draft with
            {
                Id = id,
                CreatedAt = at,
                ChargeDate = draft.ChargeDate ?? EarliestChargeDate(mandate, at),
                AmountRefunded = 0,
                Status = mandate.PaymentsRequireApproval ? PaymentStatuses.PendingCustomerApproval : PaymentStatuses.PendingSubmission,
                Scheme = mandate.Scheme,
                Metadata = draft.Metadata ?? GcMetadata.Empty,
                Fx = GcFx.None,
                Links = new GcPaymentLinks { Mandate = mandate.Id, Creditor = creditor },
            });
            return Created("payments", payment);
        });

        api.MapPost("/payments/{id}/actions/cancel", (string id, GcStore store) =>
            Payment(store.Transition(id, PaymentStatuses.Cancelled, rejectReason: "cancellation_failed").Payment));

        api.MapPost("/payments/{id}/actions/retry", (string id, GcStore store) =>
            Payment(store.Transition(id, PaymentStatuses.PendingSubmission, rejectReason: "retry_failed").Payment));
    }

    /// <summary>
    /// The Idempotency-Key header, checked before the body is validated so that a replay always gets
    /// 409 idempotent_creation_conflict with the id created the first time.
    /// </summary>
    private static string? IdempotencyKey(HttpContext http, GcStore store)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            return null;
        }

        if (key.Length > 128)
        {
            throw GcError.Usage(400, "idempotency_key_too_long", "Idempotency-Key must be at most 128 characters");
        }

        return store.Created(key) is { } existing ? throw GcError.IdempotentCreationConflict(existing) : key;
    }

    /// <summary>The object under <paramref name="key"/> in a resource-keyed body, or 400 invalid_document_structure.</summary>
    private static async Task<T> ReadBody<T>(HttpContext http, string key)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(key, out var inner)
                || inner.ValueKind != JsonValueKind.Object)
            {
                throw GcError.InvalidDocument();
            }

            return inner.Deserialize<T>(GcJson.Options) ?? throw GcError.InvalidDocument();
        }
        catch (JsonException)
        {
            throw GcError.InvalidDocument();
        }
        catch (FormatException)
        {
            throw GcError.InvalidDocument();
        }
    }

    /// <summary>
    /// What the mandate allows: the currency its scheme collects, and no charge date before its
    /// next_possible_charge_date (reference gocardless.md §5; the exact messages are ours, inferred).
    /// </summary>
    private static IEnumerable<(string Field, string Message)> MandateRules(GcPayment draft, GcMandate? mandate)
    {
        if (mandate is null)
        {
            yield break;
        }

        if (mandate.Scheme is { } scheme && SchemeCurrencies.TryGetValue(scheme, out var currency) && draft.Currency != currency)
        {
            yield return ("currency", $"must be {currency} for a {scheme} mandate");
        }

        if (draft.ChargeDate is { } charge && mandate.NextPossibleChargeDate is { } next && charge < next)
        {
            yield return ("charge_date", $"must be on or after the mandate's next_possible_charge_date ({next:yyyy-MM-dd})");
        }
    }

    /// <summary>GoCardless's metadata rules: at most 3 keys, key names up to 50 characters, values up to 500.</summary>
    public static IEnumerable<(string Field, string Message)> MetadataErrors(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            yield break;
        }

        if (metadata.Count > 3)
        {
            yield return ("metadata", "can have at most 3 keys");
        }

        if (metadata.Keys.Any(k => k.Length > 50))
        {
            yield return ("metadata", "key names must be at most 50 characters");
        }

        if (metadata.Values.Any(v => v is null || v.Length > 500))
        {
            yield return ("metadata", "values must be strings of at most 500 characters");
        }
    }

    private static void ThrowIfAny(string resource, List<(string Field, string Message)> errors)
    {
        if (errors.Count > 0)
        {
            throw GcError.Validation(resource, errors.ToArray());
        }
    }

    // The mandate's next possible charge date, but never in the past: generated data sets describe an earlier "as of" moment.
    private static DateOnly EarliestChargeDate(GcMandate mandate, DateTimeOffset now)
    {
        var soonest = DateOnly.FromDateTime(now.UtcDateTime.AddDays(3));
        return mandate.NextPossibleChargeDate is { } next && next > soonest ? next : soonest;
    }

    private static IResult Created(string key, object resource) =>
        Results.Json(new Dictionary<string, object> { [key] = resource }, GcJson.Options, statusCode: StatusCodes.Status201Created);

    private static IResult Payment(GcPayment payment) => Results.Json(new Dictionary<string, object> { ["payments"] = payment }, GcJson.Options);
}
