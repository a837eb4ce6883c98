// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>The first sync: every payment of the linked customers, read from the lists 500 a page, and nothing else.</summary>
public sealed class PaymentFirstRunTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentFirstRunTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task The_first_run_backfills_exactly_the_linked_customers_payments_500_a_page()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 1200, payments: 2600, linked: i => i % 3 == 0);
        var recorder = new RecordingHandler();

        var outcome = await world.SyncAsync(client: o => o.HttpMessageHandler = recorder);

        var expected = world.LinkedPayments;
        Assert.Equal(expected.Select(p => p.Id).OrderBy(id => id), outcome.Changes.Select(c => c.PaymentId).OrderBy(id => id));
        Assert.All(outcome.Changes, change =>
        {
            var payment = expected.Single(p => p.Id == change.PaymentId);
            Assert.Null(change.OldStatus);
            Assert.Equal(payment.Status, change.NewStatus);
            Assert.Equal((payment.Amount, payment.Currency, payment.ChargeDate), (change.Amount, change.Currency, change.ChargeDate));
            Assert.Equal(world.CustomerOf(payment), change.CustomerId);
            Assert.Equal(world.UserByCustomer[change.CustomerId], change.HaloUserId);
            Assert.Equal(PaymentChangeOrigin.Backfill, change.Origin);
            Assert.Empty(change.Actions);
        });
        Assert.True(expected.Count < world.Payments.Count / 2, "the unlinked two thirds are left out");

        // The newest payment event and the overlap window before it, then the mandate and payment lists at 500 a
        // page; nothing one by one.
        Assert.Equal(2, emulator.Count("GET /gocardless/events"));
        Assert.Equal(Pages(world.Mandates.Count), emulator.Count("GET /gocardless/mandates"));
        Assert.Equal(Pages(world.Payments.Count), emulator.Count("GET /gocardless/payments"));
        Assert.Equal(2 + Pages(world.Mandates.Count) + Pages(world.Payments.Count), emulator.Requests.Where(r => r.Key.Contains("/gocardless/")).Sum(r => r.Value));
        Assert.Contains("limit=1&", recorder.Requests.First().Uri.Query, StringComparison.Ordinal);
        Assert.All(recorder.Requests.Skip(1), r => Assert.Contains("limit=500", r.Uri.Query, StringComparison.Ordinal));

        var counts = await world.Ledger.CountAsync(CancellationToken.None);
        Assert.Equal((expected.Count, world.Mandates.Count, world.UserByCustomer.Count), ((int)counts.Payments, (int)counts.Mandates, (int)counts.Customers));
        Assert.Equal(PaymentSyncMode.FirstRun, outcome.Statistics.Mode);
        Assert.Equal(expected.Count, outcome.Statistics.Changes);
        Assert.Equal(await NewestPaymentEventAsync(), await world.Ledger.GetWatermarkAsync(CancellationToken.None));
        Assert.Equal(outcome.Statistics.WatermarkAfter, await world.Ledger.GetWatermarkAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_interrupted_first_run_keeps_no_watermark_and_the_rerun_completes_it_without_repeating_a_change()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        await emulator.PostAdminAsync("faults", new { kind = "status", status = 503, count = 20, skip = 3, service = "gocardless", pathContains = "/payments" });
        var firstChanges = new System.Collections.Generic.List<PaymentChange>();
        using (var client = emulator.Client())
        {
            var sync = world.Synchronizer(client, o => (o.PageSize, o.BackfillRowsPerTransaction) = (100, 100));
            var failure = await Assert.ThrowsAsync<GoCardlessApiException>(async () =>
            {
                await foreach (var change in sync.SyncAsync(CancellationToken.None))
                {
                    firstChanges.Add(change);
                }
            });
            Assert.Equal(ErrorIds.GoCardlessServerError, failure.ErrorId);
            Assert.Null(sync.LastRun);
        }

        Assert.Null(await world.Ledger.GetWatermarkAsync(CancellationToken.None));
        Assert.NotEmpty(firstChanges); // the linked payments of three pages were committed and reported before the fourth failed
        Assert.Equal(0L, (await world.Ledger.CountAsync(CancellationToken.None)).Customers);

        (await emulator.Admin.DeleteAsync("__admin/faults")).EnsureSuccessStatusCode();
        var rerun = await world.SyncAsync(o => (o.PageSize, o.BackfillRowsPerTransaction) = (100, 100));

        Assert.Empty(firstChanges.Select(c => c.PaymentId).Intersect(rerun.Changes.Select(c => c.PaymentId)));
        Assert.Equal(world.LinkedPayments.Select(p => p.Id).OrderBy(id => id), firstChanges.Concat(rerun.Changes).Select(c => c.PaymentId).OrderBy(id => id));
        Assert.NotNull(await world.Ledger.GetWatermarkAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_ledger_without_the_migrations_fails_clearly_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var options = await Core.Halo.Sql.HaloSqliteDatabase.CreateAsync(temp.File("halo.db"), CancellationToken.None);
        using var halo = new Core.Halo.Sql.HaloSqlTarget(options);
        await halo.OpenAsync(CancellationToken.None);
        using var ledger = new PaymentLedger(halo.Database);
        using var client = emulator.Client();
        var sync = new PaymentSynchronizer(client, halo, ledger, new PaymentSyncOptions());

        var error = await Assert.ThrowsAsync<Errors.GcHaloException>(() => sync.SyncAsync(CancellationToken.None).ToListAsync());
        var queryError = await Assert.ThrowsAsync<Errors.GcHaloException>(() => ledger.QueryAsync(new PaymentQuery(), null, CancellationToken.None).ToListAsync());

        Assert.Equal(ErrorIds.PaymentLedgerNotMigrated, error.ErrorId);
        Assert.Equal(Errors.ErrorKind.NotEnabled, error.Kind);
        Assert.Contains("Enable-GcModule", error.Message, StringComparison.Ordinal);
        Assert.Contains("1: payment ledger", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.PaymentLedgerNotMigrated, queryError.ErrorId);
        Assert.Equal(0L, await Halo.Sql.RawSqlite.CountAsync(options, "sqlite_master WHERE name LIKE 'gch_%'"));
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_before_anything_is_read()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 3, payments: 5, linked: _ => true);

        var error = await Assert.ThrowsAsync<Errors.GcHaloException>(() => world.SyncAsync(o => o.OverlapWindow = TimeSpan.FromMinutes(-1)));

        Assert.Equal(ErrorIds.PaymentSyncOptionsInvalid, error.ErrorId);
        Assert.Contains("OverlapWindow", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Requests, r => r.Key.Contains("/gocardless/"));
    }

    private static int Pages(int items) => Math.Max(1, (items + 499) / 500);

    private async Task<DateTimeOffset> NewestPaymentEventAsync()
    {
        using var client = emulator.Client();
        return (await client.ListEventsAsync(new EventFilter { ResourceType = "payments", PageSize = 1 }).FirstAsync()).CreatedAt;
    }
}
