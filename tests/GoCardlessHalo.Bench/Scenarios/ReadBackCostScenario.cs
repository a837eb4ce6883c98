// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync.Import;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// 5. What the blind-retry safety costs (issue 8's closing figure): the full Halo API import of section 3, run again
/// on the same data while the emulated Halo answers a POST of several users with the saved users as an array (the
/// convenient answer), with one object, with an empty body or with <c>[]</c> (emulator README, "Variants",
/// UsersPostAnswer). When the answer does not account for every user posted, the creates it leaves unknown wait
/// (<c>Sync/Import/ParkedCreates.cs</c>) and one read-back by link value settles many batches
/// (<c>Sync/Import/SavedUserReadBack.cs</c>); the extra GET /api/Users are those read-backs. Bounds: at most one
/// read request per two write requests plus the last read-back (one read of every user), and every Halo request at
/// most twice the array answer's.
/// </summary>
public static class ReadBackCostScenario
{
    private static readonly string[] Answers = { "Array", "FirstObject", "EmptyBody", "EmptyArray" };

    public static async Task RunAsync(BenchContext context)
    {
        var options = context.Options;
        await IntegrationScenario.GenerateAsync(context);
        var customers = new List<Customer>();
        var reader = BenchConnections.ForApi(context.Emulator.GoCardlessUri, context.Emulator.HaloUri, Path.Combine(context.WorkFolder, "readback"), context.Log);
        using (var client = reader.CreateGoCardlessClient())
        {
            await foreach (var customer in client.ListCustomersAsync())
            {
                customers.Add(customer);
            }
        }

        var data = IntegrationDataSet.Build(customers, options.HaloCustomers, options.MatchingShare, options.ExistingContacts, options.Seed);
        var section = context.Report.Section($"5. Halo API: what the write safety costs, full import of {options.Customers:N0} customers by POST /api/Users answer");
        (int Gets, int Posts, int Created, long Requests)? convenient = null;
        BenchConnections? last = null;
        try
        {
            foreach (var answer in Answers)
            {
                await context.Emulator.SetHaloSettingsAsync(new { usersPostAnswer = answer });
                var log = new ReadBackLog(context.Log);
                var connections = BenchConnections.ForApi(context.Emulator.GoCardlessUri, context.Emulator.HaloUri, Path.Combine(context.WorkFolder, "readback-" + answer), log);
                await TargetSetup.PrepareAsync(connections, data, context.Emulator, context.Cancellation);
                var (outcome, run) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => ImportRun.RunAsync(connections, halo, gc, context.Cancellation), context.Cancellation);
                var gets = run.Requests.Get("GET /halo/api/Users");
                var posts = run.Requests.Get("POST /halo/api/Users");
                var created = outcome.Actions[ImportAction.Created];
                convenient ??= (gets, posts, created, run.HaloRequests);
                var baseline = convenient.Value;
                section.Exactly($"{answer}: customers failed", outcome.Actions[ImportAction.Failed], 0, "none", "customers");
                section.Exactly($"{answer}: users created", created, baseline.Created, "as with the array answer: nothing created twice, nothing missing", "users");
                section.Exactly($"{answer}: POST /api/Users (write batches)", posts, baseline.Posts, "as with the array answer: nothing written again");
                if (answer == Answers[0])
                {
                    section.Exactly($"{answer}: read-backs", log.ReadBacks, 0, "the array accounts for every user", "read-backs");
                }
                else
                {
                    section.Count($"{answer}: read-backs", log.ReadBacks, "read-backs");
                }

                section.Count($"{answer}: GET /api/Users", gets);
                section.Count($"{answer}: every Halo request", run.HaloRequests);
                if (answer != Answers[0])
                {
                    var extra = gets - baseline.Gets;
                    var lastReadBack = 1 + (data.Users.Count + created + 99) / 100;
                    section.AtMost($"{answer}: read-back GETs (GET /api/Users beyond the array answer's)", extra, posts / 2 + lastReadBack, $"at most one per two write requests ({posts / 2:N0}) plus one read of every user at the end ({lastReadBack:N0})");
                    section.AtMost($"{answer}: every Halo request, against the array answer's", run.HaloRequests, 2 * baseline.Requests, "at most twice the array answer's");
                    section.Text($"{answer}: read-backs per write batch", (extra / (double)posts).ToString("0.00", CultureInfo.InvariantCulture) + $" ({extra:N0} ÷ {posts:N0} batches)");
                }

                section.Duration($"{answer}: wall time", run.Wall);
                last = connections;
            }

            await MeasureNextDayAsync(context, section, last!, data.Users.Count + convenient!.Value.Created);
        }
        finally
        {
            await context.Emulator.SetHaloSettingsAsync(new { usersPostAnswer = Answers[0] });
        }

