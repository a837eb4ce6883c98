// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Emulator.Admin;
using GoCardlessHalo.Emulator.GoCardless;
using GoCardlessHalo.Emulator.Halo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoCardlessHalo.Emulator;

/// <summary>Builds the emulator application: services, middleware and the three route groups.</summary>
public static class EmulatorApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var options = new EmulatorOptions();
        builder.Configuration.GetSection("Emulator").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddGoCardlessEmulator();
        builder.Services.AddHaloEmulator();

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.MapAdmin();
        app.MapGoCardless();
        app.MapHalo();
        return app;
    }
}
