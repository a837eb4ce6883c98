// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Tests.Config;
using GoCardlessHalo.Core.Tests.GoCardless;
using GoCardlessHalo.Core.Tests.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Sync.Payments;

/// <summary>What one sync returned and reported.</summary>
internal sealed record SyncOutcome(List<PaymentChange> Changes, PaymentSyncStatistics Statistics);

/// <summary>
/// One payment-sync scenario: a generated GoCardless data set in the emulator, an embedded Halo (SQLite) whose users
/// link to some of its customers, the ledger in that same database (migrated, as Enable-GcModule would), and a
/// snapshot of the data set read through the client, so expectations are computed independently of the sync.
/// </summary>
internal sealed class PaymentWorld : IDisposable
{
    public const string LinkField = "GoCardlessCustomerId";
    public const int SiteId = 10;
    public const int FirstUserId = 100;

    public static readonly FieldMapping[] SummaryMappings =
    {
        new("payment.last_status", "GcLastStatus"),
        new("payment.last_charge_date", "GcLastChargeDate"),
        new("payment.last_amount", "GcLastAmount"),
        new("mandate.status", "GcMandateStatus"),
    };

    private readonly TempDirectory temp;
    private readonly Dictionary<string, string> customerByMandate;

    private PaymentWorld(EmulatorFixture emulator, TempDirectory temp, HaloSqlTarget halo, List<Customer> customers, List<Mandate> mandates, List<Payment> payments, Dictionary<string, int> users)
    {
        Emulator = emulator;
        this.temp = temp;
        Halo = halo;
        Ledger = new PaymentLedger(halo.Database);
        Customers = customers;
        Mandates = mandates;
        Payments = payments;
        UserByCustomer = users;
        customerByMandate = mandates.Where(m => m.CustomerId is not null).ToDictionary(m => m.Id, m => m.CustomerId!);
        AuditLocation = ConfigLocation.Resolve(temp.Path, new FakePlatform());
        Audit = new AuditLog(AuditLocation, "test");
    }

    /// <summary>Where the audit log and its journal are.</summary>
    public ConfigLocation AuditLocation { get; }

    /// <summary>The audit log as another run (<paramref name="runId"/>) writes it.</summary>
    public AuditLog AuditOf(string runId) => new(AuditLocation, runId);

    public EmulatorFixture Emulator { get; }

    public HaloSqlTarget Halo { get; }

    public PaymentLedger Ledger { get; }

    public AuditLog Audit { get; }

    public ListLog Log { get; } = new();

    /// <summary>The data set as generated, newest first (as GoCardless lists it).</summary>
    public List<Customer> Customers { get; }

    public List<Mandate> Mandates { get; }

    public List<Payment> Payments { get; private set; }

    /// <summary>Linked customer → Halo user id.</summary>
    public Dictionary<string, int> UserByCustomer { get; }

    public string CustomerOf(Payment payment) => customerByMandate[payment.MandateId!];

    /// <summary>The generated payments whose customer is linked.</summary>
    public List<Payment> LinkedPayments => Payments.Where(p => UserByCustomer.ContainsKey(CustomerOf(p))).ToList();

    /// <summary>A data set of <paramref name="customers"/> and <paramref name="payments"/>; customer number i (oldest first) is linked when <paramref name="linked"/> says so.</summary>
    public static Task<PaymentWorld> CreateAsync(EmulatorFixture emulator, int customers, int payments, Func<int, bool> linked, int seed = 3) =>
        CreateAsync(emulator, () => emulator.GenerateAsync(customers, payments, seed), linked);

    /// <summary>A data set put into the emulator by <paramref name="arrange"/> (e.g. a seed); linking as above.</summary>
    public static async Task<PaymentWorld> CreateAsync(EmulatorFixture emulator, Func<Task> arrange, Func<int, bool> linked)
    {
        await emulator.ResetAsync();
        await arrange();
        List<Customer> allCustomers;
        List<Mandate> allMandates;
        List<Payment> allPayments;
        using (var client = emulator.Client())
        {
            allCustomers = await client.ListCustomersAsync().ToListAsync();
            allMandates = await client.ListMandatesAsync().ToListAsync();
            allPayments = await client.ListPaymentsAsync().ToListAsync();
        }

        var oldestFirst = allCustomers.AsEnumerable().Reverse().ToList();
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            if (linked(i))
            {
                users[oldestFirst[i].Id] = FirstUserId + i;
            }
        }

