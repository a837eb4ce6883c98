// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Tests.Halo.Api;
using static GoCardlessHalo.Core.GoCardless.PaymentStatus;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>The payment summary on Halo users: correct values, written only where they differ, on both targets.</summary>
public sealed class PaymentSummaryTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public PaymentSummaryTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public async Task The_summary_fields_hold_the_last_payment_and_mandate_and_are_written_only_when_they_differ()
    {
        using var world = await CreateWorldAsync();
        var mappings = PaymentWorld.SummaryMappings;

        var first = await world.SyncAsync(o => o.Mappings = mappings);
        var users = await LinkedUsersAsync(world.Halo);

        var expectedWritten = world.UserByCustomer.Keys.Count(c => world.Mandates.Any(m => m.CustomerId == c));
        Assert.Equal(expectedWritten, first.Statistics.HaloUsersWritten);
        foreach (var (customer, userId) in world.UserByCustomer)
        {
            Assert.Equal(Expected(world, customer), Summary(users.Single(u => u.Id == userId)));
        }

        var second = await world.SyncAsync(o => o.Mappings = mappings);
        Assert.Equal(0, second.Statistics.HaloUsersWritten);

        var (movedCustomer, movedUser) = world.UserByCustomer.First(l => Latest(world, l.Key)?.Status == PaidOut);
        await world.TransitionAsync(Latest(world, movedCustomer)!.Id, ChargedBack);
        var third = await world.SyncAsync(o => o.Mappings = mappings);

        Assert.Equal(1, third.Statistics.HaloUsersWritten);
        var moved = (await LinkedUsersAsync(world.Halo)).Single(u => u.Id == movedUser);
        Assert.Equal(ChargedBack, moved.CustomFields["GcLastStatus"]);
        Assert.Equal(Expected(world, movedCustomer), Summary(moved));
        var audit = File.ReadAllLines(world.Audit.Path).Where(l => l.Contains("\"user.payment_summary\"")).ToList();
        Assert.Equal(expectedWritten + 1, audit.Count);
        Assert.Contains("\"before\":{\"GcLastStatus\":\"paid_out\"},\"after\":{\"GcLastStatus\":\"charged_back\"}", audit[^1], StringComparison.Ordinal);
        // Each batch was journaled before its write (AuditLog.Intend) and settled once its lines were logged.
        Assert.Empty(File.ReadAllText(world.Audit.PendingPath));
    }

    [Fact]
    public async Task On_the_halo_api_target_with_a_module_owned_ledger_summaries_go_out_in_batches_and_a_rerun_posts_nothing()
    {
        using var world = await CreateWorldAsync();
        using var temp = new TempDirectory();
        var ledgerPath = temp.File(PaymentLedger.EmbeddedFileName);
        await HaloApiTestKit.SeedAsync(emulator.Host, ApiHaloTargetFactory.ToHaloShapes(ToHaloSeed(PaymentWorld.SeedData(world.UserByCustomer))));
        using var halo = await HaloApiTestKit.OpenAsync(emulator.Host);
        using var ledger = PaymentLedger.OpenModuleOwned(ledgerPath);
        using var client = emulator.Client();
        emulator.ClearRequestCounts();

        var sync = world.Synchronizer(client, o => o.Mappings = PaymentWorld.SummaryMappings, halo, ledger);
        var changes = await sync.SyncAsync(CancellationToken.None).ToListAsync();
        var firstRun = sync.LastRun!;
        var posts = emulator.Count("POST /halo/api/Users");
        var userReads = emulator.Count("GET /halo/api/Users");
        emulator.ClearRequestCounts();
        var rerun = await sync.SyncAsync(CancellationToken.None).ToListAsync();

        Assert.True(File.Exists(ledgerPath), "the module-owned ledger creates its file and tables on first use");
        Assert.Equal(world.LinkedPayments.Select(p => p.Id).OrderBy(id => id), changes.Select(c => c.PaymentId).OrderBy(id => id));
        Assert.Equal((firstRun.HaloUsersWritten + 49) / 50, posts);
        Assert.Equal(1, userReads); // 30 linked users: one page of Halo's 100
        Assert.Empty(rerun);
        Assert.Equal(0, emulator.Count("POST /halo/api/Users"));
        Assert.Equal(0, sync.LastRun!.LedgerRowsWritten);
        foreach (var user in await LinkedUsersAsync(halo))
        {
            Assert.Equal(Expected(world, user.CustomFields[PaymentWorld.LinkField]!), Summary(user));
        }
    }

    [Fact]
    public async Task Mappings_that_spell_Halo_fields_with_the_CF_prefix_are_resolved_so_a_rerun_writes_nothing()
    {
        using var world = await CreateWorldAsync();
        var settings = new ModuleSettings
        {
            Halo = { LinkField = "CF" + PaymentWorld.LinkField },
            FieldMappings = PaymentWorld.SummaryMappings.Select(m => new FieldMapping(m.GoCardlessField, "CF" + m.HaloField)).ToList(),
        };

        var options = await PaymentSyncOptions.FromSettingsAsync(world.Halo, settings, CancellationToken.None);
        var first = await world.SyncAsync(o => o.Mappings = options.Mappings);
        var second = await world.SyncAsync(o => o.Mappings = options.Mappings);

        Assert.Equal(PaymentWorld.LinkField, options.LinkField);
        Assert.Equal(PaymentWorld.SummaryMappings.Select(m => m.HaloField), options.Mappings.Select(m => m.HaloField));
        Assert.True(first.Statistics.HaloUsersWritten > 0);
        Assert.Equal(0, second.Statistics.HaloUsersWritten);
        var users = await LinkedUsersAsync(world.Halo);
        foreach (var (customer, userId) in world.UserByCustomer)
        {
            Assert.Equal(Expected(world, customer), Summary(users.Single(u => u.Id == userId)));
        }
    }

    private Task<PaymentWorld> CreateWorldAsync() =>
        PaymentWorld.CreateAsync(emulator, customers: 60, payments: 1000, linked: i => i % 2 == 0, seed: 5);

    private static Task<List<HaloUser>> LinkedUsersAsync(IHaloTarget halo) =>
        halo.GetUsersAsync(new HaloUserQuery { LinkField = PaymentWorld.LinkField, IncludeInactive = true }, CancellationToken.None).ToListAsync();

    private static Payment? Latest(PaymentWorld world, string customer) =>
        world.Payments.Where(p => world.CustomerOf(p) == customer)
            .OrderByDescending(p => p.ChargeDate).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    // Computed from the generated data set, independently of the ledger's SQL.
    private static string Expected(PaymentWorld world, string customer)
    {
        var payment = Latest(world, customer);
        var mandate = world.Mandates.Where(m => m.CustomerId == customer).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
        return string.Join(
            " | ",
            payment?.Status,
            payment?.ChargeDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            payment is null ? null : (payment.Amount / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + payment.Currency,
            mandate?.Status);
    }

    private static string Summary(HaloUser user) =>
        string.Join(" | ", PaymentWorld.SummaryMappings.Select(m => user.CustomFields.TryGetValue(m.HaloField, out var value) && !string.IsNullOrEmpty(value) ? value : null));

    private static HaloSeed ToHaloSeed(Core.Halo.Sql.HaloSeedData data)
    {
        var seed = new HaloSeed();
        seed.Clients.AddRange(data.Clients);
        seed.Sites.AddRange(data.Sites);
        seed.Fields.AddRange(data.Fields);
        seed.Users.AddRange(data.Users);
        return seed;
    }
}
