// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Bench.Reporting;

/// <summary>Everything one benchmark run measured: the parameters, one section per scenario, and general notes.</summary>
public sealed class BenchReport
{
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public TimeSpan Elapsed { get; set; }

    /// <summary>Data set sizes and settings, in the order they were set.</summary>
    public List<KeyValuePair<string, string>> Parameters { get; } = new();

    public List<Section> Sections { get; } = new();

    public List<string> Notes { get; } = new();

    /// <summary>Every bound that did not hold, and every scenario that could not finish.</summary>
    public List<string> Errors { get; } = new();

    public IEnumerable<string> Failures => Sections.SelectMany(s => s.Failures).Concat(Errors);

    public bool Passed => !Failures.Any();

    public void Parameter(string name, object value) => Parameters.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));

    /// <summary>Starts a section; figures are added to it as they are measured.</summary>
    public Section Section(string title)
    {
        var section = new Section(title);
        Sections.Add(section);
        return section;
    }

    /// <summary>Where the run happened, so figures from different machines are not compared blindly.</summary>
    public static string Machine() =>
        $"{Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
}
