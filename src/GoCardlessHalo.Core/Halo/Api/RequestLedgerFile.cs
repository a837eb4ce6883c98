// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// The machine-wide record of the Halo requests the module's runs sent recently, one file per Halo identity
    /// (URL, tenant, client id): a few hundred lines of Unix milliseconds, read and rewritten under an exclusive
    /// lock for every request, so concurrent runs (a scheduled import and a payment sync, or two PowerShell windows)
    /// share one budget. It holds no secret and no personal data: only times.
    /// </summary>
    internal sealed class RequestLedgerFile
    {
        private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(15);

        public RequestLedgerFile(string path)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
        }

        /// <summary>The file.</summary>
        public string Path { get; }

        /// <summary>
        /// The file for one Halo in <paramref name="folder"/>; the name is a hash of the identity, so neither the
        /// URL nor the client id shows in the folder listing.
        /// </summary>
        public static RequestLedgerFile For(string folder, string url, string? tenant, string clientId)
        {
            var identity = url.Trim().TrimEnd('/').ToLowerInvariant() + "|" + (tenant ?? string.Empty).Trim().ToLowerInvariant() + "|" + clientId.Trim();
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(identity));
            var name = "halo-requests-" + string.Concat(hash.Take(8).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))) + ".txt";
            return new RequestLedgerFile(System.IO.Path.Combine(folder, name));
        }

        /// <summary>The machine-wide folder: ProgramData\GoCardlessHalo on Windows, the shared temporary folder elsewhere.</summary>
        public static string MachineFolder() =>
            System.IO.Path.Combine(
                Environment.OSVersion.Platform == PlatformID.Win32NT ? Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData) : System.IO.Path.GetTempPath(),
                "GoCardlessHalo");

        /// <summary>Reads the granted times, lets <paramref name="change"/> update them, writes them back: all under the file's lock.</summary>
        public async Task<T> UpdateAsync<T>(Func<List<DateTimeOffset>, T> change, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FileStream stream;
                try
                {
                    stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    // Another run holds the lock for the few microseconds of its update.
                    await Task.Delay(LockRetry, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                using (stream)
                {
                    var granted = Read(stream);
                    var result = change(granted);
                    Write(stream, granted);
                    return result;
                }
            }
        }

        private static List<DateTimeOffset> Read(FileStream stream)
        {
            var granted = new List<DateTimeOffset>();
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 4096, leaveOpen: true);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                // A line cut short by a crash is skipped: the budget errs by one request at most.
                if (long.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
                {
                    granted.Add(DateTimeOffset.FromUnixTimeMilliseconds(ms));
                }
            }

            return granted;
        }

        private static void Write(FileStream stream, List<DateTimeOffset> granted)
        {
            var text = string.Concat(granted.Select(t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\n"));
            var bytes = Encoding.ASCII.GetBytes(text);
            stream.Position = 0;
            stream.SetLength(0);
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
