// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading.Tasks;
using GoCardlessHalo.Emulator.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// The emulated Halo under /halo (Halo URL <c>http://127.0.0.1:&lt;port&gt;/halo</c>) and its controls under
/// /__admin/halo. See the "Halo" section of the emulator README.
/// </summary>
public static class HaloEmulator
{
    public static IServiceCollection AddHaloEmulator(this IServiceCollection services)
    {
        services.AddSingleton<HaloClock>();
        services.AddSingleton<HaloSettings>();
        services.AddSingleton<HaloStore>();
        services.AddSingleton<HaloTokens>();
        services.AddSingleton<HaloRateLimiter>();
        services.AddSingleton<HaloControl>();

        // POST /__admin/reset clears every piece of Halo state.
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<HaloClock>());
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<HaloSettings>());
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<HaloStore>());
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<HaloTokens>());
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<HaloRateLimiter>());
        services.AddSingleton<IEmulatorState>(sp => sp.GetRequiredService<HaloControl>());
        return services;
    }

    public static void MapHalo(this WebApplication app)
    {
        MapAt(app.MapGroup("/halo"), "/halo");

        // Hosted Halo serves /api and /auth at the root of its address, and widely used clients hard-code those
        // paths; with Root on (start-up or /__admin/halo/settings) the emulator answers there too.
        MapAt(app.MapGroup(string.Empty).AddEndpointFilter(RequireRoot), string.Empty);
        app.MapHaloAdmin();

        // Anything no route serves gets Halo's 404 body rather than an empty answer.
        app.MapFallback((HttpRequest r) => HaloErrors.NoResource(r));
    }

    private static void MapAt(RouteGroupBuilder halo, string prefix)
    {
        halo.AddEndpointFilter(EnforceRateLimit);
        halo.MapHaloAuth(prefix);
        var api = halo.MapGroup("/api").AddEndpointFilter(HaloAuthEndpoints.RequireBearer);
        api.MapHaloResources();
        api.MapHaloInvoices();
        api.MapHaloTickets();
        if (prefix.Length > 0)
        {
            halo.Map("/{**path}", (HttpRequest r) => HaloErrors.NoResource(r));
        }
    }

    private static async ValueTask<object?> RequireRoot(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<HaloSettings>().Root ? await next(context) : HaloErrors.NoResource(context.HttpContext.Request);

    private static async ValueTask<object?> EnforceRateLimit(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var limit = services.GetRequiredService<HaloSettings>().RateLimitPer5Minutes;
        if (!services.GetRequiredService<HaloRateLimiter>().TryAcquire(limit))
        {
            return HaloErrors.RateLimited(limit);
        }

        return await next(context);
    }
}
