// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;

namespace GoCardlessHalo.Bench.Reporting;

/// <summary>Prints sections as aligned tables as soon as they are complete.</summary>
public static class ConsoleReport
{
    public static void Header(BenchReport report)
    {
        Console.WriteLine("GoCardlessHalo benchmark — " + BenchReport.Machine());
        foreach (var (name, value) in report.Parameters)
        {
            Console.WriteLine($"  {name}: {value}");
        }

        Console.WriteLine();
    }

    public static void Print(Section section)
    {
        Console.WriteLine("== " + section.Title);
        var nameWidth = Math.Max(6, section.Figures.Select(f => f.Name.Length).DefaultIfEmpty(0).Max());
        // Numbers line up on the right; texts (counts by action, heap samples) follow the name as they are.
        var valueWidth = Math.Max(5, section.Figures.Where(f => f.Unit is not null).Select(f => f.Display.Length).DefaultIfEmpty(0).Max());
        foreach (var figure in section.Figures)
        {
            var check = figure.Met switch
            {
                true => "  ok  expected " + figure.Expected,
                false => "  FAILED  expected " + figure.Expected,
                null => string.Empty,
            };
            var value = figure.Unit is null ? figure.Display : figure.Display.PadLeft(valueWidth);
            Console.WriteLine($"  {figure.Name.PadRight(nameWidth)}  {value}{check}");
        }

        foreach (var note in section.Notes)
        {
            Console.WriteLine("  · " + note);
        }

        Console.WriteLine();
    }

    public static void Footer(BenchReport report, string folder)
    {
        foreach (var note in report.Notes)
        {
            Console.WriteLine("· " + note);
        }

        Console.WriteLine();
        Console.WriteLine($"Figures written to {folder} (bench.json, bench.md); whole run {Section.FormatDuration(report.Elapsed)}.");
        var failures = report.Failures.ToList();
        if (failures.Count == 0)
        {
            Console.WriteLine("Every request-count bound held.");
            return;
        }

        Console.Error.WriteLine($"{failures.Count} problem(s) — a bound that did not hold, or a scenario that could not finish:");
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("  " + failure);
        }
    }
}