        section.Note("Same GoCardless account and Halo data set as section 3, re-seeded before each run. Creates an answer leaves unknown wait until a read-back costs at most half a request per write that left them waiting (and at the end of the write phase); a read-back pages through the users of their sites or through every user, whichever costs fewer requests, 100 a page; updates are known by id from any 200 and never read back. The importer's warning for each read-back is counted, not printed.");
        Print(section);
    }

    /// <summary>
    /// The next day's import on the Halo the last run left (every customer imported): <see cref="NewCustomers"/> new
    /// GoCardless customers, Halo answering with the array. The read of Halo's users spans many pages, so the first
    /// create is preceded by a second read of every user (<c>Sync/Import/AbsenceCheck.cs</c>): what the safety against a
    /// user lost between pages costs a routine run that creates users.
    /// </summary>
    private static async Task MeasureNextDayAsync(BenchContext context, Section section, BenchConnections connections, int haloUsers)
    {
        const string label = "Next day, 100 new customers";
        await context.Emulator.SetHaloSettingsAsync(new { usersPostAnswer = Answers[0] });
        context.Emulator.AddGoCardlessCustomers(NewCustomers, "Nextday");
        var (outcome, run) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => ImportRun.RunAsync(connections, halo, gc, context.Cancellation), context.Cancellation);
        var pages = (haloUsers + 99) / 100;
        section.Exactly($"{label}: users created", outcome.Actions[ImportAction.Created], NewCustomers, "each new customer once; every other customer unchanged", "users");
        section.Exactly($"{label}: customers failed or skipped", outcome.Actions[ImportAction.Failed] + outcome.Actions[ImportAction.Skipped], 0, "none", "customers");
        section.Exactly($"{label}: GET /api/Users", run.Requests.Get("GET /halo/api/Users"), 2 * pages, $"the read of {haloUsers:N0} users ({pages:N0} pages) and the second read before the first create ({pages:N0})");
        section.Count($"{label}: every Halo request", run.HaloRequests);
        section.Text($"{label}: second read's share of the run's Halo requests", $"{(pages + 1) / (double)run.HaloRequests:P0} ({pages + 1:N0} of {run.HaloRequests:N0}: field definitions and pages)");
        section.Duration($"{label}: wall time", run.Wall);
    }

    /// <summary>The customers the next day's import finds new.</summary>
    private const int NewCustomers = 100;

    /// <summary>Counts the importer's read-back warnings (one per read-back, expected here) instead of printing each; passes on any other.</summary>
    private sealed class ReadBackLog : IEngineLog
    {
        private readonly IEngineLog _inner;
        private int _readBacks;

        public ReadBackLog(IEngineLog inner) => _inner = inner;

        public int ReadBacks => _readBacks;

        public void Verbose(string message) => _inner.Verbose(message);

        public void Debug(string message) => _inner.Debug(message);

        public void Warning(string message)
        {
            if (message.Contains(UserImporter.ReadBackWarning, System.StringComparison.Ordinal))
            {
                System.Threading.Interlocked.Increment(ref _readBacks);
            }
            else
            {
                _inner.Warning(message);
            }
        }

        public void Progress(string activity, string status, long completed, long? total) => _inner.Progress(activity, status, completed, total);
    }
}
