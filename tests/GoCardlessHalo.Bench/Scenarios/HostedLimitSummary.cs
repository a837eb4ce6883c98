// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using GoCardlessHalo.Bench.Infrastructure;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// What hosted Halo's limit (300 requests in any 5 minutes) does to the Halo API runs, from their request counts:
/// each run alone from a fresh window, and the whole sequence run back to back (Halo counts every request of the
/// API application, whichever run sent it, so consecutive runs share the window).
/// </summary>
public static class HostedLimitSummary
{
    public static void Add(BenchContext context)
    {
        if (context.ApiRuns.Count == 0)
        {
            return;
        }

        var section = context.Report.Section("4. Halo API target at hosted Halo's limit (300 requests / 5 min)");
        foreach (var (run, figures) in context.ApiRuns)
        {
            var alone = figures.Wall + RunReport.LowerBound(figures.HaloRequests);
            section.Text(run, $"{figures.HaloRequests:N0} Halo requests: alone ≥ {Reporting.Section.FormatDuration(alone)}, window already full ≈ {Reporting.Section.FormatDuration(figures.Wall + RunReport.SustainedTime(figures.HaloRequests))}");
        }

        var total = context.ApiRuns.Sum(r => (long)r.Figures.HaloRequests);
        var work = context.ApiRuns.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Figures.Wall);
        section.Count("Halo requests, (a)–(e) back to back", total);
        section.Duration("wall time without the limit, (a)–(e)", work);
        section.Duration("at least, back to back at the limit: (⌈R/300⌉−1)×5 min + work", RunReport.LowerBound(total) + work);
        section.Note("Alone: (⌈R/300⌉−1)×5 min plus the measured work, R being the run's Halo requests (authentication included). Window already full: R seconds plus the work, hosted Halo's sustained rate.");
        section.Note("The engine's own client-side limiter (HaloApiOptions.RateLimitPer5Minutes, default 300) paces these waits itself, so hosted Halo does not answer 429.");
        Print(section);
    }
}
