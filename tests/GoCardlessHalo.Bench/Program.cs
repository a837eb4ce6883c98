// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Bench;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using GoCardlessHalo.Bench.Scenarios;
using GoCardlessHalo.Core.Halo;

// build.ps1 -Task Bench. Exit codes: 0 every request-count bound held; 1 a bound failed or a scenario could not
// finish; 2 bad arguments. Wall times are reported, never judged.
BenchOptions options;
if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(BenchOptions.Usage);
    Console.WriteLine("Sections: 1 GoCardless streaming, 2 Halo API reads and writes, 3 integration (SQLite and Halo API), 4 hosted Halo's limit (runs 3), 5 read-back cost, 6 collection.");
    return 0;
}

try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = new BenchReport();
report.Parameter("GoCardless customers", options.Customers);
report.Parameter("GoCardless payments", options.Payments);
report.Parameter("Halo customers", options.HaloCustomers);
report.Parameter("Halo users (API read/create figures)", options.HaloUsers);
report.Parameter("payment transitions", options.Transitions);
report.Parameter("seed", options.Seed);
report.Parameter("sections", options.Sections.Count == 0 ? "all" : string.Join(",", options.Sections));
ConsoleReport.Header(report);

var work = Path.Combine(Path.GetTempPath(), "gch-bench-" + Guid.NewGuid().ToString("N"));
var whole = Stopwatch.StartNew();
await using (var emulator = await BenchEmulator.StartAsync())
{
    var context = new BenchContext(emulator, options, report, work, new BenchLog(), cancel.Token);
    if (options.Runs(1))
    {
        await Scenario(report, "1. GoCardless streaming", async () => await StreamingScenario.RunAsync(context, await IntegrationScenario.GenerateAsync(context)));
    }

    if (options.Runs(2))
    {
        await Scenario(report, "2. Halo API", () => HaloApiScenario.RunAsync(context));
    }

    // Section 4 sums section 3's Halo API runs, so it needs them.
    if (options.Runs(3) || options.Runs(4))
    {
        await Scenario(report, "3. SQLite", () => IntegrationScenario.RunAsync(context, HaloTargetKind.Sqlite, describeDataSet: true));
        await Scenario(report, "3. Halo API", () => IntegrationScenario.RunAsync(context, HaloTargetKind.Api, describeDataSet: false));
        HostedLimitSummary.Add(context);
    }

    if (options.Runs(5))
    {
        await Scenario(report, "5. Read-back cost", () => ReadBackCostScenario.RunAsync(context));
    }

    if (options.Runs(6))
    {
        await Scenario(report, "6. Collection", () => CollectionScenario.RunAsync(context));
    }
}

whole.Stop();
report.Elapsed = whole.Elapsed;
report.Notes.Add("Wall times are this machine's, with the emulator in the same process sharing its cores; they are reported, never asserted. Request counts are asserted: a bound that does not hold fails the run.");
report.Notes.Add("The emulator's Halo rate limit is off (its default). Hosted Halo allows 300 requests per 5 minutes, which stretches every Halo API run above 300 requests: " +
                 "each Halo API run shows the wait the engine's own client-side limiter (default 300 / 5 min, measured on a clock that skips its waits) adds from a fresh window, and the time once the window is full (1 request per second); section 4 sums the runs back to back. The SQLite target has no such limit.");
report.Notes.Add("Each measured run opens its own GoCardless client and Halo target, as each cmdlet call does, and starts with a fresh GoCardless minute (1,000 requests), as scheduled runs would.");
TryDelete(work);
var folder = Path.GetFullPath(options.OutputFolder);
FileReport.Write(report, folder);
ConsoleReport.Footer(report, folder);
return report.Passed ? 0 : 1;

// A scenario that throws is reported and the others still run; the run then exits 1.
static async Task Scenario(BenchReport report, string name, Func<Task> run)
{
    try
    {
        await run();
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        report.Errors.Add($"{name} could not finish: {ex.GetType().Name}: {ex.Message}");
        Console.Error.WriteLine($"{name} could not finish: {ex}");
    }
}

static void TryDelete(string folder)
{
    try
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    catch (IOException ex)
    {
        Console.Error.WriteLine($"Could not remove the scratch folder {folder}: {ex.Message}");
    }
}
