// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests;

/// <summary>
/// Issue 10: one ErrorId catalogue. Scans the source (engine and shell) for every place an ErrorId is raised and
/// checks it against <see cref="ErrorIds"/> and README.md's error table.
/// </summary>
public sealed class ErrorIdCatalogueTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_catalogue_constant_is_its_own_name_and_has_one_kind()
    {
        var constants = Constants();

        Assert.NotEmpty(constants);
        Assert.All(constants, c => Assert.Equal(c.Key, c.Value));
        Assert.All(constants.Keys, id => Assert.NotNull(ErrorIds.KindOf(id)));
        Assert.Equal(constants.Keys.OrderBy(k => k, StringComparer.Ordinal), ErrorIds.All.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_error_raised_in_src_names_a_catalogue_id_never_a_string_literal()
    {
        var literal = new Regex(@"(new\s+GcHaloException\s*\(|ErrorRecords\.Argument\s*\(|new\s+ErrorRecord\s*\([^;]*?,|new\s+FieldProblem\s*\(|Reclassify\s*\(|HealthCheck\.\w+\s*\([^;]*?,)\s*""(?<id>[A-Za-z]+)""");
        var offenders = SourceFiles()
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Cast<Match>().Select(m => Path.GetFileName(f) + ": " + m.Groups["id"].Value))
            .ToList();

        Assert.Empty(offenders);
        var used = SourceFiles().SelectMany(f => Regex.Matches(File.ReadAllText(f), @"(?<![\w.])ErrorIds\.(?<id>\w+)").Cast<Match>().Select(m => m.Groups["id"].Value)).ToHashSet();
        used.ExceptWith(new[] { nameof(ErrorIds.All), nameof(ErrorIds.KindOf) });
        Assert.Equal(Array.Empty<string>(), used.Where(id => ErrorIds.KindOf(id) is null).ToArray());
    }

    [Fact]
    public void No_file_keeps_an_error_id_of_its_own_beside_the_catalogue()
    {
        var alias = new Regex(@"const\s+string\s+\w*ErrorIds?\w*\s*=");
        var offenders = SourceFiles()
            .Where(f => !f.EndsWith(Path.Combine("Errors", "ErrorIds.cs"), StringComparison.Ordinal))
            .Where(f => alias.IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToArray();

        Assert.Equal(Array.Empty<string>(), offenders);
    }

    [Fact]
    public void Every_id_is_raised_with_the_one_kind_the_catalogue_gives_it()
    {
        var pairs = SourceFiles()
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"ErrorIds\.(?<id>\w+),\s*ErrorKind\.(?<kind>\w+)").Cast<Match>()
                .Select(m => (File: Path.GetFileName(f), Id: m.Groups["id"].Value, Kind: m.Groups["kind"].Value)))
            .ToList();

        Assert.NotEmpty(pairs);
        Assert.Equal(Array.Empty<string>(), pairs.Where(p => ErrorIds.KindOf(p.Id)?.ToString() != p.Kind).Select(p => $"{p.File}: {p.Id} raised as {p.Kind}, catalogued as {ErrorIds.KindOf(p.Id)}").ToArray());
    }

    [Fact]
    public void Every_catalogue_id_is_in_the_readme_error_table()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var table = readme.Substring(readme.IndexOf("| ErrorId |", StringComparison.Ordinal));
        var listed = Regex.Matches(table, @"^\|\s*`(?<id>\w+)`", RegexOptions.Multiline).Cast<Match>().Select(m => m.Groups["id"].Value).ToHashSet();

        Assert.Equal(Array.Empty<string>(), ErrorIds.All.Where(id => !listed.Contains(id)).ToArray());
        Assert.Equal(Array.Empty<string>(), listed.Where(id => ErrorIds.KindOf(id) is null).ToArray());
    }

    [Fact]
    public void The_access_token_has_one_id_and_connection_strings_one_id()
    {
        var ids = Constants().Keys;

        Assert.Contains(nameof(ErrorIds.AccessTokenRequired), ids);
        Assert.DoesNotContain("GoCardlessAccessTokenMissing", ids);
        Assert.Contains(nameof(ErrorIds.ConnectionStringInvalid), ids);
        Assert.DoesNotContain("HaloSqlConnectionStringInvalid", ids);
    }

    private static Dictionary<string, string> Constants() =>
        typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "GoCardlessHalo.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (GoCardlessHalo.sln) is not above " + AppContext.BaseDirectory);
    }
}
