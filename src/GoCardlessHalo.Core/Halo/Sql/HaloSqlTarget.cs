// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Halo reached through its own database (on-prem SQL Server, or the embedded Halo-shaped SQLite file), the way
    /// Halo's DB Integrator does. Reads and writes AREA, SITE, USERS, FIELDINFO and FieldData (plus legacy
    /// USERS.CF* columns); every write batch is one transaction.
    /// </summary>
    public sealed class HaloSqlTarget : IHaloTarget, IHaloHealthProbe, IHaloSqlDatabase, IHaloInvoices, IHaloTickets, IHaloGoCardlessSettingsSource
    {
        private readonly bool ownsDatabase;
        private HaloSchema? schema;
        private HaloDatabaseLock? runLock;
        private HaloSqlInvoices? invoices;
        private HaloSqlTickets? tickets;

        /// <summary>A target on its own database connection settings.</summary>
        public HaloSqlTarget(SqlOptions options, IEngineLog? log = null)
            : this(new SqlDatabase(options, log), ownsDatabase: true)
        {
        }

        /// <summary>A target sharing <paramref name="database"/> (e.g. with the payment ledger); the caller disposes it.</summary>
        public HaloSqlTarget(SqlDatabase database)
            : this(database, ownsDatabase: false)
        {
        }

        private HaloSqlTarget(SqlDatabase database, bool ownsDatabase)
        {
            Database = database ?? throw new ArgumentNullException(nameof(database));
            this.ownsDatabase = ownsDatabase;
        }

        /// <summary>The database this target reads and writes; the payment ledger and migrations use the same one.</summary>
        public SqlDatabase Database { get; }

        /// <inheritdoc />
        /// <remarks>The one place a database's <see cref="SqlKind"/> is told as a Halo target kind; the other way
        /// (settings to database) is <c>Connections/ModuleConnections.cs</c>, where the target is built.</remarks>
        public HaloTargetKind Kind => Database.Kind == SqlKind.SqlServer ? HaloTargetKind.SqlServer : HaloTargetKind.Sqlite;

        /// <inheritdoc />
        public string Location => Database.Location;

        /// <inheritdoc />
        /// <remarks>Null: <c>HaloSqlUserReader</c> reads the users in one statement, never by page.</remarks>
        public int? UserListPageSize => null;

        private HaloSchema Schema => schema ?? throw HaloSqlErrors.NotOpened(Location);

        /// <summary>Connects and discovers Halo's schema; fails listing every missing table and column.</summary>
        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            using var connection = await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            schema = await Database.GuardAsync(
                "discovering Halo's tables",
                () => HaloSchema.DiscoverAsync(Database.Dialect, connection, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            Database.LogDone("opened; NOT NULL columns given safe values on insert: " + schema.DescribeSafeValueColumns(), watch);
        }

        /// <summary>
        /// Takes the run lock inside Halo's database (<see cref="HaloDatabaseLock"/>), so runs from two machines
        /// cannot overlap; held until this target is disposed.
        /// </summary>
        public async Task LockRunAsync(Sync.SyncRunHolder holder, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (runLock is null)
            {
                runLock = await HaloDatabaseLock.AcquireAsync(Database, holder, timeout, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public IAsyncEnumerable<HaloClient> GetClientsAsync(CancellationToken cancellationToken) =>
            ReadAsync(
                "customers (AREA)",
                HaloSqlTemplates.SelectClients,
                reader => new HaloClient
                {
                    Id = SqlReaderValues.Int(reader, 0),
                    Name = SqlReaderValues.Text(reader, 1) ?? string.Empty,
                    Inactive = SqlReaderValues.Int(reader, 2) != 0,
                },
                cancellationToken);

        /// <inheritdoc />
        public IAsyncEnumerable<HaloSite> GetSitesAsync(CancellationToken cancellationToken) =>
            ReadAsync(
                "sites (SITE)",
                HaloSqlTemplates.SelectSites,
                reader => new HaloSite
                {
                    Id = SqlReaderValues.Int(reader, 0),
                    Name = SqlReaderValues.Text(reader, 1) ?? string.Empty,
                    ClientId = SqlReaderValues.Int(reader, 2),
                    ClientName = SqlReaderValues.Text(reader, 3) ?? string.Empty,
                    IsInvoiceSite = SqlReaderValues.Int(reader, 4) != 0,
                    Inactive = SqlReaderValues.Int(reader, 5) != 0,
                },
                cancellationToken);

        /// <inheritdoc />
        public IAsyncEnumerable<HaloUser> GetUsersAsync(HaloUserQuery query, CancellationToken cancellationToken)
        {
            // Not an iterator itself, so an unopened target fails here rather than at the first MoveNext. A read costs
            // no request budget here: the id filter is applied to the rows read.
            var users = HaloSqlUserReader.ReadAsync(Database, Schema, query ?? throw new ArgumentNullException(nameof(query)), cancellationToken);
            return query.UserIds is null ? users : OnlyAsync(users, query.UserIds, cancellationToken);
        }

        private static async IAsyncEnumerable<HaloUser> OnlyAsync(IAsyncEnumerable<HaloUser> users, IReadOnlyCollection<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var user in users.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (ids.Contains(user.Id))
                {
                    yield return user;
                }
            }
        }

        /// <inheritdoc />
        public async Task<IReadOnlyList<HaloFieldDefinition>> GetUserFieldsAsync(CancellationToken cancellationToken)
        {
            var currentSchema = Schema;
            var watch = Stopwatch.StartNew();
            using var connection = await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var catalog = await UserFieldCatalog.LoadAsync(Database, currentSchema, connection, null, cancellationToken).ConfigureAwait(false);
            Database.LogDone("read " + catalog.Fields.Count + " User custom field definitions", watch);
            return catalog.Fields.Select(f => f.Definition).ToList();
        }

        /// <inheritdoc />
        public Task<HaloFieldDefinition> CreateUserTextFieldAsync(string name, string label, CancellationToken cancellationToken) =>
            HaloSqlFieldWriter.CreateUserTextFieldAsync(Database, Schema, name, label, cancellationToken);

        /// <inheritdoc />
        public async Task<IReadOnlyList<HaloUserWriteResult>> WriteUsersAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken)
        {
            if (batch == null)
            {
                throw new ArgumentNullException(nameof(batch));
            }

            var currentSchema = Schema;
            if (batch.Count == 0)
            {
                return Array.Empty<HaloUserWriteResult>();
            }

            var names = batch.Select(UserWritePlan.NameOf).ToList();
            UserWritePlan.Validate(batch, names);
            var watch = Stopwatch.StartNew();
            using var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var writer = await HaloSqlUserWriter.StartAsync(transaction, currentSchema, cancellationToken).ConfigureAwait(false);
            var fields = UserWritePlan.ResolveFields(batch, writer.Catalog);
            var missingSites = await writer.FindMissingSitesAsync(batch.Where(w => w.SiteId != null).Select(w => w.SiteId!.Value), cancellationToken)
                .ConfigureAwait(false);
            if (missingSites.Count > 0)
            {
                throw HaloSqlErrors.SitesMissing(missingSites);
            }

            var creates = batch.Count(w => w.Id == null);
            var nextId = creates > 0 ? await writer.AllocateUserIdsAsync(creates, cancellationToken).ConfigureAwait(false) : 0;
            var results = new List<HaloUserWriteResult>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var user = batch[i];
                if (user.Id == null)
                {
                    var id = nextId++;
                    await writer.InsertUserAsync(id, user, names[i]!, inactive: false, fields[i], cancellationToken).ConfigureAwait(false);
                    results.Add(new HaloUserWriteResult(id, created: true));
                }
                else
                {
                    await writer.UpdateUserAsync(user.Id.Value, user, fields[i], cancellationToken).ConfigureAwait(false);
                    results.Add(new HaloUserWriteResult(user.Id.Value, created: false));
                }
            }

            try
            {
                transaction.Commit();
            }
            catch (GcHaloException ex)
            {
                // A commit that fails on the way back (a dropped connection) may have committed on the server.
                throw new HaloWriteOutcomeUnknownException($"The commit of {batch.Count} users may or may not have reached the database: {ex.Message}", new Dictionary<int, HaloUserWriteResult>(), ex);
            }

            Database.LogDone("wrote " + batch.Count + " users in one transaction (" + creates + " created, " + (batch.Count - creates) + " updated)", watch);
            return results;
        }

        async Task<string> IHaloHealthProbe.ConnectAsync(CancellationToken cancellationToken)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
            return "is reachable and has every table and column the module needs";
        }

        Task<string> IHaloHealthProbe.CheckReadAccessAsync(CancellationToken cancellationToken) =>
            HaloSqlHealthProbe.CheckReadAccessAsync(Database, Schema, cancellationToken);

        Task<HaloNativeIntegrator> IHaloHealthProbe.ReadNativeIntegratorAsync(CancellationToken cancellationToken) =>
            HaloSqlHealthProbe.ReadNativeIntegratorAsync(Database, cancellationToken);

        /// <inheritdoc />
        public Task<HaloGoCardlessSettings> ReadGoCardlessSettingsAsync(CancellationToken cancellationToken) =>
            HaloSqlGoCardlessSettings.ReadAsync(Database, Schema, cancellationToken);

        /// <inheritdoc />
        async IAsyncEnumerable<HaloInvoice> IHaloInvoices.GetInvoicesAsync(HaloInvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var tables = await InvoicesAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var invoice in tables.ReadAsync(query ?? throw new ArgumentNullException(nameof(query)), cancellationToken).ConfigureAwait(false))
            {
                yield return invoice;
            }
        }

        /// <inheritdoc />
        async Task<IReadOnlyList<HaloInvoicePayment>> IHaloInvoices.GetPaymentsAsync(int invoiceId, CancellationToken cancellationToken) =>
            await (await InvoicesAsync(cancellationToken).ConfigureAwait(false)).PaymentsAsync(invoiceId, cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        async Task<HaloInvoicePayment> IHaloInvoices.RecordPaymentAsync(HaloInvoicePayment payment, CancellationToken cancellationToken) =>
            await (await InvoicesAsync(cancellationToken).ConfigureAwait(false)).RecordAsync(payment ?? throw new ArgumentNullException(nameof(payment)), cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        async Task IHaloInvoices.RemovePaymentAsync(HaloInvoicePayment payment, CancellationToken cancellationToken) =>
            await (await InvoicesAsync(cancellationToken).ConfigureAwait(false)).RemoveAsync(payment ?? throw new ArgumentNullException(nameof(payment)), cancellationToken).ConfigureAwait(false);

        // The invoice tables are found on first use, so a database without them still syncs users.
        private async Task<HaloSqlInvoices> InvoicesAsync(CancellationToken cancellationToken) =>
            invoices ??= await HaloSqlInvoices.DiscoverAsync(Database, Schema, cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        async Task<IReadOnlyList<HaloTicket>> IHaloTickets.FindTicketsAsync(int clientId, string search, CancellationToken cancellationToken) =>
            await (await TicketsAsync(cancellationToken).ConfigureAwait(false)).FindAsync(clientId, search ?? throw new ArgumentNullException(nameof(search)), cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        async Task<HaloTicket> IHaloTickets.CreateTicketAsync(HaloTicket ticket, CancellationToken cancellationToken) =>
            await (await TicketsAsync(cancellationToken).ConfigureAwait(false)).CreateAsync(ticket ?? throw new ArgumentNullException(nameof(ticket)), DateTime.UtcNow, cancellationToken).ConfigureAwait(false);

        // FAULTS is found on first use too: only a failed collection with failure tickets switched on needs it.
        private async Task<HaloSqlTickets> TicketsAsync(CancellationToken cancellationToken) =>
            tickets ??= await HaloSqlTickets.DiscoverAsync(Database, cancellationToken).ConfigureAwait(false);

        /// <summary>Releases the database if this target created it.</summary>
        public void Dispose()
        {
            runLock?.Dispose();
            if (ownsDatabase)
            {
                Database.Dispose();
            }
        }

        private async IAsyncEnumerable<T> ReadAsync<T>(string what, SqlTemplate template, Func<DbDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var currentSchema = Schema;
            var watch = Stopwatch.StartNew();
            var count = 0;
            await foreach (var item in Database.QueryAsync("reading " + what, template, currentSchema, null, map, cancellationToken).ConfigureAwait(false))
            {
                count++;
                yield return item;
            }

            Database.LogDone("read " + count + " " + what, watch);
        }
    }
}
