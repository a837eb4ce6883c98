// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>Get-GcPayment's engine: ledger queries (user, customer, status, since; newest first), live queries, dashboard links.</summary>
public sealed class PaymentQueryTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture emulator;
    private PaymentWorld world = null!;

    public PaymentQueryTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    public async Task InitializeAsync()
    {
        world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        await world.SyncAsync();
    }

    public Task DisposeAsync()
    {
        world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_users_payments_come_newest_first_with_every_value_of_the_payment()
    {
        var (customer, user) = BusiestLinkedCustomer();

        var byUser = await world.QueryAsync(new PaymentQuery { HaloUserId = user });
        var byCustomer = await world.QueryAsync(new PaymentQuery { CustomerId = customer.ToLowerInvariant() + " " });

        var expected = NewestFirst(world.Payments.Where(p => world.CustomerOf(p) == customer));
        Assert.True(expected.Count >= 20, "a customer with a long history");
        Assert.Equal(expected.Select(p => p.Id), byUser.Select(p => p.PaymentId));
        Assert.Equal(byUser.Select(p => p.PaymentId), byCustomer.Select(p => p.PaymentId));
        foreach (var (record, payment) in byUser.Zip(expected))
        {
            Assert.Equal(
                (payment.MandateId, payment.Status, payment.Amount, payment.AmountRefunded, payment.Currency, payment.ChargeDate, payment.CreatedAt, payment.Description, payment.Reference),
                (record.MandateId, record.Status, record.Amount, record.AmountRefunded, record.Currency, record.ChargeDate, record.CreatedAt, record.Description, record.Reference));
            Assert.Equal((user, customer, PaymentRecordSource.Ledger), (record.HaloUserId, record.CustomerId, record.Source));
            Assert.NotNull(record.LedgerUpdatedAt);
            Assert.Null(record.DashboardUrl);
        }
    }

    [Fact]
    public async Task Status_and_since_filters_combine_with_the_others()
    {
        var (customer, user) = BusiestLinkedCustomer();
        var since = new DateTime(2025, 6, 1);
        var linked = world.LinkedPayments;

        var failures = await world.QueryAsync(new PaymentQuery { Statuses = new[] { "failed", "charged_back" } });
        var recent = await world.QueryAsync(new PaymentQuery { Since = since.AddHours(15) });
        var usersRecentPaidOut = await world.QueryAsync(new PaymentQuery { HaloUserId = user, Statuses = new[] { "paid_out" }, Since = since });
        var nobody = await world.QueryAsync(new PaymentQuery { HaloUserId = -1 });

        Assert.Equal(NewestFirst(linked.Where(p => p.Status is "failed" or "charged_back")).Select(p => p.Id), failures.Select(p => p.PaymentId));
        Assert.NotEmpty(failures);
        Assert.Equal(NewestFirst(linked.Where(p => p.ChargeDate >= since)).Select(p => p.Id), recent.Select(p => p.PaymentId));
        Assert.True(recent.Count > 0 && recent.Count < linked.Count);
        Assert.Equal(
            NewestFirst(linked.Where(p => world.CustomerOf(p) == customer && p.Status == "paid_out" && p.ChargeDate >= since)).Select(p => p.Id),
            usersRecentPaidOut.Select(p => p.PaymentId));
        Assert.Empty(nobody);
        Assert.Equal(linked.Count, (await world.QueryAsync(new PaymentQuery())).Count);
    }

    [Fact]
    public async Task Each_payment_links_to_its_page_in_the_live_sandbox_or_emulator_dashboard()
    {
        var (_, user) = BusiestLinkedCustomer();
        using var client = emulator.Client();

        var live = (await world.QueryAsync(new PaymentQuery { HaloUserId = user }, new DashboardLinks(DashboardLinks.LiveBase)))[0];
        var sandbox = (await world.QueryAsync(new PaymentQuery { HaloUserId = user }, new DashboardLinks(DashboardLinks.SandboxBase)))[0];
        var emulated = (await world.QueryAsync(new PaymentQuery { HaloUserId = user }, client.Dashboard))[0];

        Assert.Equal("https://manage.gocardless.com/payments/" + live.PaymentId, live.DashboardUrl!.AbsoluteUri);
        Assert.Equal("https://manage-sandbox.gocardless.com/payments/" + sandbox.PaymentId, sandbox.DashboardUrl!.AbsoluteUri);
        Assert.Equal(new Uri(emulator.Host.BaseUri, "manage-gocardless/payments/" + emulated.PaymentId), emulated.DashboardUrl);
        using var page = await emulator.Admin.GetAsync(emulated.DashboardUrl);
        Assert.True(page.IsSuccessStatusCode);
        Assert.Contains(emulated.PaymentId, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_straight_from_gocardless_gives_the_same_payments_in_the_same_shape_and_order()
    {
        var (customer, user) = BusiestLinkedCustomer();
        using var client = emulator.Client();
        emulator.ClearRequestCounts();

        var fromLedger = await world.QueryAsync(new PaymentQuery { HaloUserId = user }, client.Dashboard);
        var live = await LivePayments.ReadAsync(client, new PaymentQuery { CustomerId = customer, HaloUserId = user }).ToListAsync();
        var liveFailed = await LivePayments.ReadAsync(client, new PaymentQuery { CustomerId = customer, Statuses = new[] { "paid_out" }, Since = new DateTime(2025, 6, 1) }).ToListAsync();

        Assert.Equal(fromLedger.Select(p => p with { Source = PaymentRecordSource.Live, LedgerUpdatedAt = null }), live);
        Assert.All(live, p => Assert.Equal(PaymentRecordSource.Live, p.Source));
        Assert.Equal(fromLedger.Where(p => p.Status == "paid_out" && p.ChargeDate >= new DateTime(2025, 6, 1)).Select(p => p.PaymentId), liveFailed.Select(p => p.PaymentId));
        Assert.Equal(2, emulator.Count("GET /gocardless/payments"));

        var error = await Assert.ThrowsAsync<GcHaloException>(() => LivePayments.ReadAsync(client, new PaymentQuery { HaloUserId = user }).ToListAsync());
        Assert.Equal(ErrorIds.PaymentLiveQueryNeedsCustomer, error.ErrorId);
    }

    [Fact]
    public async Task A_module_owned_ledger_creates_its_tables_once_and_the_query_reads_them()
    {
        using var temp = new TempDirectory();
        var path = temp.File("data/" + PaymentLedger.EmbeddedFileName);

        using (var ledger = PaymentLedger.OpenModuleOwned(path))
        {
            Assert.True(ledger.AppliesMigrations);
            Assert.Equal("0 payments, 0 mandates, 0 customers, 0 seen events", (await ledger.CountAsync(CancellationToken.None)).ToString());
            Assert.Null(await ledger.GetWatermarkAsync(CancellationToken.None));
        }

        using var again = PaymentLedger.OpenModuleOwned(path);
        Assert.Empty(await LedgerMigrations.Migrator(again.Database).GetPendingAsync(CancellationToken.None));
        Assert.Empty(await again.QueryAsync(new PaymentQuery(), null, CancellationToken.None).ToListAsync());
    }

    private (string Customer, int User) BusiestLinkedCustomer() =>
        world.UserByCustomer.OrderByDescending(l => world.Payments.Count(p => world.CustomerOf(p) == l.Key)).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => (l.Key, l.Value)).First();

    private static List<Payment> NewestFirst(IEnumerable<Payment> payments) =>
        payments.OrderByDescending(p => p.ChargeDate).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal).ToList();
}
