// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>GET list and GET by id for every emulated resource, with GoCardless's filters.</summary>
public static class GcReadEndpoints
{
    public static void MapGcReads(this RouteGroupBuilder api)
    {
        MapResource(api, "creditors", s => s.Creditors, (_, _) => (null, null));
        MapResource(api, "customers", s => s.Customers, (_, _) => (null, null));
        MapResource(api, "customer_bank_accounts", s => s.BankAccounts, (s, q) =>
        {
            var enabled = GcQuery.Single(q, "enabled");
            return (Subset(s.BankAccounts, q, "customer"),
                enabled is null ? null : b => string.Equals(b.Enabled ? "true" : "false", enabled, StringComparison.OrdinalIgnoreCase));
        });
        MapResource(api, "mandates", s => s.Mandates, (s, q) =>
        {
            var status = GcQuery.List(q, "status");
            var scheme = GcQuery.List(q, "scheme");
            var reference = GcQuery.Single(q, "reference");
            return (Subset(s.Mandates, q, "customer") ?? Subset(s.Mandates, q, "customer_bank_account"),
                m => GcQuery.Allows(status, m.Status) && GcQuery.Allows(scheme, m.Scheme) && (reference is null || reference == m.Reference));
        });
        MapResource(api, "payments", s => s.Payments, (s, q) =>
        {
            var status = GcQuery.Single(q, "status");
            var currency = GcQuery.Single(q, "currency");
            var customer = GcQuery.Single(q, "customer");
            var byMandate = Subset(s.Payments, q, "mandate");
            Func<GcPayment, bool> predicate = p => (status is null || p.Status == status) && (currency is null || p.Currency == currency);
            if (byMandate is not null && customer is not null)
            {
                // Both filters: walk the mandate's payments and keep those whose mandate belongs to the customer.
                var owner = s.Mandates.Find(GcQuery.Single(q, "mandate")!)?.Links.Customer;
                return (owner == customer ? byMandate : Array.Empty<int>(), predicate);
            }

            return (byMandate ?? Subset(s.Payments, q, "customer"), predicate);
        });
        MapResource(api, "events", s => s.Events, EventFilters, LinkedPayments);
    }

    private static (IReadOnlyList<int>?, Func<GcEvent, bool>?) EventFilters(GcStore store, HttpRequest query)
    {
        var resourceType = GcQuery.Single(query, "resource_type");
        var include = GcQuery.Single(query, "include");
        var action = GcQuery.Single(query, "action");
        var byPayment = Subset(store.Events, query, "payment");
        var byMandate = Subset(store.Events, query, "mandate");
        if (resourceType is not null && (byPayment is not null || byMandate is not null))
        {
            throw GcError.InvalidFilters("resource_type cannot be used together with a specific resource filter such as payment or mandate");
        }

        if (include is not null && (resourceType is null || include + "s" != resourceType))
        {
            throw GcError.InvalidFilters($"include={include} must be used with resource_type={include}s");
        }

        var subset = byPayment ?? byMandate ?? (resourceType is null ? null : store.Events.Positions("resource_type", resourceType));
        return (subset, action is null ? null : e => e.Action == action);
    }

    // include=payment: the current state of every payment the page's events link to, under linked.payments.
    private static KeyValuePair<string, object>? LinkedPayments(GcStore store, HttpRequest query, IReadOnlyList<GcEvent> page)
    {
        if (GcQuery.Single(query, "include") != "payment")
        {
            return null;
        }

        var payments = page.Select(e => e.Links.Payment).Where(id => id is not null).Distinct(StringComparer.Ordinal)
            .Select(id => store.Payments.Find(id!)).Where(p => p is not null).ToList();
        return new KeyValuePair<string, object>("linked", new Dictionary<string, object> { ["payments"] = payments });
    }

    private static IReadOnlyList<int>? Subset<T>(ResourceTable<T> table, HttpRequest query, string index) where T : class, IGcResource =>
        GcQuery.Single(query, index) is { } key ? table.Positions(index, key) : null;

    private static void MapResource<T>(
        RouteGroupBuilder api,
        string key,
        Func<GcStore, ResourceTable<T>> table,
        Func<GcStore, HttpRequest, (IReadOnlyList<int>? Subset, Func<T, bool>? Predicate)> filters,
        Func<GcStore, HttpRequest, IReadOnlyList<T>, KeyValuePair<string, object>?>? linked = null)
        where T : class, IGcResource
    {
        api.MapGet("/" + key, (HttpContext http, GcStore store) => store.Read(s =>
        {
            var request = GcQuery.Page(http.Request, table(s));
            var (subset, predicate) = filters(s, http.Request);
            var page = GcPaging.Cut(table(s), subset, request, predicate);
            var body = new Dictionary<string, object?>
            {
                [key] = page.Items,
                ["meta"] = new { cursors = new { before = page.Before, after = page.After }, limit = page.Limit },
            };
            if (linked?.Invoke(s, http.Request, page.Items) is { } extra)
            {
                body[extra.Key] = extra.Value;
            }

            return Results.Json(body, GcJson.Options);
        }));

        api.MapGet("/" + key + "/{id}", (string id, GcStore store) =>
            store.Read(s => table(s).Find(id)) is { } item
                ? Results.Json(new Dictionary<string, object> { [key] = item }, GcJson.Options)
                : throw GcError.NotFound());
    }
}
