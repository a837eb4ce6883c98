// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoCardlessHalo.Emulator.Admin;

/// <summary>Controls shared by both emulated services: reset, request counts, fault injection.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this WebApplication app)
    {
        var admin = app.MapGroup("/__admin");

        admin.MapPost("/reset", (IEnumerable<IEmulatorState> states, RequestLog log, FaultInjector faults) =>
        {
            foreach (var state in states)
            {
                state.Reset();
            }

            log.Reset();
            faults.Reset();
            return Results.NoContent();
        });

        admin.MapGet("/requests", (RequestLog log) => Results.Json(new
        {
            total = log.Count("/"),
            gocardless = log.Count("/gocardless"),
            halo = log.Count("/halo"),
            byRoute = log.Snapshot(),
        }));

        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Reset();
            return Results.NoContent();
        });

        admin.MapPost("/faults", (FaultRule rule, FaultInjector faults) =>
        {
            faults.Add(rule);
            return Results.Accepted();
        });

        admin.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Reset();
            return Results.NoContent();
        });

        admin.MapGet("/health", () => Results.Json(new { status = "ok" }));
    }
}
