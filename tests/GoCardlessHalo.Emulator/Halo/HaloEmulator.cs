// Copyright (c) GoCardlessHalo contributors. MIT licence.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GoCardlessHalo.Emulator.Halo;

// Placeholder registration, replaced by the Halo side of the emulator (issue 4).
public static class HaloEmulator
{
    public static IServiceCollection AddHaloEmulator(this IServiceCollection services) => services;

    public static void MapHalo(this WebApplication app)
    {
    }
}
