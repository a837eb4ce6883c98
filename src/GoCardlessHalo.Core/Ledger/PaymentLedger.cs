// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Timing;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>
    /// The payment ledger: the module's own gch_ tables (payments of linked customers, all mandates, linked
    /// customers already backfilled, event ids inside the overlap window, the sync watermark) in the Halo SQL
    /// database, or in a SQLite file beside the configuration when Halo is reached through its API. Works on
    /// SQL Server and SQLite alike; every statement is a parameterised <see cref="LedgerSql"/> template.
    /// </summary>
    public sealed class PaymentLedger : IDisposable
    {
        /// <summary>File name of the module-owned ledger beside the configuration (Halo API target).</summary>
        public const string EmbeddedFileName = "GoCardlessHalo.ledger.db";

        /// <summary>The gch_sync_state row holding the payment sync's watermark.</summary>
        public const string WatermarkName = "payments";

        /// <summary>The gch_sync_state row holding when the link map (gch_link) was last read from Halo.</summary>
        public const string LinkMapName = "links";

        /// <summary>The gch_sync_state row holding when the non-final payments were last read again by id.</summary>
        public const string ReconciledName = "reconciled";

        private readonly bool ownsDatabase;
        private bool ready;

        /// <summary>
        /// A ledger in <paramref name="database"/>, which the caller keeps and disposes. With
        /// <paramref name="applyMigrations"/> false (the Halo SQL database, whose schema changes belong to
        /// Enable-GcModule and a DBA) a missing migration fails with <see cref="ErrorIds.PaymentLedgerNotMigrated"/>;
        /// true lets the ledger create its own tables on first use (only for a database the module owns).
        /// </summary>
        public PaymentLedger(SqlDatabase database, bool applyMigrations = false)
            : this(database, applyMigrations, ownsDatabase: false)
        {
        }

        private PaymentLedger(SqlDatabase database, bool applyMigrations, bool ownsDatabase)
        {
            Database = database ?? throw new ArgumentNullException(nameof(database));
            AppliesMigrations = applyMigrations;
            this.ownsDatabase = ownsDatabase;
        }

        /// <summary>The database holding the ledger tables.</summary>
        public SqlDatabase Database { get; }

        /// <summary>Server/database or file; never a secret.</summary>
        public string Location => Database.Location;

        /// <summary>True when the ledger creates and migrates its tables itself (module-owned file).</summary>
        public bool AppliesMigrations { get; }

        /// <summary>
        /// The module-owned SQLite ledger at <paramref name="path"/> (file and folder created on first use, tables
        /// migrated automatically). Disposing the ledger releases the file.
        /// </summary>
        public static PaymentLedger OpenModuleOwned(string path, IEngineLog? log = null) =>
            new PaymentLedger(SqlDatabase.CreateOrOpenSqlite(path, log), applyMigrations: true, ownsDatabase: true);

        /// <summary>
        /// The ledger in the database <paramref name="options"/> describe (the Halo SQL database), opened and released
        /// by the ledger itself; its tables are migrated by Enable-GcModule, not here.
        /// </summary>
        public static PaymentLedger OpenExisting(SqlOptions options, IEngineLog? log = null) =>
            new PaymentLedger(new SqlDatabase(options, log), applyMigrations: false, ownsDatabase: true);

        /// <summary>The module-owned ledger beside the settings file (<see cref="EmbeddedFileName"/>), for the Halo API target.</summary>
        public static PaymentLedger OpenBesideConfiguration(ConfigLocation location, IEngineLog? log = null)
        {
            var path = LedgerLocation.FileBeside(location);
            Internal.OwnerOnlyFiles.CreateIfMissing(path); // SQLite takes an empty file as an empty database.
            return OpenModuleOwned(path, log);
        }

        /// <summary>
        /// Checks that every migration is applied (once per instance). A module-owned ledger applies what is missing;
        /// any other fails with <see cref="ErrorIds.PaymentLedgerNotMigrated"/>, naming what is missing.
        /// </summary>
        public async Task EnsureReadyAsync(CancellationToken cancellationToken)
        {
            if (ready)
            {
                return;
            }

            var migrator = LedgerMigrations.Migrator(Database);
            var pending = await migrator.GetPendingAsync(cancellationToken).ConfigureAwait(false);
            if (pending.Count > 0 && !AppliesMigrations)
            {
                throw new GcHaloException(
                    ErrorIds.PaymentLedgerNotMigrated,
                    ErrorKind.NotEnabled,
                    "The payment ledger in " + Location + " lacks the module's tables (missing migration " + string.Join(", ", pending) + "). "
                    + "Run Enable-GcModule to create them (Enable-GcModule -WhatIf prints the SQL for a DBA).",
                    Location);
            }

            if (pending.Count > 0)
            {
                if (Database.Kind == SqlKind.Sqlite)
                {
                    await UseWriteAheadLogAsync(cancellationToken).ConfigureAwait(false);
                }

                await migrator.ApplyAsync(cancellationToken).ConfigureAwait(false);
            }

            ready = true;
        }

        /// <summary>The created_at of the newest event the sync has stored; null before the first sync.</summary>
        public Task<DateTimeOffset?> GetWatermarkAsync(CancellationToken cancellationToken) => GetStateAsync(WatermarkName, cancellationToken);

        /// <summary>When Sync-GcPayment last read the non-final payments again by id; null when it never has.</summary>
        public Task<DateTimeOffset?> GetReconciledAsync(CancellationToken cancellationToken) => GetStateAsync(ReconciledName, cancellationToken);

        /// <summary>
        /// Replaces the link map with the links Import-GcUser just read from Halo (and wrote), so the next payment
        /// sync need not read every linked user. Link values are normalised here.
        /// </summary>
        public Task RefreshLinksAsync(IEnumerable<(string LinkValue, int HaloUserId)> links, IClock clock, CancellationToken cancellationToken) =>
            RefreshLinkMapAsync((links ?? throw new ArgumentNullException(nameof(links))).Where(l => LinkValues.Normalize(l.LinkValue) is not null).Select(l => (LinkValues.Normalize(l.LinkValue)!, l.HaloUserId)).ToList(), clock, cancellationToken);

        internal async Task RefreshLinkMapAsync(IReadOnlyList<(string CustomerId, int HaloUserId)> links, IClock clock, CancellationToken cancellationToken)
        {
            using var writer = await BeginWriteAsync(clock ?? throw new ArgumentNullException(nameof(clock)), cancellationToken).ConfigureAwait(false);
            await writer.ReplaceLinksAsync(links, writer.Now, cancellationToken).ConfigureAwait(false);
            writer.Commit();
        }

        /// <summary>
        /// Stored payments matching <paramref name="query"/>, newest first (charge date, then creation time), streamed
        /// row by row. <paramref name="dashboard"/> fills <see cref="PaymentDetails.DashboardUrl"/> when given.
        /// </summary>
        public async IAsyncEnumerable<PaymentRecord> QueryAsync(PaymentQuery query, DashboardLinks? dashboard, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var statuses = (query.Statuses ?? Array.Empty<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
            var slots = new Dictionary<string, string> { ["values"] = SqlDialect.ParameterList(Math.Max(1, statuses.Count)) };
            await foreach (var row in ReadAsync(
                LedgerSql.QueryPayments,
                "reading payments (" + query + ")",
                (dialect, command) =>
                {
                    LedgerRows.Int(dialect, command, "@haloUserId", query.HaloUserId);
                    LedgerRows.Text(dialect, command, "@customerId", LinkValues.Normalize(query.CustomerId), LedgerRows.IdLength);
                    LedgerRows.Int(dialect, command, "@anyStatus", statuses.Count == 0 ? 1 : 0);
                    for (var i = 0; i < Math.Max(1, statuses.Count); i++)
                    {
                        LedgerRows.Text(dialect, command, SqlDialect.ParameterName(i), statuses.Count == 0 ? string.Empty : statuses[i], LedgerRows.StatusLength);
                    }

                    LedgerRows.Date(dialect, command, "@since", query.Since);
                    LedgerRows.Timestamp(dialect, command, "@changedSince", query.ChangedSince);
                },
                LedgerRows.ReadPayment,
                cancellationToken,
                slots).ConfigureAwait(false))
            {
                yield return dashboard is null ? row : row with { DashboardUrl = dashboard.Payment(row.PaymentId) };
            }
        }

        /// <summary>Row counts of the ledger tables.</summary>
        public async Task<LedgerCounts> CountAsync(CancellationToken cancellationToken)
        {
            var counts = new LedgerCounts();
            await foreach (var row in ReadAsync(
                LedgerSql.CountRows,
                "counting ledger rows",
                null,
                reader => new LedgerCounts { Payments = SqlReaderValues.Long(reader, 0), Mandates = SqlReaderValues.Long(reader, 1), Customers = SqlReaderValues.Long(reader, 2), SeenEvents = SqlReaderValues.Long(reader, 3) },
                cancellationToken).ConfigureAwait(false))
            {
                counts = row;
            }

            return counts;
        }

        /// <summary>Releases the database when the ledger opened it itself (<see cref="OpenModuleOwned"/>).</summary>
        public void Dispose()
        {
            if (ownsDatabase)
            {
                Database.Dispose();
            }
        }

        internal async Task<Dictionary<string, MandateRow>> LoadMandatesAsync(CancellationToken cancellationToken)
        {
            var mandates = new Dictionary<string, MandateRow>(StringComparer.Ordinal);
            await foreach (var mandate in ReadAsync(
                LedgerSql.SelectMandates,
                "reading mandates",
                null,
                reader => new MandateRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), LedgerRows.Utc(reader, 3)),
                cancellationToken).ConfigureAwait(false))
            {
                mandates[mandate.MandateId] = mandate;
            }

            return mandates;
        }

        /// <summary>Customers whose history is in the ledger, with the Halo user they were linked to.</summary>
        internal async Task<Dictionary<string, int>> LoadCustomersAsync(CancellationToken cancellationToken)
        {
            var customers = new Dictionary<string, int>(StringComparer.Ordinal);
            await foreach (var (customer, user) in ReadAsync(
                LedgerSql.SelectCustomers,
                "reading backfilled customers",
                null,
                reader => (reader.GetString(0), SqlReaderValues.Int(reader, 1)),
                cancellationToken).ConfigureAwait(false))
            {
                customers[customer] = user;
            }

            return customers;
        }

        /// <summary>The link map (customer → Halo users) and when it was read from Halo; null time when never.</summary>
        internal async Task<(List<(string CustomerId, int HaloUserId)> Links, DateTimeOffset? ReadAt)> LoadLinkMapAsync(CancellationToken cancellationToken)
        {
            var links = new List<(string, int)>();
            await foreach (var link in ReadAsync(LedgerSql.SelectLinks, "reading the link map", null, reader => (reader.GetString(0), SqlReaderValues.Int(reader, 1)), cancellationToken).ConfigureAwait(false))
            {
                links.Add(link);
            }

            return (links, await GetStateAsync(LinkMapName, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Each user's summary field values as Halo last held them: user → field → value.</summary>
        internal async Task<Dictionary<int, Dictionary<string, string?>>> LoadSummariesAsync(CancellationToken cancellationToken)
        {
            var summaries = new Dictionary<int, Dictionary<string, string?>>();
            await foreach (var (user, field, value) in ReadAsync(
                LedgerSql.SelectSummaries,
                "reading the summaries Halo holds",
                null,
                reader => (SqlReaderValues.Int(reader, 0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)),
                cancellationToken).ConfigureAwait(false))
            {
                if (!summaries.TryGetValue(user, out var fields))
                {
                    summaries[user] = fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                }

                fields[field] = value;
            }

            return summaries;
        }

        /// <summary>The stored rows of the given payments (those that exist), read outside any write.</summary>
        internal async Task<Dictionary<string, PaymentRecord>> FindPaymentsAsync(IEnumerable<string> paymentIds, CancellationToken cancellationToken)
        {
            var found = new Dictionary<string, PaymentRecord>(StringComparer.Ordinal);
            foreach (var chunk in GoCardlessHalo.Core.Internal.BatchExtensions.Batches(paymentIds.Distinct(StringComparer.Ordinal), LedgerWriter.LookupChunk))
            {
                var slots = new Dictionary<string, string> { ["values"] = SqlDialect.ParameterList(chunk.Count) };
                void Bind(SqlDialect dialect, DbCommand command)
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        LedgerRows.Text(dialect, command, SqlDialect.ParameterName(i), chunk[i], LedgerRows.IdLength);
                    }
                }

                await foreach (var row in ReadAsync(LedgerSql.SelectPaymentsById, "reading stored payments", Bind, LedgerRows.ReadPayment, cancellationToken, slots).ConfigureAwait(false))
                {
                    found[row.PaymentId] = row;
                }
            }

            return found;
        }

        internal async Task<HashSet<string>> LoadSeenEventIdsAsync(CancellationToken cancellationToken)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var id in ReadAsync(LedgerSql.SelectSeenEvents, "reading seen events", null, reader => reader.GetString(0), cancellationToken).ConfigureAwait(false))
            {
                seen.Add(id);
            }

            return seen;
        }

        /// <summary>Each customer's latest payment (by charge date, then creation time).</summary>
        internal IAsyncEnumerable<(string CustomerId, PaymentRecord Latest)> ReadLatestPaymentsAsync(CancellationToken cancellationToken) =>
            ReadAsync(
                LedgerSql.SelectLatestPayments,
                "reading each customer's latest payment",
                null,
                reader => (reader.GetString(0), new PaymentRecord
                {
                    CustomerId = reader.GetString(0),
                    Status = reader.GetString(1),
                    ChargeDate = reader.GetDateTime(2).Date,
                    Amount = SqlReaderValues.Long(reader, 3),
                    Currency = reader.GetString(4),
                }),
                cancellationToken);

        /// <summary>The status of each customer's most recent mandate.</summary>
        internal IAsyncEnumerable<(string CustomerId, string Status)> ReadLatestMandatesAsync(CancellationToken cancellationToken) =>
            ReadAsync(LedgerSql.SelectLatestMandates, "reading each customer's latest mandate", null, reader => (reader.GetString(0), reader.GetString(1)), cancellationToken);

        /// <summary>Starts a write transaction on the ledger (SQLite: takes the write lock at once).</summary>
        internal async Task<LedgerWriter> BeginWriteAsync(IClock clock, CancellationToken cancellationToken)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new LedgerWriter(transaction, clock.UtcNow);
        }

        private async Task<DateTimeOffset?> GetStateAsync(string name, CancellationToken cancellationToken)
        {
            DateTimeOffset? state = null;
            await foreach (var value in ReadAsync(
                LedgerSql.SelectWatermark,
                "reading the " + name + " sync state",
                (dialect, command) => LedgerRows.Text(dialect, command, "@name", name, LedgerRows.SyncStateNameLength),
                reader => reader.IsDBNull(0) ? (DateTimeOffset?)null : LedgerRows.Utc(reader, 0),
                cancellationToken).ConfigureAwait(false))
            {
                state = value;
            }

            return state;
        }

        // A module-owned ledger file gets SQLite's write-ahead log, as the embedded Halo database has: a commit then
        // appends to the log instead of rewriting pages through a rollback journal, and readers never wait for it.
        // The mode is stored in the file, so this runs once, when the file gets its tables.
        private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
        {
            using var connection = await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var command = Database.Dialect.CreateCommand(connection, null, HaloSqliteSchema.UseWriteAheadLog, LiteralSqlNames.Instance);
            await Database.GuardAsync("switching the ledger to write-ahead logging", () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        private async IAsyncEnumerable<T> ReadAsync<T>(
            SqlTemplate template,
            string operation,
            Action<SqlDialect, DbCommand>? bind,
            Func<DbDataReader, T> map,
            [EnumeratorCancellation] CancellationToken cancellationToken,
            IReadOnlyDictionary<string, string>? slots = null)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var item in Database.QueryAsync(operation, template, LiteralSqlNames.Instance, bind, map, cancellationToken, slots).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }
}
