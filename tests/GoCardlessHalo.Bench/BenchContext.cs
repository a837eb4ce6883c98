// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;

namespace GoCardlessHalo.Bench;

/// <summary>What every scenario works with: the emulator, the options, the report, a scratch folder.</summary>
public sealed record BenchContext(BenchEmulator Emulator, BenchOptions Options, BenchReport Report, string WorkFolder, BenchLog Log, CancellationToken Cancellation)
{
    /// <summary>The Halo API target's measured runs, in order, for the hosted-limit summary.</summary>
    public List<(string Run, RunFigures Figures)> ApiRuns { get; } = new();

    /// <summary>⌈items / perPage⌉, the page count behind most request-count bounds.</summary>
    public static long Pages(long items, long perPage) => (items + perPage - 1) / perPage;

    /// <summary>Prints a finished section at once, so a long run shows its figures as it goes.</summary>
    public static void Print(Section section) => ConsoleReport.Print(section);
}
