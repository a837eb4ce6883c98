// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Config;
using GoCardlessHalo.Core.Tests.Halo.Api;

namespace GoCardlessHalo.Core.Tests.Sync.Import;

/// <summary>
/// Issue 8's last audit point: an import killed after Halo saved users and before their audit lines were written
/// (its batch in flight, or its creates parked for a read-back) loses no line. The next import reconciles the
/// intents the killed run left in GoCardlessHalo.audit.pending.jsonl with Halo as read.
/// </summary>
public sealed class AuditJournalTests : IDisposable
{
    private const string Killed = "killed-run";
    private const string Rerun = "rerun";

    private readonly TempDirectory _dir = new();
    private readonly ConfigLocation _location;

    public AuditJournalTests() => _location = ConfigLocation.Resolve(_dir.Path, new FakePlatform());

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(SavedAnswer.FirstObject)]
    [InlineData(SavedAnswer.EmptyBody)]
    public async Task Creates_parked_when_the_run_is_killed_are_logged_once_by_the_rerun(SavedAnswer answer)
    {
        var halo = new SavingStubHalo { Answer = answer, FaultyAnswers = int.MaxValue };
        var killer = new Killer(halo) { KillsBefore = r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == "/api/Users" && halo.Posts > 0 };
        var customers = Customers(7);

        // Two batches whose answers leave creates parked; the read-back that would settle them never happens.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => KilledRunAsync(killer, async importer =>
        {
            await importer.WriteBatchAsync(customers.Take(3).Select(importer.Plan).ToList(), killer.Token);
            await importer.WriteBatchAsync(customers.Skip(3).Take(2).Select(importer.Plan).ToList(), killer.Token);
            Assert.True(importer.ParkedCount > 0);
            await importer.SettleAsync(all: true, 50, killer.Token);
        }));
        Assert.Equal(5, halo.Users.Count);

        var loggedBeforeTheKill = Log().Select(e => e.CustomerId).ToList();
        await RerunAsync(halo, customers);

        var reconciled = customers.Take(5).Where(c => !loggedBeforeTheKill.Contains(c.Id)).ToList();
        Assert.NotEmpty(reconciled);
        EveryUserIsCreatedOnceInTheLog(halo, customers, reconciled);
    }

    [Fact]
    public async Task A_batch_saved_by_halo_whose_answer_the_killed_run_never_read_is_logged_once_by_the_rerun()
    {
        var halo = new SavingStubHalo { FaultyAnswers = 0 };
        var killer = new Killer(halo) { KillsAfter = UsersPost };
        var customers = Customers(4);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => KilledRunAsync(killer, importer =>
            importer.WriteAsync(customers.Take(3).Select(importer.Plan).ToList(), killer.Token)));
        Assert.Equal(3, halo.Users.Count);
        Assert.DoesNotContain(Log(), e => e.RunId == Killed);

        await RerunAsync(halo, customers);

        EveryUserIsCreatedOnceInTheLog(halo, customers, reconciled: customers.Take(3).ToList());
    }

    [Fact]
    public async Task An_intent_whose_write_never_reached_halo_is_not_logged_and_the_rerun_logs_the_create_once()
    {
        var halo = new SavingStubHalo { FaultyAnswers = 0 };
        var killer = new Killer(halo) { KillsBefore = UsersPost };
        var customers = Customers(3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => KilledRunAsync(killer, importer =>
            importer.WriteAsync(customers.Select(importer.Plan).ToList(), killer.Token)));
        Assert.Empty(halo.Users);
        Assert.NotEmpty(File.ReadAllLines(PendingPath));

        await RerunAsync(halo, customers);

        EveryUserIsCreatedOnceInTheLog(halo, customers, reconciled: new List<Customer>());
        Assert.All(Log(), e => Assert.Equal(Rerun, e.RunId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_update_intent_is_logged_by_the_rerun_only_when_halo_holds_its_after_values(bool haloSavedIt)
    {
        var halo = new SavingStubHalo { FaultyAnswers = 0 };
        using (var target = Target(halo))
        {
            var first = await PreparedAsync(target, new AuditLog(_location, "first"));
            await first.WriteAsync(new[] { first.Plan(Customer(1)) }, CancellationToken.None);
        }

        var moved = new Customer { Id = "CU1", GivenName = "Pat", FamilyName = "CU1", Email = "moved@example.com" };
        var killer = new Killer(halo);
        if (haloSavedIt)
        {
            killer.KillsAfter = UsersPost;
        }
        else
        {
            killer.KillsBefore = UsersPost;
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => KilledRunAsync(killer, importer =>
            importer.WriteAsync(new[] { importer.Plan(moved) }, killer.Token), overwriteEmail: true));

        await RerunAsync(halo, new[] { moved }, overwriteEmail: true);

        var updates = Log().Where(e => e.Action == "user.updated").ToList();
        var update = Assert.Single(updates);
        Assert.Equal("moved@example.com", update.After!["Email"]);
        Assert.Equal(haloSavedIt ? Killed : Rerun, update.RunId);
        Assert.Equal(haloSavedIt ? Rerun : null, update.ReconciledBy);
        Assert.Equal(100, update.HaloUserId);
    }

    [Fact]
    public async Task A_link_cleared_by_hand_in_a_killed_run_is_logged_by_the_next_import()
    {
        var halo = new SavingStubHalo { FaultyAnswers = 0 };
        using (var target = Target(halo))
        {
            var first = await PreparedAsync(target, new AuditLog(_location, "first"));
            await first.WriteAsync(new[] { first.Plan(Customer(1)) }, CancellationToken.None);
        }

        var killer = new Killer(halo) { KillsAfter = UsersPost };
        using (var target = Target(killer))
        {
            var links = new UserLinks(target, "GoCardlessCustomerId", new AuditLog(_location, Killed));
            var change = await links.PlanAsync(100, null, CancellationToken.None);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => links.ApplyAsync(change, killer.Token));
        }

        Assert.DoesNotContain(Log(), e => e.Action == "user.unlinked");
        using (var target = Target(halo))
        {
            var rerun = await PreparedAsync(target, new AuditLog(_location, Rerun));
            Assert.Equal(1, rerun.ReconcileInterruptedAudit());
        }

        var unlinked = Assert.Single(Log(), e => e.Action == "user.unlinked");
        Assert.Equal((Killed, Rerun, 100), (unlinked.RunId, unlinked.ReconciledBy, unlinked.HaloUserId));
        Assert.Empty(File.ReadAllText(PendingPath));
    }

    [Fact]
    public async Task The_pending_file_is_owner_only_and_emptied_once_a_run_has_logged_every_intent()
    {
        var halo = new SavingStubHalo { Answer = SavedAnswer.EmptyBody, FaultyAnswers = 1 };
        using var target = Target(halo);
        var importer = await PreparedAsync(target, new AuditLog(_location, Rerun));

        await importer.WriteBatchAsync(Customers(3).Select(importer.Plan).ToList(), CancellationToken.None);

        // Parked creates keep their intents until the read-back settles them.
        Assert.Equal(3, File.ReadAllLines(PendingPath).Length);
#if NET
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PendingPath));
        }
