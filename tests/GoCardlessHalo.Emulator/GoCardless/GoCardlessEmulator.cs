// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Emulator.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GoCardlessHalo.Emulator.GoCardless;

/// <summary>Registers and maps the emulated GoCardless API (/gocardless), its controls and its dashboard.</summary>
public static class GoCardlessEmulator
{
    public static IServiceCollection AddGoCardlessEmulator(this IServiceCollection services)
    {
        services.AddSingleton<GcStore>();
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<GcStore>());
        services.AddSingleton<GcRateLimiter>();
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<GcRateLimiter>());
        return services;
    }

    public static void MapGoCardless(this WebApplication app)
    {
        var api = app.MapGroup("/gocardless");
        api.AddEndpointFilter<GcGatekeeper>();
        api.MapGcReads();
        api.MapGcWrites();

        // Anything else under /gocardless answers like the real API does for an unknown path.
        api.Map("/{**path}", IResult () => throw GcError.PathNotFound());
        app.MapGcAdmin();
        app.MapGcDashboard();
    }
}
