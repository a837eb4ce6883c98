// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoCardlessHalo.Bench.Reporting;

/// <summary>Writes the report as bench.json (for tools) and bench.md (for the issues' closing notes).</summary>
public static class FileReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps ≤ and — readable; the file is never embedded in HTML
    };

    public static void Write(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "bench.json"), ToJson(report), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "bench.md"), ToMarkdown(report), new UTF8Encoding(false));
    }

    private static string ToJson(BenchReport report) => JsonSerializer.Serialize(
        new
        {
            startedAt = report.StartedAt,
            elapsedMs = (long)report.Elapsed.TotalMilliseconds,
            machine = BenchReport.Machine(),
            parameters = report.Parameters.ToDictionary(p => p.Key, p => p.Value),
            passed = report.Passed,
            failures = report.Failures.ToList(),
            sections = report.Sections.Select(s => new
            {
                title = s.Title,
                figures = s.Figures.Select(f => new { name = f.Name, value = f.Value, unit = f.Unit, display = f.Display, expected = f.Expected, met = f.Met }),
                notes = s.Notes,
            }),
            notes = report.Notes,
        },
        Json);

    private static string ToMarkdown(BenchReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# GoCardlessHalo benchmark").AppendLine();
        md.AppendLine($"Run {report.StartedAt:yyyy-MM-dd HH:mm} UTC on {BenchReport.Machine()}; {Section.FormatDuration(report.Elapsed)} in all. " +
                      (report.Passed ? "Every request-count bound held." : $"**{report.Failures.Count()} problem(s): see the end.**")).AppendLine();
        foreach (var (name, value) in report.Parameters)
        {
            md.AppendLine($"- {name}: {value}");
        }

        foreach (var section in report.Sections)
        {
            md.AppendLine().AppendLine("## " + section.Title).AppendLine();
            md.AppendLine("| Figure | Value | Expected | Check |").AppendLine("| --- | ---: | --- | --- |");
            foreach (var f in section.Figures)
            {
                md.AppendLine($"| {Cell(f.Name)} | {Cell(f.Display)} | {Cell(f.Expected ?? string.Empty)} | {(f.Met is null ? string.Empty : f.Met.Value ? "ok" : "**FAILED**")} |");
            }

            if (section.Notes.Count > 0)
            {
                md.AppendLine();
                section.Notes.ForEach(n => md.AppendLine("- " + n));
            }
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            report.Notes.ForEach(n => md.AppendLine("- " + n));
        }

        var failures = report.Failures.ToList();
        if (failures.Count > 0)
        {
            md.AppendLine().AppendLine("## Problems").AppendLine();
            failures.ForEach(f => md.AppendLine("- " + f));
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", System.StringComparison.Ordinal);
}
