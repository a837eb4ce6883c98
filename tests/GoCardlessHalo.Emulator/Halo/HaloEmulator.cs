// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading.Tasks;
using GoCardlessHalo.Emulator.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        var halo = app.MapGroup("/halo").AddEndpointFilter(EnforceRateLimit);
        halo.MapHaloAuth();
        var api = halo.MapGroup("/api").AddEndpointFilter(HaloAuthEndpoints.RequireBearer);
        api.MapHaloResources();
        api.MapHaloInvoices();
        app.MapHaloAdmin();
    }

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
