// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Bench.Reporting;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>Adds one run's request counts and times to a section, the same way for every scenario.</summary>
public static class RunReport
{
    /// <summary>Hosted Halo's limit: 300 requests in any 5 minutes.</summary>
    public const int HostedHaloLimit = 300;

    public static readonly TimeSpan HostedHaloWindow = TimeSpan.FromMinutes(5);

    public static void GoCardless(Section section, RunFigures run, long bound, string rule)
    {
        section.AtMost("GoCardless requests", run.Requests.GoCardless, bound, rule);
        section.Note("GoCardless: " + Or(run.Requests.Describe("/gocardless")));
    }

    /// <summary>Halo reads, writes (with their bound, when there is one), authentication and users written.</summary>
    public static void Halo(Section section, RunFigures run, Action<Section, string, long>? checkWrites = null)
    {
        section.Count(run.IsApi ? "Halo reads (GET, excl. auth)" : "Halo reads (read calls on the target)", run.HaloReads);
        var writes = run.IsApi ? "Halo writes (POST)" : "Halo writes (write transactions)";
        if (checkWrites is null)
        {
            section.Count(writes, run.HaloWrites);
        }
        else
        {
            checkWrites(section, writes, run.HaloWrites);
        }

        if (run.IsApi)
        {
            section.Count("Halo authentication (authinfo + token)", run.Requests.HaloAuth);
            section.Count("Halo requests in all", run.HaloRequests);
            section.Note("Halo: " + Or(run.Requests.Describe("/halo")));
        }

        section.Count("Halo users written", run.UsersWritten, "users");
    }

    /// <summary>Wall time; for the API also what hosted Halo's rate limit would add.</summary>
    public static void Times(Section section, RunFigures run)
    {
        section.Duration("wall time", run.Wall);
        if (run.IsApi)
        {
            section.Duration("+ engine's own wait at 300 req / 5 min", run.LimiterWait);
            section.Duration("at hosted Halo's limit, fresh window", run.Wall + run.LimiterWait);
            section.Duration("at hosted Halo's limit, window already full", run.Wall + SustainedTime(run.HaloRequests));
        }
    }

    /// <summary>Once the window is full, hosted Halo admits one request per second on average (300 per 5 minutes).</summary>
    public static TimeSpan SustainedTime(long requests) => TimeSpan.FromTicks(HostedHaloWindow.Ticks / HostedHaloLimit * requests);

    /// <summary>The least time R requests can take from a fresh window: every 300 beyond the first wait a window.</summary>
    public static TimeSpan LowerBound(long requests) =>
        TimeSpan.FromTicks(HostedHaloWindow.Ticks * Math.Max(0, (requests + HostedHaloLimit - 1) / HostedHaloLimit - 1));

    private static string Or(string routes) => routes.Length == 0 ? "no requests" : routes;
}
