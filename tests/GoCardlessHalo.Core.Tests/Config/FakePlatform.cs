// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Tests.Config;

/// <summary>A machine described by the test: OS, account and environment variables.</summary>
internal sealed class FakePlatform : IPlatform
{
    public Dictionary<string, string> Variables { get; } = new();

    public bool IsWindows { get; init; }

    public bool IsSystemAccount { get; init; }

    public string CommonApplicationData { get; init; } = "/programdata";

    public string ApplicationData { get; init; } = "/appdata";

    public string UserProfile { get; init; } = "/home/alex";

    public string? GetEnvironmentVariable(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
