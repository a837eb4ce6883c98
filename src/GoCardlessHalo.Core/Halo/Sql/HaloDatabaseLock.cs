// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// One sync run per Halo database, whichever machine it runs on (issue 8: <see cref="SyncLock"/> only sees the
    /// runs of one machine). SQL Server: a session-owned application lock (<c>sp_getapplock</c>,
    /// https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-getapplock-transact-sql),
    /// held on a connection kept open for the run; SQL Server releases it when the session ends, so a killed run
    /// leaves nothing behind. SQLite: a row in <c>gch_run_lock</c> naming the holder, taken inside a write
    /// transaction (BEGIN IMMEDIATE serialises the check and the insert); a row whose process is gone (same
    /// machine) or older than <see cref="StaleAfter"/> is stale and taken over.
    /// </summary>
    public sealed class HaloDatabaseLock : IDisposable
    {
        /// <summary>A run lock row older than this is taken over even when its process may still live (another machine).</summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(12);

        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

        internal static readonly SqlTemplate GetRunLock = new SqlTemplate(
            nameof(GetRunLock),
            "DECLARE @result int; EXEC @result = sp_getapplock @Resource = N'GoCardlessHalo.sync', @LockMode = N'Exclusive',"
            + " @LockOwner = N'Session', @LockTimeout = @timeout; SELECT @result;",
            null);

        internal static readonly SqlTemplate ReleaseRunLock = new SqlTemplate(
            nameof(ReleaseRunLock), "EXEC sp_releaseapplock @Resource = N'GoCardlessHalo.sync', @LockOwner = N'Session';", null);

        internal static readonly SqlTemplate CreateRunLockTable = new SqlTemplate(
            nameof(CreateRunLockTable),
            null,
            "CREATE TABLE IF NOT EXISTS {gch_run_lock} (name TEXT PRIMARY KEY, token TEXT NOT NULL, holder TEXT NOT NULL,"
            + " process_id INTEGER NOT NULL, machine TEXT NOT NULL, started_utc TEXT NOT NULL)");

        internal static readonly SqlTemplate SelectRunLockRow = new SqlTemplate(
            nameof(SelectRunLockRow), null, "SELECT holder, process_id, machine, started_utc FROM {gch_run_lock} WHERE name = 'sync'");

        internal static readonly SqlTemplate ReplaceRunLockRow = new SqlTemplate(
            nameof(ReplaceRunLockRow),
            null,
            "INSERT OR REPLACE INTO {gch_run_lock} (name, token, holder, process_id, machine, started_utc) VALUES ('sync', @token, @holder, @pid, @machine, @started)");

        internal static readonly SqlTemplate DeleteRunLockRow = new SqlTemplate(
            nameof(DeleteRunLockRow), null, "DELETE FROM {gch_run_lock} WHERE name = 'sync' AND token = @token");

        private readonly SqlDatabase _database;
        private readonly DbConnection? _session;
        private readonly string? _token;
        private int _disposed;

        private HaloDatabaseLock(SqlDatabase database, DbConnection? session, string? token)
        {
            _database = database;
            _session = session;
            _token = token;
        }

        /// <summary>Waits up to <paramref name="timeout"/> for the run lock in <paramref name="database"/>.</summary>
        /// <exception cref="GcHaloException">SyncLockTimeout, naming the holder where the database records it.</exception>
        public static Task<HaloDatabaseLock> AcquireAsync(SqlDatabase database, SyncRunHolder holder, TimeSpan timeout, CancellationToken cancellationToken) =>
            database.Kind == SqlKind.SqlServer
                ? AcquireSessionLockAsync(database, timeout, cancellationToken)
                : AcquireRowAsync(database, holder, timeout, cancellationToken);

        /// <summary>Releases the lock; safe to call twice.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            try
            {
                if (_session is not null)
                {
                    using var command = _database.Dialect.CreateCommand(_session, null, ReleaseRunLock, LiteralSqlNames.Instance);
                    command.ExecuteNonQuery();
                }
                else
                {
                    using var connection = _database.Dialect.CreateConnection();
                    connection.Open();
                    using var command = _database.Dialect.CreateCommand(connection, null, DeleteRunLockRow, LiteralSqlNames.Instance);
                    _database.Dialect.AddParameter(command, "@token", SqlValueKind.Text, _token);
                    command.ExecuteNonQuery();
                }
            }
            catch (DbException)
            {
                // SQL Server frees a session lock when the connection closes (below); a SQLite row left behind turns
                // stale once this process has ended. Neither blocks the next run for good.
            }
            finally
            {
                _session?.Dispose();
            }
        }

        private static async Task<HaloDatabaseLock> AcquireSessionLockAsync(SqlDatabase database, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var session = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var command = database.Dialect.CreateCommand(session, null, GetRunLock, LiteralSqlNames.Instance);
                database.Dialect.AddParameter(command, "@timeout", SqlValueKind.Integer, (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds));
                command.CommandTimeout = (int)Math.Min(int.MaxValue / 2, timeout.TotalSeconds + database.Options.CommandTimeoutSeconds);
                var result = Convert.ToInt32(
                    await database.GuardAsync("waiting for another run's lock on Halo's database", () => command.ExecuteScalarAsync(cancellationToken), cancellationToken).ConfigureAwait(false),
                    CultureInfo.InvariantCulture);
                if (result < 0)
                {
                    // sp_getapplock does not say who holds the lock; sys.dm_tran_locks would need VIEW SERVER STATE.
                    throw Timeout(database, "a run on another machine or configuration (SQL Server application lock GoCardlessHalo.sync; sp_getapplock answered " + result + ")", timeout);
                }

                return new HaloDatabaseLock(database, session, null);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        private static async Task<HaloDatabaseLock> AcquireRowAsync(SqlDatabase database, SyncRunHolder holder, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var token = Guid.NewGuid().ToString("N");
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var other = await TryInsertRowAsync(database, holder, token, cancellationToken).ConfigureAwait(false);
                if (other is null)
                {
                    return new HaloDatabaseLock(database, null, token);
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw Timeout(database, other.Describe(), timeout);
                }

                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }

        // Null when this run now holds the row; otherwise the live holder.
        private static async Task<SyncRunHolder?> TryInsertRowAsync(SqlDatabase database, SyncRunHolder holder, string token, CancellationToken cancellationToken)
        {
            using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return await database.GuardAsync("taking the run lock in Halo's database", async () =>
            {
                Run(database, transaction, CreateRunLockTable);
                SyncRunHolder? current = null;
                using (var select = database.Dialect.CreateCommand(transaction.Connection, transaction.Transaction, SelectRunLockRow, LiteralSqlNames.Instance))
                using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        current = Holder(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
                    }
                }

                if (current is not null && !IsStale(current, DateTimeOffset.UtcNow))
                {
                    return current;
                }

                using var insert = database.Dialect.CreateCommand(transaction.Connection, transaction.Transaction, ReplaceRunLockRow, LiteralSqlNames.Instance);
                database.Dialect.AddParameter(insert, "@token", SqlValueKind.Text, token);
                database.Dialect.AddParameter(insert, "@holder", SqlValueKind.Text, JsonSerializer.Serialize(holder));
                database.Dialect.AddParameter(insert, "@pid", SqlValueKind.Integer, holder.ProcessId);
                database.Dialect.AddParameter(insert, "@machine", SqlValueKind.Text, holder.Machine ?? Environment.MachineName);
                database.Dialect.AddParameter(insert, "@started", SqlValueKind.Text, holder.StartedAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                transaction.Commit();
                return null;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A holder is stale when its process has ended on this machine, or it started over <see cref="StaleAfter"/> ago.</summary>
        internal static bool IsStale(SyncRunHolder holder, DateTimeOffset now)
        {
            if (now - holder.StartedAt > StaleAfter)
            {
                return true;
            }

            if (!string.Equals(holder.Machine, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            try
            {
                using var process = Process.GetProcessById(holder.ProcessId);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }

        private static SyncRunHolder Holder(string json, int processId, string machine, string started)
        {
            SyncRunHolder? holder = null;
            try
            {
                holder = JsonSerializer.Deserialize<SyncRunHolder>(json);
            }
            catch (JsonException)
            {
            }

            // The columns are the truth for staleness, whatever the JSON says.
            holder ??= new SyncRunHolder();
            holder.ProcessId = processId;
            holder.Machine = machine;
            holder.StartedAt = DateTimeOffset.Parse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            return holder;
        }

        private static void Run(SqlDatabase database, DatabaseTransaction transaction, SqlTemplate template)
        {
            using var command = database.Dialect.CreateCommand(transaction.Connection, transaction.Transaction, template, LiteralSqlNames.Instance);
            command.ExecuteNonQuery();
        }

        private static GcHaloException Timeout(SqlDatabase database, string holder, TimeSpan timeout) => new GcHaloException(
            ErrorIds.SyncLockTimeout,
            ErrorKind.Timeout,
            $"Another GoCardlessHalo sync is running against this Halo database ({database.Location}): {holder}. It did not finish within {timeout.TotalSeconds:0} seconds. " +
            "Wait for it to end, or raise -LockTimeout. Only one run at a time may write to one Halo, from whichever machine. Nothing was changed by this run.",
            database.Location);
    }
}