#endif
        await importer.SettleAsync(all: true, 50, CancellationToken.None);

        Assert.Empty(File.ReadAllText(PendingPath));
        Assert.Equal(3, Log().Count(e => e.Action == "user.created"));
    }

    [Fact]
    public void Intents_against_another_halo_or_of_another_kind_are_left_for_a_run_that_can_check_them()
    {
        var killed = new AuditLog(_location, Killed);
        killed.Intend("https://other.example.com", new[] { new AuditChange("user.created", AuditIntent.UnknownUser, "CU9", null, new Dictionary<string, string?> { ["Name"] = "Nine" }) });
        killed.Intend("https://halo.example.com", new[] { new AuditChange("payment.status", "payment:PM1", "CU1", null, null) });
        var notes = new List<string>();

        var rerun = new AuditLog(_location, Rerun);
        var written = rerun.Reconcile("https://halo.example.com", ConfirmedUserChanges.Judges, change => change with { Target = "halo-user:9" }, notes.Add);
        rerun.Intend("https://halo.example.com", new[] { new AuditChange("user.created", AuditIntent.UnknownUser, "CU1", null, null) });
        rerun.Settle();

        Assert.Equal(0, written);
        Assert.Contains(notes, n => n.Contains("against another Halo or of another kind"));
        var left = File.ReadAllLines(PendingPath);
        Assert.Equal(2, left.Length);
        Assert.Contains("CU9", left[0]);
        Assert.Contains("payment:PM1", left[1]);
        Assert.Equal(1, new AuditLog(_location, "third").Reconcile("https://other.example.com", ConfirmedUserChanges.Judges, change => change with { Target = "halo-user:9" }, _ => { }));
        Assert.Contains("payment:PM1", Assert.Single(File.ReadAllLines(PendingPath)));
    }

    [Fact]
    public void The_reader_reads_reconciled_lines_and_older_lines_without_the_mark()
    {
        File.WriteAllText(new AuditLog(_location, "old").Path, "{\"time\":\"2026-11-01T10:00:00+00:00\",\"run\":\"old\",\"action\":\"user.created\",\"target\":\"halo-user:5\",\"customerId\":\"CU5\"}\n");
        var killed = new AuditLog(_location, Killed);
        killed.Intend("https://halo.example.com", new[] { new AuditChange("user.created", AuditIntent.UnknownUser, "CU1", null, new Dictionary<string, string?> { ["Name"] = "One" }) });

        new AuditLog(_location, Rerun).Reconcile("https://halo.example.com", ConfirmedUserChanges.Judges, change => change with { Target = "halo-user:7" }, _ => { });

        var entries = Log();
        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].ReconciledBy);
        Assert.Equal((Killed, Rerun, 7, "One"), (entries[1].RunId, entries[1].ReconciledBy, entries[1].HaloUserId, entries[1].After!["Name"]));
    }

    private static bool UsersPost(HttpRequestMessage request) => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/api/Users";

    private string PendingPath => _location.Beside(AuditJournal.FileName);

    private List<AuditEntry> Log() => new AuditLogReader(_location.Beside(AuditLog.FileName)).Read(new AuditQuery()).ToList();

    private void EveryUserIsCreatedOnceInTheLog(SavingStubHalo halo, IReadOnlyList<Customer> customers, IReadOnlyList<Customer> reconciled)
    {
        Assert.All(halo.LinkCounts().Values, count => Assert.Equal(1, count));
        Assert.Equal(customers.Count, halo.Users.Count);
        var created = Log().Where(e => e.Action == "user.created").ToList();
        foreach (var customer in customers)
        {
            var line = Assert.Single(created, e => e.CustomerId == customer.Id);
            var user = halo.Users.Single(u => u["customfields"]![0]!["value"]!.GetValue<string>() == customer.Id);
            Assert.Equal(user["id"]!.GetValue<int>(), line.HaloUserId);
            if (reconciled.Contains(customer))
            {
                Assert.Equal((Killed, Rerun), (line.RunId, line.ReconciledBy));
            }
            else
            {
                Assert.Null(line.ReconciledBy);
            }
        }

        Assert.Empty(File.ReadAllText(PendingPath));
    }

    private async Task KilledRunAsync(Killer killer, Func<UserImporter, Task> write, bool overwriteEmail = false)
    {
        using var target = Target(killer);
        var importer = await PreparedAsync(target, new AuditLog(_location, Killed), overwriteEmail);
        await write(importer);
    }

    // Import-GcUser after the kill: read Halo, reconcile the journal, then import every customer.
    private async Task RerunAsync(System.Net.Http.HttpMessageHandler halo, IEnumerable<Customer> customers, bool overwriteEmail = false)
    {
        using var target = Target(halo);
        var importer = await PreparedAsync(target, new AuditLog(_location, Rerun), overwriteEmail);
        importer.ReconcileInterruptedAudit();
        var plans = customers.Select(importer.Plan).Where(p => p.WritesToHalo).ToList();
        var results = await importer.WriteAsync(plans, CancellationToken.None);
        Assert.All(results, r => Assert.Null(r.Error));
    }

    private static async Task<UserImporter> PreparedAsync(HaloApiTarget target, AuditLog audit, bool overwriteEmail = false)
    {
        var options = new ImportOptions { DefaultSite = "1" };
        if (overwriteEmail)
        {
            options.FieldOwnership = new Dictionary<string, FieldRule> { [UserFields.Email] = FieldRule.Overwrite };
        }

        var importer = new UserImporter(target, options, NullEngineLog.Instance, audit);
        await importer.PrepareAsync(CancellationToken.None);
        return importer;
    }

    private static HaloApiTarget Target(System.Net.Http.HttpMessageHandler halo) => SavingStubHalo.TargetOver(halo);

    private static Customer Customer(int i) => new() { Id = "CU" + i, GivenName = "Pat", FamilyName = "CU" + i, Email = "cu" + i + "@example.com" };

    private static List<Customer> Customers(int count) => Enumerable.Range(1, count).Select(Customer).ToList();

    /// <summary>
    /// The process dying around a Halo request: the run's token is cancelled (nothing after it runs, nothing
    /// treats it as an answer) before the request reaches Halo, or after Halo acted on it and before its answer is read.
    /// </summary>
    private sealed class Killer : DelegatingHandler
    {
        private readonly CancellationTokenSource _cancel = new();

        public Killer(HttpMessageHandler halo) : base(halo)
        {
        }

        public CancellationToken Token => _cancel.Token;

        public Func<HttpRequestMessage, bool> KillsBefore { get; set; } = _ => false;

        public Func<HttpRequestMessage, bool> KillsAfter { get; set; } = _ => false;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (KillsBefore(request))
            {
                Die();
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (KillsAfter(request))
            {
                Die();
            }

            return response;
        }

        private void Die()
        {
            _cancel.Cancel();
            throw new OperationCanceledException(_cancel.Token);
        }
    }
}
