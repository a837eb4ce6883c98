// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.IO;

namespace GoCardlessHalo.Bench;

/// <summary>
/// Data set sizes and where the figures go. The defaults are the issues' figures (10,000 customers, 100,000
/// payments, 500 Halo customers); smaller values make a quick smoke run, with bounds computed from the sizes.
/// </summary>
public sealed class BenchOptions
{
    public int Customers { get; private set; } = 10_000;

    public int Payments { get; private set; } = 100_000;

    public int HaloCustomers { get; private set; } = 500;

    /// <summary>Share of the Halo customers named after a GoCardless company.</summary>
    public double MatchingShare { get; private set; } = 0.6;

    /// <summary>Unlinked Halo contacts whose email a GoCardless customer of their company shares.</summary>
    public int ExistingContacts { get; private set; } = 50;

    /// <summary>Users read and created in the Halo API figures.</summary>
    public int HaloUsers { get; private set; } = 10_000;

    /// <summary>Payments moved on before the incremental payment sync.</summary>
    public int Transitions { get; private set; } = 100;

    public int Seed { get; private set; } = 42;

    /// <summary>
    /// The network round trip added to every Halo request in section (g), in milliseconds. 20 ms is on the low side
    /// for a hosted Halo seen from an MSP's network (lower favours the per-record baseline).
    /// </summary>
    public int RoundTripMilliseconds { get; private set; } = 20;

    /// <summary>Customers the per-record baseline is measured on in (g), with the round trip; scaled to the whole account.</summary>
    public int BaselineSample { get; private set; } = 500;

    public string OutputFolder { get; private set; } = Path.Combine("out", "bench");

    /// <summary>The sections to run, by number (1, 2, 3, 4, 5, 6); empty: every section.</summary>
    public IReadOnlyCollection<int> Sections { get; private set; } = Array.Empty<int>();

    /// <summary>Whether section <paramref name="number"/> runs (every section when none was chosen).</summary>
    public bool Runs(int number) => Sections.Count == 0 || Sections.Contains(number);

    public const string Usage =
        "Usage: GoCardlessHalo.Bench [--customers N] [--payments N] [--halo-customers N] [--halo-users N] [--transitions N] [--seed N] [--round-trip-ms N] [--baseline-sample N] [--sections N[,N…]] [--out FOLDER]";

    /// <exception cref="ArgumentException">An unknown option or a value that is not a positive number.</exception>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            switch (name)
            {
                case "--customers": options.Customers = Positive(name, value); break;
                case "--payments": options.Payments = Positive(name, value); break;
                case "--halo-customers": options.HaloCustomers = Positive(name, value); break;
                case "--halo-users": options.HaloUsers = Positive(name, value); break;
                case "--transitions": options.Transitions = Positive(name, value); break;
                case "--seed": options.Seed = Positive(name, value); break;
                case "--round-trip-ms": options.RoundTripMilliseconds = Positive(name, value); break;
                case "--baseline-sample": options.BaselineSample = Positive(name, value); break;
                case "--out": options.OutputFolder = value; break;
                case "--sections": options.Sections = value.Split(',').Select(n => Section(name, n.Trim())).ToArray(); break;
                default: throw new ArgumentException($"Unknown option '{name}'. {Usage}");
            }
        }

        return options;
    }

    private static int Section(string name, string value) =>
        Positive(name, value) is var n && n <= 6 ? n : throw new ArgumentException($"{name} takes section numbers from 1 to 6, not '{value}'. {Usage}");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'. {Usage}");
}
