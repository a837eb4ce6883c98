// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GoCardlessHalo.Emulator;

/// <summary>
/// Runs the emulator in-process on a free loopback port, for xunit tests and benchmarks.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ (ends with a slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>Base URI of the emulated GoCardless API: {BaseUri}gocardless.</summary>
    public Uri GoCardlessUri => new(BaseUri, "gocardless");

    /// <summary>Halo URL: {BaseUri}halo.</summary>
    public Uri HaloUri => new(BaseUri, "halo");

    public IServiceProvider Services => _app.Services;

    public T GetService<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<EmulatorHost> StartAsync(params string[] args)
    {
        var app = EmulatorApp.Build(args.Concat(new[] { "--urls", "http://127.0.0.1:0" }).ToArray());
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
