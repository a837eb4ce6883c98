// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Keeps two sync runs on the same configuration from overlapping (an RMM schedule firing while an admin
    /// runs a sync by hand). The lock is an exclusively opened file in the data folder; the operating system
    /// releases it if the process dies, so a crashed run never leaves a stale lock behind.
    /// </summary>
    public sealed class SyncLock : IDisposable
    {
        public const string FileName = "GoCardlessHalo.lock";
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
        private readonly FileStream _stream;
        private readonly string _infoPath;

        private SyncLock(FileStream stream, string infoPath)
        {
            _stream = stream;
            _infoPath = infoPath;
        }

        /// <summary>Waits up to <paramref name="timeout"/> for the lock.</summary>
        /// <exception cref="GcHaloException">SyncLockTimeout when another run still holds it.</exception>
        public static async Task<SyncLock> AcquireAsync(ConfigLocation location, string holder, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(location.DataDirectory);
            var path = location.Beside(FileName);
            var infoPath = path + ".info";
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    WriteInfo(infoPath, holder);
                    return new SyncLock(stream, infoPath);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    throw new GcHaloException(
                        ErrorIds.SyncLockTimeout,
                        ErrorKind.Timeout,
                        $"Another GoCardlessHalo sync is running on this configuration ({ReadInfo(infoPath)}), and it did not finish within {timeout.TotalSeconds:0} seconds. " +
                        "Wait for it to end, or raise -LockTimeout. Nothing was changed by this run.",
                        path,
                        ex);
                }
            }
        }

        public void Dispose()
        {
            TryDelete(_infoPath);
            _stream.Dispose();
        }

        private static void WriteInfo(string infoPath, string holder)
        {
            try
            {
                File.WriteAllText(infoPath, string.Format(CultureInfo.InvariantCulture, "{0}, process {1}, since {2:u}", holder, Process.GetCurrentProcess().Id, DateTime.UtcNow));
            }
            catch (IOException)
            {
                // The description is only for the message another run shows; the lock itself is what matters.
            }
        }

        private static string ReadInfo(string infoPath)
        {
            try
            {
                return File.Exists(infoPath) ? File.ReadAllText(infoPath) : "holder unknown";
            }
            catch (IOException)
            {
                return "holder unknown";
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
        }
    }
}
