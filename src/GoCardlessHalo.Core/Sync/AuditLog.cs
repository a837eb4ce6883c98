// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Appends one JSON line per change made in Halo or the ledger to GoCardlessHalo.audit.jsonl beside the
    /// settings: what, when, to which record, before and after. It never holds secrets: only ids, names and the
    /// field values the module itself writes. The lines of one Halo write (a batch of users) are written together
    /// and flushed to disk before the change is reported done, so a killed run loses no line; flushing once per
    /// batch rather than once per line is what keeps a 10,000-user import from spending most of its time in fsync
    /// (about 4 ms each on a busy disk). The file is owner-only, and rotated (<see cref="RotateIfDue"/>).
    /// </summary>
    public sealed class AuditLog
    {
        public const string FileName = "GoCardlessHalo.audit.jsonl";

        /// <summary>A file larger than this is rotated before the next line.</summary>
        public const long MaxBytes = 20 * 1024 * 1024;

        private readonly object _gate = new object();
        private bool _checked;

        public AuditLog(ConfigLocation location, string runId)
        {
            Path = location.Beside(FileName);
            RunId = runId;
        }

        public string Path { get; }

        /// <summary>Identifies all lines written by one run.</summary>
        public string RunId { get; }

        /// <summary>Appends one change.</summary>
        /// <param name="action">What happened, e.g. user.created, user.updated, user.linked, payment.status.</param>
        /// <param name="target">What it happened to, e.g. "halo-user:123".</param>
        /// <param name="customerId">The GoCardless customer concerned, if any.</param>
        /// <param name="before">Values before the change (null for a creation).</param>
        /// <param name="after">Values after the change.</param>
        public void Write(string action, string target, string? customerId, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after) =>
            WriteAll(new[] { new AuditChange(action, target, customerId, before, after) });

        /// <summary>Appends the changes of one write, in order, with one open and one flush to disk.</summary>
        public void WriteAll(IEnumerable<AuditChange> changes)
        {
            using var buffer = new MemoryStream();
            var time = DateTimeOffset.UtcNow;
            foreach (var change in changes)
            {
                AppendLine(buffer, time, change);
            }

            if (buffer.Length == 0)
            {
                return;
            }

            lock (_gate)
            {
                if (!_checked)
                {
                    RotateIfDue(Path, DateTime.UtcNow);
                    _checked = true;
                }

                OwnerOnlyFiles.CreateIfMissing(Path);
                using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                buffer.Position = 0;
                buffer.CopyTo(file);
                file.Flush(flushToDisk: true);
            }
        }

        /// <summary>
        /// Once per run, before its first line: a log last written in an earlier month, or larger than
        /// <see cref="MaxBytes"/>, is renamed to GoCardlessHalo.audit.&lt;yyyyMMdd-HHmmss&gt;.jsonl (its last write,
        /// UTC) in the same folder, and a new one is started. Old files are never deleted by the module.
        /// </summary>
        public static string? RotateIfDue(string path, DateTime utcNow)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            var last = info.LastWriteTimeUtc;
            if (info.Length <= MaxBytes && last.Year == utcNow.Year && last.Month == utcNow.Month)
            {
                return null;
            }

            var stamp = last.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var rotated = System.IO.Path.Combine(info.DirectoryName!, System.IO.Path.GetFileNameWithoutExtension(path) + "." + stamp + ".jsonl");
            for (var n = 2; File.Exists(rotated); n++)
            {
                rotated = System.IO.Path.Combine(info.DirectoryName!, System.IO.Path.GetFileNameWithoutExtension(path) + "." + stamp + "-" + n + ".jsonl");
            }

            File.Move(path, rotated);
            return rotated;
        }

        private void AppendLine(Stream buffer, DateTimeOffset time, AuditChange change)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("time", time);
                json.WriteString("run", RunId);
                json.WriteString("action", change.Action);
                json.WriteString("target", change.Target);
                if (change.CustomerId is not null)
                {
                    json.WriteString("customerId", change.CustomerId);
                }

                WriteValues(json, "before", change.Before);
                WriteValues(json, "after", change.After);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        private static void WriteValues(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string?>? values)
        {
            if (values is null)
            {
                return;
            }

            json.WriteStartObject(name);
            foreach (var pair in values)
            {
                json.WriteString(pair.Key, pair.Value);
            }

            json.WriteEndObject();
        }
    }
}
