// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>
/// Issue 8: the payment ledger's audit lines survive a run killed between a commit and its lines. Each commit's lines
/// are journaled before it; the next Sync-GcPayment logs those the ledger holds, under the killed run's id.
/// </summary>
public sealed class PaymentAuditJournalTests : IClassFixture<EmulatorFixture>
{
    private const string Killed = "killed-run";
    private const string Rerun = "rerun";

    private readonly EmulatorFixture emulator;

    public PaymentAuditJournalTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task Status_changes_committed_by_a_run_killed_before_its_lines_are_logged_once_by_the_next_sync()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var moved = await MoveTwoPaymentsOfOneCustomerAndOneMoreAsync(world);

        // Killed after the ledger committed the changes, before a line was written.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncAsync(world, Killed, kill: () => throw new OperationCanceledException("killed")));
        Assert.DoesNotContain(Log(world), e => e.RunId == Killed);

        var rerun = await SyncAsync(world, Rerun);

        Assert.Empty(rerun.Changes);
        var lines = Log(world).Where(e => e.Action == "payment.status").ToList();
        Assert.Equal(moved.OrderBy(m => m.Id), lines.Select(e => (e.Target.Substring("payment:".Length), e.After!["status"]!)).OrderBy(m => m.Item1));
        Assert.All(lines, e => Assert.Equal((Killed, (string?)Rerun), (e.RunId, e.ReconciledBy)));
        var watermark = Assert.Single(Log(world), e => e.Action == "payment.watermark" && e.Before is not null);
        Assert.Equal((Killed, (string?)Rerun), (watermark.RunId, watermark.ReconciledBy));
        Assert.Empty(File.ReadAllText(world.Audit.PendingPath));
    }

    [Theory]
    [InlineData("mandate.backfill")]
    [InlineData("payment.backfill")]
    public async Task A_backfill_page_committed_by_a_first_run_killed_before_its_line_is_logged_once_by_the_next_sync(string page)
    {
        using var world = await CreateAsync();

        // Killed after the first commit whose journaled lines hold such a page.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncAsync(world, Killed, kill: () =>
        {
            if (File.ReadAllText(world.Audit.PendingPath).Contains("\"action\":\"" + page + "\""))
            {
                throw new OperationCanceledException("killed");
            }
        }));
        await SyncAsync(world, Rerun);

        var reconciled = Assert.Single(Log(world), e => e.ReconciledBy is not null);
        Assert.Equal((page, Killed, (string?)Rerun), (reconciled.Action, reconciled.RunId, reconciled.ReconciledBy));
        var pages = Log(world).Where(e => e.Action == "payment.backfill").ToList();
        Assert.True(pages.Count > 1);
        Assert.Equal(pages.Count, pages.Select(p => p.After!["lastPaymentId"]).Distinct().Count());
        Assert.Equal(world.LinkedPayments.Count, pages.Sum(p => int.Parse(p.After!["inserted"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Single(Log(world), e => e.Action == "payment.watermark");
        Assert.Empty(File.ReadAllText(world.Audit.PendingPath));
    }

    [Fact]
    public async Task An_intent_whose_commit_never_happened_is_not_logged_and_the_next_sync_commits_and_logs_each_change_once()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        var moved = await MoveTwoPaymentsOfOneCustomerAndOneMoreAsync(world);

        // A run killed after journaling its batch and before the commit: the intents, and nothing in the ledger.
        world.AuditOf(Killed).Intend(world.Ledger.Location, moved.Select(m => new AuditChange(
            "payment.status", "payment:" + m.Id, world.CustomerOf(world.Payments.Single(p => p.Id == m.Id)), null, new Dictionary<string, string?> { ["status"] = m.Status })));

        var rerun = await SyncAsync(world, Rerun);

        Assert.Equal(moved.Count, rerun.Changes.Count);
        var lines = Log(world).Where(e => e.Action == "payment.status").ToList();
        Assert.Equal(moved.Select(m => m.Id).OrderBy(id => id), lines.Select(e => e.Target.Substring("payment:".Length)).OrderBy(id => id));
        Assert.All(lines, e => Assert.Equal((Rerun, (string?)null), (e.RunId, e.ReconciledBy)));
        Assert.DoesNotContain(Log(world), e => e.RunId == Killed);
        Assert.Empty(File.ReadAllText(world.Audit.PendingPath));
    }

    [Fact]
    public async Task The_import_leaves_the_ledger_intents_alone_and_the_payment_sync_leaves_the_user_intents_alone()
    {
        using var world = await CreateAsync();
        await world.SyncAsync();
        await MoveTwoPaymentsOfOneCustomerAndOneMoreAsync(world);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncAsync(world, Killed, kill: () => throw new OperationCanceledException("killed")));
        var user = world.UserByCustomer.First();
        world.AuditOf("killed-summary").Intend(world.Halo.Location, new[] { PaymentAudit.Summary(user.Value, user.Key, new Dictionary<string, string?>(), new Dictionary<string, string?> { ["GcLastStatus"] = "paid_out" }) });

        // On a SQL target the ledger lives in Halo's database: both name the same location, and only the action tells.
        Assert.Equal(world.Halo.Location, world.Ledger.Location);
        var byImport = world.AuditOf("import").Reconcile(world.Halo.Location, ConfirmedUserChanges.Judges, _ => null, _ => { });
        Assert.Equal(0, byImport);
        Assert.Contains(File.ReadAllLines(world.Audit.PendingPath), l => l.Contains("\"payment.status\""));
        Assert.DoesNotContain(File.ReadAllLines(world.Audit.PendingPath), l => l.Contains("user.payment_summary"));

        world.AuditOf("killed-summary").Intend(world.Halo.Location, new[] { PaymentAudit.Summary(user.Value, user.Key, new Dictionary<string, string?>(), new Dictionary<string, string?> { ["GcLastStatus"] = "paid_out" }) });
        await SyncAsync(world, Rerun);

        var left = Assert.Single(File.ReadAllLines(world.Audit.PendingPath));
        Assert.Contains("user.payment_summary", left);
        Assert.Contains(Log(world), e => e.Action == "payment.status" && e.ReconciledBy == Rerun);
    }

    [Fact]
    public async Task A_normal_sync_leaves_the_journal_empty()
    {
        using var world = await CreateAsync();
        await world.SyncAsync(o => o.Mappings = PaymentWorld.SummaryMappings);
        await MoveTwoPaymentsOfOneCustomerAndOneMoreAsync(world);

        await world.SyncAsync(o => o.Mappings = PaymentWorld.SummaryMappings);

        Assert.Equal(3, Log(world).Count(e => e.Action == "payment.status"));
        Assert.Contains(Log(world), e => e.Action == "user.payment_summary");
        Assert.Empty(File.ReadAllText(world.Audit.PendingPath));
    }

    // Two payments of one linked customer (one customer's lines share its id: each must still be logged) and one other.
    private static async Task<List<(string Id, string Status)>> MoveTwoPaymentsOfOneCustomerAndOneMoreAsync(PaymentWorld world)
    {
        var next = new Dictionary<string, string> { [PendingSubmission] = Submitted, [Submitted] = Confirmed, [PaidOut] = ChargedBack };
        var movable = world.LinkedPayments.Where(p => next.ContainsKey(p.Status)).ToList();
        var customer = movable.GroupBy(world.CustomerOf).First(g => g.Count() >= 2);
        var chosen = customer.Take(2).Append(movable.First(p => world.CustomerOf(p) != customer.Key)).ToList();
        var moved = new List<(string, string)>();
        foreach (var payment in chosen)
        {
            await world.TransitionAsync(payment.Id, next[payment.Status]);
            moved.Add((payment.Id, next[payment.Status]));
        }

        return moved;
    }

    private static async Task<SyncOutcome> SyncAsync(PaymentWorld world, string runId, Action? kill = null)
    {
        using var gc = world.Emulator.Client();
        var sync = world.Synchronizer(gc, o =>
        {
            o.PageSize = 50;
            o.BackfillRowsPerTransaction = 40;
        }, audit: world.AuditOf(runId));
        sync.LedgerCommitted = kill;
        var changes = await sync.SyncAsync(CancellationToken.None).ToListAsync();
        return new SyncOutcome(changes, sync.LastRun!);
    }

    private static List<AuditEntry> Log(PaymentWorld world) => new AuditLogReader(world.Audit.Path).Read(new AuditQuery()).ToList();

    private Task<PaymentWorld> CreateAsync() =>
        PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);
}
