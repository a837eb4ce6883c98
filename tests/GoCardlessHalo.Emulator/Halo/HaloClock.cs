// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// The emulated Halo's idea of now: the real clock plus an offset that POST /__admin/halo/clock moves
/// forward, so tests can expire tokens and empty the rate-limit window without waiting.
/// </summary>
public sealed class HaloClock : IEmulatorState
{
    private long _offsetTicks;

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow.AddTicks(System.Threading.Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => System.Threading.Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => System.Threading.Interlocked.Exchange(ref _offsetTicks, 0);
}
