// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Tests.GoCardless;

namespace GoCardlessHalo.Core.Tests.Invoices;

/// <summary>Tests that start each case from a freshly seeded <see cref="CollectionWorld"/> on the shared emulator.</summary>
public abstract class CollectionWorldTests : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    protected CollectionWorldTests(EmulatorFixture emulator)
    {
        Emulator = emulator;
        World = new CollectionWorld(emulator);
    }

    protected EmulatorFixture Emulator { get; }

    protected CollectionWorld World { get; }

    public Task InitializeAsync() => World.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        World.Dispose();
        GC.SuppressFinalize(this);
    }
}