        var temp = new TempDirectory();
        var options = await HaloSqliteDatabase.CreateAsync(temp.File("halo.db"), CancellationToken.None);
        using (var database = new SqlDatabase(options))
        {
            await HaloSqliteDatabase.SeedAsync(database, SeedData(users), CancellationToken.None);
            await LedgerMigrations.Migrator(database).ApplyAsync(CancellationToken.None);
        }

        var halo = new HaloSqlTarget(options);
        await halo.OpenAsync(CancellationToken.None);
        emulator.ClearRequestCounts();
        return new PaymentWorld(emulator, temp, halo, allCustomers, allMandates, allPayments, users);
    }

    /// <summary>Customer, invoice site, the link field and the four summary fields, and one user per linked customer.</summary>
    public static HaloSeedData SeedData(IReadOnlyDictionary<string, int> users)
    {
        var data = new HaloSeedData();
        data.Clients.Add(new HaloClient { Id = 1, Name = "Acme Widgets Ltd" });
        data.Sites.Add(new HaloSite { Id = SiteId, Name = "Head Office", ClientId = 1, ClientName = "Acme Widgets Ltd", IsInvoiceSite = true });
        data.Fields.Add(TextField(1, LinkField));
        for (var i = 0; i < SummaryMappings.Length; i++)
        {
            data.Fields.Add(TextField(2 + i, SummaryMappings[i].HaloField));
        }

        foreach (var (customer, user) in users)
        {
            data.Users.Add(new HaloUser { Id = user, Name = "User " + user, SiteId = SiteId, CustomFields = { [LinkField] = customer } });
        }

        return data;
    }

    public PaymentSynchronizer Synchronizer(GoCardlessClient client, Action<PaymentSyncOptions>? configure = null, IHaloTarget? halo = null, PaymentLedger? ledger = null, AuditLog? audit = null)
    {
        var options = new PaymentSyncOptions { LinkField = LinkField };
        configure?.Invoke(options);
        return new PaymentSynchronizer(client, halo ?? Halo, ledger ?? Ledger, options, Log, audit ?? Audit);
    }

    /// <summary>Runs one sync to its end against the emulator.</summary>
    public async Task<SyncOutcome> SyncAsync(Action<PaymentSyncOptions>? configure = null, Action<GoCardlessClientOptions>? client = null)
    {
        using var gc = Emulator.Client(configure: client);
        var sync = Synchronizer(gc, configure);
        var changes = await sync.SyncAsync(CancellationToken.None).ToListAsync();
        return new SyncOutcome(changes, sync.LastRun!);
    }

    /// <summary>Moves a payment in the emulator (writing its events) and keeps the snapshot in step.</summary>
    public async Task TransitionAsync(string paymentId, string status)
    {
        await Emulator.PostAdminAsync("gocardless/payments/" + paymentId + "/transition", new { status });
        using var client = Emulator.Client();
        var moved = await client.GetPaymentAsync(paymentId);
        Payments = Payments.Select(p => p.Id == paymentId ? moved : p).ToList();
    }

    /// <summary>Links one more customer to a new Halo user; returns the user's id.</summary>
    public async Task<int> LinkAsync(string customerId)
    {
        var written = await Halo.WriteUsersAsync(
            new[] { new HaloUserWrite { SiteId = SiteId, Name = "Late " + customerId, CustomFields = { [LinkField] = customerId } } },
            CancellationToken.None);
        UserByCustomer[customerId] = written[0].UserId;
        return written[0].UserId;
    }

    /// <summary>What Import-GcUser does with the full read of Halo it makes anyway: refreshes the ledger's link map.</summary>
    public async Task RefreshLinksAsImportAsync()
    {
        var users = await Halo.GetUsersAsync(new HaloUserQuery { LinkField = LinkField, IncludeInactive = true }, CancellationToken.None).ToListAsync();
        await Ledger.RefreshLinksAsync(users.Select(u => (u.CustomFields[LinkField]!, u.Id)), GoCardlessHalo.Core.Timing.SystemClock.Instance, CancellationToken.None);
    }

    /// <summary>A payment of a linked customer in <paramref name="status"/>, not among <paramref name="except"/>.</summary>
    public Payment LinkedPaymentIn(string status, params string[] except) =>
        LinkedPayments.First(p => p.Status == status && !except.Contains(p.Id));

    public Task<List<PaymentRecord>> QueryAsync(PaymentQuery query, DashboardLinks? dashboard = null) =>
        Ledger.QueryAsync(query, dashboard, CancellationToken.None).ToListAsync();

    public void Dispose()
    {
        Halo.Dispose();
        temp.Dispose();
    }

    private static HaloFieldDefinition TextField(int id, string name) =>
        new() { Id = id, Name = name, Label = name, Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage };
}
