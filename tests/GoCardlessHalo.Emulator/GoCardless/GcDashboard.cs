// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>
/// A stand-in for manage.gocardless.com at /manage-gocardless/{payments|mandates|customers}/{id}, so that
/// "open in the dashboard" from the module lands on a real page. Outside /gocardless on purpose: the
/// dashboard needs no API token and is not counted as API traffic.
/// </summary>
public static class GcDashboard
{
    public const string Prefix = "/manage-gocardless";

    public static void MapGcDashboard(this WebApplication app)
    {
        app.MapGet(Prefix + "/{kind}/{id}", (string kind, string id, GcStore store) =>
        {
            object? resource = store.Read<object?>(s => kind switch
            {
                "payments" => s.Payments.Find(id),
                "mandates" => s.Mandates.Find(id),
                "customers" => s.Customers.Find(id),
                _ => null,
            });
            return resource is null
                ? Page($"{kind}/{id} not found", "<p>The emulator holds no such resource.</p>", StatusCodes.Status404NotFound)
                : Page($"{kind}/{id}", "<pre>" + WebUtility.HtmlEncode(JsonSerializer.Serialize(resource, resource.GetType(), Indented)) + "</pre>");
        });

        app.MapGet(Prefix, (GcStore store) => Page(
            "Dashboard",
            store.Read(s => $"<p>{s.Customers.Count} customers, {s.Mandates.Count} mandates, {s.Payments.Count} payments.</p>")));
    }

    private static readonly JsonSerializerOptions Indented = new(GcJson.Options) { WriteIndented = true };

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>GoCardless (emulator) - ")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title></head><body><h1>GoCardless dashboard (emulator)</h1><h2>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</h2>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
