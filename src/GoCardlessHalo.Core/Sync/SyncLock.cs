// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// One sync run per Halo on this machine, whichever configuration folder it runs from (issue 8: an RMM
    /// schedule as SYSTEM, whose default folder is %ProgramData%, and an admin whose default is %APPDATA% must
    /// not import into one Halo at once). The lock is an exclusively opened file in a machine-wide folder
    /// (<see cref="LockDirectory"/>), named by a hash of the Halo target's identity (<see cref="SyncTarget"/>);
    /// the operating system releases it if the process dies, so a killed run never leaves a stale lock behind.
    /// Beside it, <c>.holder</c> says who holds it (for the message a waiting run shows) and <c>.last</c> who ran
    /// last (for Test-GcModule's warning about another configuration).
    /// </summary>
    public sealed class SyncLock : IDisposable
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
        private readonly FileStream _stream;
        private readonly string _basePath;
        private readonly SyncRunHolder _holder;

        private SyncLock(FileStream stream, string basePath, SyncRunHolder holder)
        {
            _stream = stream;
            _basePath = basePath;
            _holder = holder;
        }

        /// <summary>
        /// The machine-wide folder: %ProgramData%\GoCardlessHalo\locks on Windows, /tmp/GoCardlessHalo-locks
        /// elsewhere (not $TMPDIR, which is per user on macOS). Every account may create files in it.
        /// </summary>
        public static string LockDirectory { get; } = Environment.OSVersion.Platform == PlatformID.Win32NT
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "GoCardlessHalo", "locks")
            : Path.Combine("/tmp", "GoCardlessHalo-locks");

        /// <summary>Waits up to <paramref name="timeout"/> for the lock on <paramref name="target"/>.</summary>
        /// <exception cref="GcHaloException">SyncLockTimeout naming the other run's configuration, process id and start time.</exception>
        public static async Task<SyncLock> AcquireAsync(SyncTarget target, SyncRunHolder holder, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var basePath = BasePath(target);
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var stream = Open(basePath);
                    TryWrite(basePath + ".holder", holder);
                    return new SyncLock(stream, basePath, holder);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    var other = Read(basePath + ".holder");
                    throw new GcHaloException(
                        ErrorIds.SyncLockTimeout,
                        ErrorKind.Timeout,
                        $"Another GoCardlessHalo sync is running against this Halo ({target.Description}): {other?.Describe() ?? "holder unknown"}. It did not finish within {timeout.TotalSeconds:0} seconds. " +
                        "Wait for it to end, or raise -LockTimeout. Only one run at a time may write to one Halo, whichever configuration it uses. Nothing was changed by this run.",
                        target.Description,
                        ex);
                }
            }
        }

        /// <summary>Who holds the lock on <paramref name="target"/> now, or null when no run holds it.</summary>
        public static SyncRunHolder? CurrentHolder(SyncTarget target)
        {
            var basePath = BasePath(target);
            try
            {
                using (Open(basePath))
                {
                    return null;
                }
            }
            catch (IOException)
            {
                return Read(basePath + ".holder") ?? new SyncRunHolder();
            }
        }

        /// <summary>The last run against <paramref name="target"/> on this machine, whichever configuration it used.</summary>
        public static SyncRunHolder? LastRun(SyncTarget target) => Read(BasePath(target) + ".last");

        public void Dispose()
        {
            TryWrite(_basePath + ".last", _holder);
            TryDelete(_basePath + ".holder");
            _stream.Dispose();
        }

        private static string BasePath(SyncTarget target)
        {
            Directory.CreateDirectory(LockDirectory);
            OwnerOnlyFiles.ShareDirectory(LockDirectory);
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(target.Key));
            return Path.Combine(LockDirectory, BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty).ToLowerInvariant());
        }

        private static FileStream Open(string basePath) => new FileStream(basePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        private static void TryWrite(string path, SyncRunHolder holder)
        {
            try
            {
                File.WriteAllText(path, JsonSerializer.Serialize(holder));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The description is only for messages; the lock itself is what matters.
            }
        }

        private static SyncRunHolder? Read(string path)
        {
            try
            {
                return File.Exists(path) ? JsonSerializer.Deserialize<SyncRunHolder>(File.ReadAllText(path)) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException)
            {
                return null;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Who runs (or ran) a sync: shown to a run that has to wait, and by Test-GcModule.</summary>
    public sealed class SyncRunHolder
    {
        /// <summary>The command (Import-GcUser, Sync-GcPayment).</summary>
        public string? Command { get; set; }

        /// <summary>The settings file the run used.</summary>
        public string? Configuration { get; set; }

        public string? Machine { get; set; }

        public string? Account { get; set; }

        public int ProcessId { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        /// <summary>Describes the current process running <paramref name="command"/> with <paramref name="configuration"/>.</summary>
        public static SyncRunHolder Current(string command, string configuration) => new SyncRunHolder
        {
            Command = command,
            Configuration = configuration,
            Machine = Environment.MachineName,
            Account = Environment.UserName,
            ProcessId = Process.GetCurrentProcess().Id,
            StartedAt = DateTimeOffset.UtcNow,
        };

        public string Describe() =>
            $"{Command ?? "a sync"} with configuration '{Configuration ?? "unknown"}', process {ProcessId} on {Machine ?? "this machine"} as {Account ?? "unknown"}, started {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
    }
}
