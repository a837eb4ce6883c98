// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Sql;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>Less common shapes of data: what the sync fetches one by one, and the bookkeeping it prunes.</summary>
public sealed class PaymentEdgeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentEdgeTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task An_event_listed_without_its_payment_makes_the_sync_read_that_payment_once()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        await world.SyncAsync();
        var payment = world.LinkedPaymentIn(PaidOut);
        await world.TransitionAsync(payment.Id, ChargedBack);
        emulator.ClearRequestCounts();

        var outcome = await world.SyncAsync(client: o => o.HttpMessageHandler = new WithoutLinkedPayments());

        var change = Assert.Single(outcome.Changes);
        Assert.Equal((payment.Id, PaidOut, ChargedBack), (change.PaymentId, change.OldStatus, change.NewStatus));
        Assert.Equal(1, emulator.Count("GET /gocardless/payments/{id}"));
        Assert.Equal(1, outcome.Statistics.PaymentsFetched);
    }

    [Fact]
    public async Task A_payment_whose_mandate_the_ledger_does_not_know_makes_the_sync_read_that_mandate_once()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        await world.SyncAsync();
        var payment = world.LinkedPaymentIn(PaidOut);
        await RawSqlite.ExecuteAsync(world.Halo.Database.Options, "DELETE FROM gch_mandate WHERE mandate_id = '" + payment.MandateId + "'");
        await world.TransitionAsync(payment.Id, Failed);
        emulator.ClearRequestCounts();

        var outcome = await world.SyncAsync();

        Assert.Equal(payment.Id, Assert.Single(outcome.Changes).PaymentId);
        Assert.Equal(1, emulator.Count("GET /gocardless/mandates/{id}"));
        Assert.Equal(1L, await RawSqlite.CountAsync(world.Halo.Database.Options, "gch_mandate WHERE mandate_id = '" + payment.MandateId + "'"));
    }

    [Fact]
    public async Task A_mandate_that_links_only_a_bank_account_reaches_its_customer_through_the_account()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, () => emulator.PostAdminAsync("gocardless/seed", OldStyleMandate()), linked: _ => true);

        var outcome = await world.SyncAsync();

        Assert.Equal(new[] { "PM0002", "PM0001" }, outcome.Changes.Select(c => c.PaymentId));
        Assert.All(outcome.Changes, c => Assert.Equal(("CU0001", "MD0001"), (c.CustomerId, c.MandateId)));
        Assert.Equal(1, emulator.Count("GET /gocardless/customer_bank_accounts/{id}"));
    }

    [Fact]
    public async Task A_bank_account_only_mandate_with_a_new_event_keeps_its_customer_without_reading_the_account_again()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, () => emulator.PostAdminAsync("gocardless/seed", OldStyleMandate()), linked: _ => true);
        await world.SyncAsync();
        await emulator.PostAdminAsync("gocardless/mandates/MD0001/transition", new { status = "cancelled" });
        emulator.ClearRequestCounts();

        await world.SyncAsync();

        Assert.Equal(1, emulator.Count("GET /gocardless/mandates/{id}"));
        Assert.Equal(0, emulator.Count("GET /gocardless/customer_bank_accounts/{id}"));
        var stored = Assert.Single(await RawSqlite.RowsAsync(world.Halo.Database.Options, "SELECT customer_id, status FROM gch_mandate WHERE mandate_id = 'MD0001'"));
        Assert.Equal(new object?[] { "CU0001", "cancelled" }, stored);
    }

    [Fact]
    public async Task Seen_events_older_than_the_overlap_window_are_forgotten()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        await world.SyncAsync();
        var first = world.LinkedPaymentIn(PendingSubmission);
        var second = world.LinkedPaymentIn(PendingSubmission, first.Id);
        await world.TransitionAsync(first.Id, Submitted);
        await world.TransitionAsync(second.Id, Submitted);

        var kept = await world.SyncAsync();
        var seenWithWindow = (await world.Ledger.CountAsync(CancellationToken.None)).SeenEvents;
        await world.TransitionAsync(first.Id, Confirmed);
        var pruned = await world.SyncAsync(o => o.OverlapWindow = TimeSpan.Zero);

        Assert.Equal(2, kept.Changes.Count);
        Assert.True(seenWithWindow >= 2, "events inside the window are remembered");
        Assert.Single(pruned.Changes);
        Assert.Equal(1L, (await world.Ledger.CountAsync(CancellationToken.None)).SeenEvents); // only the newest event is still within reach
    }

    [Fact]
    public async Task Two_users_linked_to_one_customer_both_get_the_summary_and_the_lowest_id_owns_the_payments()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        var (customer, owner) = world.UserByCustomer.First(l => world.Payments.Any(p => world.CustomerOf(p) == l.Key));
        var twin = (await world.Halo.WriteUsersAsync(
            new[] { new HaloUserWrite { SiteId = PaymentWorld.SiteId, Name = "Twin", CustomFields = { [PaymentWorld.LinkField] = customer.ToLowerInvariant() } } },
            CancellationToken.None))[0].UserId;

        var outcome = await world.SyncAsync(o => o.Mappings = PaymentWorld.SummaryMappings);

        Assert.All(outcome.Changes.Where(c => c.CustomerId == customer), c => Assert.Equal(owner, c.HaloUserId));
        Assert.Contains(world.Log.Lines, l => l.StartsWith("WARNING 1 GoCardless customer(s) are linked to more than one Halo user", StringComparison.Ordinal));
        var users = (await world.Halo.GetUsersAsync(new HaloUserQuery { LinkField = PaymentWorld.LinkField }, CancellationToken.None).ToListAsync())
            .Where(u => string.Equals(u.CustomFields[PaymentWorld.LinkField], customer, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Id)
            .ToList();
        Assert.Equal(new[] { owner, twin }, users.Select(u => u.Id).OrderBy(id => id));
        Assert.Single(users.Select(u => u.CustomFields["GcLastStatus"]).Distinct());
        Assert.NotNull(users[0].CustomFields["GcLastStatus"]);
    }

    [Fact]
    public async Task A_cancelled_first_run_stores_no_watermark()
    {
        using var world = await PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
        using var client = emulator.Client();
        using var cancel = new CancellationTokenSource();
        var sync = world.Synchronizer(client, o => o.BackfillRowsPerTransaction = 50);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var change in sync.SyncAsync(cancel.Token))
            {
                cancel.Cancel();
            }
        });

        Assert.Null(await world.Ledger.GetWatermarkAsync(CancellationToken.None));
        Assert.Null(sync.LastRun);
    }

    // One customer whose mandate predates links.customer: only its bank account says whose it is.
    private static object OldStyleMandate() => new
    {
        customers = new[] { new { id = "CU0001", created_at = "2025-01-01T09:00:00.000Z", given_name = "Ada", family_name = "Lovelace", email = "ada@example.com" } },
        customer_bank_accounts = new[] { new { id = "BA0001", created_at = "2025-01-01T09:01:00.000Z", account_holder_name = "ADA LOVELACE", links = new { customer = "CU0001" } } },
        mandates = new[] { new { id = "MD0001", created_at = "2025-01-01T09:02:00.000Z", status = "active", scheme = "bacs", links = new { customer_bank_account = "BA0001" } } },
        payments = new[]
        {
            new { id = "PM0001", created_at = "2025-02-01T09:00:00.000Z", charge_date = "2025-02-05", amount = 1500, currency = "GBP", status = "paid_out", links = new { mandate = "MD0001" } },
            new { id = "PM0002", created_at = "2025-03-01T09:00:00.000Z", charge_date = "2025-03-05", amount = 1500, currency = "GBP", status = "confirmed", links = new { mandate = "MD0001" } },
        },
    };

    /// <summary>Forwards to the emulator and removes "linked" from event lists, as if include=payment had been ignored.</summary>
    private sealed class WithoutLinkedPayments : DelegatingHandler
    {
        public WithoutLinkedPayments()
            : base(new HttpClientHandler())
        {
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal) && response.IsSuccessStatusCode)
            {
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                body.Remove("linked");
                response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}
