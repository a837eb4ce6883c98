// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Diagnostics;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>Shows the engine's warnings (an unexpected outcome worth seeing next to the figures); the rest is dropped.</summary>
public sealed class BenchLog : IEngineLog
{
    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Warning(string message) => Console.WriteLine("  WARNING (engine): " + message);

    public void Progress(string activity, string status, long completed, long? total)
    {
    }
}
