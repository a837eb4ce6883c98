// Copyright (c) GoCardlessHalo contributors. MIT licence.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GoCardlessHalo.Emulator.GoCardless;

// Placeholder registration, replaced by the GoCardless side of the emulator (issue 3).
public static class GoCardlessEmulator
{
    public static IServiceCollection AddGoCardlessEmulator(this IServiceCollection services) => services;

    public static void MapGoCardless(this WebApplication app)
    {
    }
}
