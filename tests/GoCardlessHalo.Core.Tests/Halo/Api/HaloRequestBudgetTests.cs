// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>
/// The request budget shared by the module's runs on one machine (halo.requestsPer5Minutes): two limiters on one
/// request ledger file stay under one budget together, and a run can tell beforehand how long it will wait.
/// Time is the <see cref="ManualClock"/>: nothing here sleeps.
/// </summary>
public sealed class HaloRequestBudgetTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly TempDirectory temp = new();
    private readonly ManualClock clock = new();

    [Fact]
    public async Task Two_runs_on_one_ledger_file_share_one_budget()
    {
        var file = RequestLedgerFile.For(temp.Path, "https://acme.halopsa.com/", "acme", "client-1");
        var import = new SlidingWindowRateLimiter(3, Window, clock, file);
        var payments = new SlidingWindowRateLimiter(3, Window, clock, file);
        TimeSpan? announced = null;

        await import.AcquireAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await import.AcquireAsync(CancellationToken.None);
        await payments.AcquireAsync(CancellationToken.None);
        var waited = await payments.AcquireAsync(CancellationToken.None, wait => announced = wait);

        Assert.Equal(TimeSpan.FromMinutes(4), waited);
        Assert.Equal(waited, announced);
        Assert.Equal(new[] { TimeSpan.FromMinutes(4) }, clock.Delays);
    }

    [Fact]
    public async Task The_wait_ahead_of_a_run_is_known_before_it_starts()
    {
        var file = RequestLedgerFile.For(temp.Path, "https://acme.halopsa.com", null, "client-1");
        var earlier = new SlidingWindowRateLimiter(10, Window, clock, file);
        for (var i = 0; i < 8; i++)
        {
            await earlier.AcquireAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var run = new SlidingWindowRateLimiter(10, Window, clock, file);

        Assert.Equal(TimeSpan.Zero, await run.EstimateWaitAsync(2, CancellationToken.None));
        Assert.Equal(Window - TimeSpan.FromSeconds(80), await run.EstimateWaitAsync(3, CancellationToken.None));
        Assert.Equal(Window - TimeSpan.FromSeconds(70), await run.EstimateWaitAsync(4, CancellationToken.None));
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public void One_file_per_Halo_identity_named_by_a_hash()
    {
        var a = RequestLedgerFile.For(temp.Path, "https://acme.halopsa.com/", "acme", "client-1");
        var sameHalo = RequestLedgerFile.For(temp.Path, "HTTPS://ACME.halopsa.com", "Acme", "client-1");
        var otherClient = RequestLedgerFile.For(temp.Path, "https://acme.halopsa.com", "acme", "client-2");

        Assert.Equal(a.Path, sameHalo.Path);
        Assert.NotEqual(a.Path, otherClient.Path);
        Assert.DoesNotContain("acme", System.IO.Path.GetFileName(a.Path), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => temp.Dispose();
}
