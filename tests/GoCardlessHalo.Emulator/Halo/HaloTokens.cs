// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using GoCardlessHalo.Emulator.Admin;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>Bearer tokens issued by /halo/auth/token and when each expires (on the emulated Halo clock).</summary>
public sealed class HaloTokens : IEmulatorState
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly HaloClock _clock;

    public HaloTokens(HaloClock clock)
    {
        _clock = clock;
    }

    public string Issue(int lifetimeSeconds)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _expiries[token] = _clock.UtcNow.AddSeconds(lifetimeSeconds);
        return token;
    }

    public bool IsValid(string token) => _expiries.TryGetValue(token, out var expiry) && _clock.UtcNow < expiry;

    /// <summary>Every issued token stops working at once, as after a server-side revocation.</summary>
    public void Reset() => _expiries.Clear();
}
