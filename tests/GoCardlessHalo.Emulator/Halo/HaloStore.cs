// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Owns the emulated Halo database and serialises every access to it: requests run concurrently, and a POST
/// batch must see and change one consistent state (validate everything, then apply everything).
/// </summary>
public sealed class HaloStore : IEmulatorState
{
    private readonly object _gate = new();
    private HaloState _state = new();

    /// <summary>Runs <paramref name="work"/> with exclusive access to the state.</summary>
    public T Locked<T>(Func<HaloState, T> work)
    {
        lock (_gate)
        {
            return work(_state);
        }
    }

    /// <summary>Swaps in a fully built state (seed, generator), so a failed seed leaves the old state intact.</summary>
    public void Replace(HaloState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    public void Reset() => Replace(new HaloState());
}
