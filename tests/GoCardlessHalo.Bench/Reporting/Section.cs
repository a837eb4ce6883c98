// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GoCardlessHalo.Bench.Reporting;

/// <summary>The figures of one scenario, in the order they were measured, with notes that explain them.</summary>
public sealed class Section
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Section(string title)
    {
        Title = title;
    }

    public string Title { get; }

    public List<Figure> Figures { get; } = new();

    public List<string> Notes { get; } = new();

    /// <summary>Bounds that did not hold, as messages naming the section.</summary>
    public IEnumerable<string> Failures =>
        Figures.Where(f => f.Met == false).Select(f => $"{Title}: {f.Name} was {f.Display}, expected {f.Expected}.");

    public void Count(string name, long value, string unit = "requests") =>
        Figures.Add(new Figure(name, Number(value), value, unit));

    /// <summary>A request count that must not exceed <paramref name="bound"/>; <paramref name="rule"/> says where the bound comes from.</summary>
    public void AtMost(string name, long value, long bound, string rule, string unit = "requests") =>
        Figures.Add(new Figure(name, Number(value), value, unit, $"≤ {Number(bound)} ({rule})", value <= bound));

    /// <summary>A count that must be exactly <paramref name="expected"/>.</summary>
    public void Exactly(string name, long value, long expected, string rule, string unit = "requests") =>
        Figures.Add(new Figure(name, Number(value), value, unit, $"= {Number(expected)} ({rule})", value == expected));

    /// <summary>A count expected to be at least <paramref name="bound"/> (an outcome, e.g. every moved payment found).</summary>
    public void AtLeast(string name, long value, long bound, string rule, string unit) =>
        Figures.Add(new Figure(name, Number(value), value, unit, $"≥ {Number(bound)} ({rule})", value >= bound));

    /// <summary>A wall time: reported only, never compared with anything.</summary>
    public void Duration(string name, TimeSpan value) =>
        Figures.Add(new Figure(name, FormatDuration(value), Math.Round(value.TotalMilliseconds), "ms"));

    public void Bytes(string name, long value) =>
        Figures.Add(new Figure(name, FormatBytes(value), value, "bytes"));

    public void Text(string name, string value) =>
        Figures.Add(new Figure(name, value, value, null));

    public void Note(string text) => Notes.Add(text);

    public static string Number(long value) => value.ToString("N0", Invariant);

    public static string FormatDuration(TimeSpan value) =>
        value.TotalSeconds < 10 ? $"{value.TotalMilliseconds.ToString("N0", Invariant)} ms"
        : value.TotalMinutes < 2 ? $"{value.TotalSeconds.ToString("N1", Invariant)} s"
        : $"{(int)value.TotalMinutes} min {value.Seconds} s";

    public static string FormatBytes(long value) =>
        Math.Abs(value) >= 1024 * 1024 ? $"{(value / 1024d / 1024d).ToString("N1", Invariant)} MiB" : $"{(value / 1024d).ToString("N0", Invariant)} KiB";
}
