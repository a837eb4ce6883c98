// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo.Core.Tests;

/// <summary>
/// A fact that runs everywhere except Mono (where build.ps1 runs the net472 suite), for the few places where Mono
/// differs from .NET Framework through a fault of Mono's own. The reason is required and shows in the runner's
/// output as the skip reason, so nothing is skipped silently; build.ps1 prints the skipped tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNotOnMonoAttribute : FactAttribute
{
    public FactNotOnMonoAttribute(string monoDiffers)
    {
        if (IsMono)
        {
            Skip = "Mono differs from .NET Framework: " + monoDiffers;
        }
    }

    /// <summary>True under Mono (Mono defines the Mono.Runtime type; .NET Framework and .NET do not).</summary>
    public static bool IsMono => Type.GetType("Mono.Runtime") is not null;
}
