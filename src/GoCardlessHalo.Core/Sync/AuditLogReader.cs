// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Reads the audit log <see cref="AuditLog"/> writes, oldest line first: the rotated files
    /// (GoCardlessHalo.audit.&lt;yyyyMMdd-HHmmss&gt;[-n].jsonl, see <see cref="AuditLog.RotateIfDue"/>) in the order they were
    /// rotated, then the current file. Streams line by line, so a year of logs is never held in memory. A line that is
    /// not a complete entry (a run killed mid-write) is reported through <c>skipped</c> and passed over.
    /// </summary>
    public sealed class AuditLogReader
    {
        // The stamp is the rotated file's last write (UTC); -n tells apart files rotated in the same second.
        private static readonly Regex Rotated = new Regex(@"^GoCardlessHalo\.audit\.(?<stamp>\d{8}-\d{6})(-(?<n>\d+))?\.jsonl$", RegexOptions.CultureInvariant);

        private readonly string _currentPath;

        /// <param name="currentPath">The current log, <see cref="AuditLog.Path"/>; rotated files are looked for beside it.</param>
        public AuditLogReader(string currentPath) => _currentPath = currentPath;

        /// <summary>The log files, oldest first, each with the latest time a line in it can have (null for the current file).</summary>
        public IReadOnlyList<(string Path, DateTime? LastWriteUtc)> Files()
        {
            var folder = Path.GetDirectoryName(_currentPath)!;
            var files = new List<(string Path, DateTime? LastWriteUtc, int N)>();
            if (Directory.Exists(folder))
            {
                foreach (var path in Directory.EnumerateFiles(folder, "GoCardlessHalo.audit.*.jsonl"))
                {
                    var match = Rotated.Match(Path.GetFileName(path));
                    if (match.Success)
                    {
                        var stamp = DateTime.ParseExact(match.Groups["stamp"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                        files.Add((path, stamp, match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1));
                    }
                }
            }

            var ordered = files.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.N).Select(f => (f.Path, f.LastWriteUtc)).ToList();
            if (File.Exists(_currentPath))
            {
                ordered.Add((_currentPath, null));
            }

            return ordered;
        }

        /// <summary>The entries matching <paramref name="query"/>, oldest first.</summary>
        /// <param name="query">Which entries to return.</param>
        /// <param name="skipped">Told of each line that is not a complete entry (file and line number).</param>
        /// <param name="cancellationToken">Stops the reading between lines.</param>
        public IEnumerable<AuditEntry> Read(AuditQuery query, Action<string>? skipped = null, CancellationToken cancellationToken = default)
        {
            foreach (var (path, lastWrite) in Files())
            {
                // A rotated file holds nothing newer than its stamp (its last write, to the second).
                if (query.Since is { } since && lastWrite is { } last && last.AddSeconds(1) < since.UtcDateTime)
                {
                    continue;
                }

                foreach (var entry in ReadFile(path, skipped, cancellationToken))
                {
                    if (query.Matches(entry))
                    {
                        yield return entry;
                    }
                }
            }
        }

        /// <summary>
        /// The run that wrote the newest line (a line reconciled for a killed run names the run that wrote it,
        /// <see cref="AuditEntry.ReconciledBy"/>), or null when the log is empty.
        /// </summary>
        public string? LastRunId(CancellationToken cancellationToken = default)
        {
            foreach (var (path, _) in Files().Reverse())
            {
                var last = ReadFile(path, null, cancellationToken).LastOrDefault();
                if (last is not null)
                {
                    return last.ReconciledBy ?? last.RunId;
                }
            }

            return null;
        }

        private static IEnumerable<AuditEntry> ReadFile(string path, Action<string>? skipped, CancellationToken cancellationToken)
        {
            // Shared for writing: a run may be appending while this reads.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var text = new StreamReader(stream);
            var number = 0;
            for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var entry = Parse(line);
                if (entry is null)
                {
                    skipped?.Invoke($"{path}, line {number}: not a complete audit entry (a run stopped while writing it?); skipped.");
                    continue;
                }

                yield return entry;
            }
        }

        private static AuditEntry? Parse(string line)
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("time", out var time) || !time.TryGetDateTimeOffset(out var when)
                    || Text(root, "run") is not { } run || Text(root, "action") is not { } action || Text(root, "target") is not { } target)
                {
                    return null;
                }

                return new AuditEntry(when, run, action, target, Text(root, "customerId"), Values(root, "before"), Values(root, "after"), Text(root, "reconciledBy"));
            }
            catch (JsonException)
            {
                return null;
            }
        }

        internal static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        internal static IReadOnlyDictionary<string, string?>? Values(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var values) || values.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var value in values.EnumerateObject())
            {
                result[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.ToString();
            }

            return result;
        }
    }
}
