// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// The audit log's write-ahead journal, GoCardlessHalo.audit.pending.jsonl beside it (owner-only): the changes a
    /// run is about to make in Halo, one JSON line each, flushed to disk before the write is sent. The audit line of a
    /// change can only be written once Halo has answered (the created user's id is in the answer; a create whose
    /// answer said nothing waits for a read-back, <c>Sync/Import/ParkedCreates</c>), so a run killed in between would
    /// lose it; the journal keeps the intent, and the next run that writes to the same Halo reconciles it with what
    /// Halo holds (<see cref="AuditLog.Reconcile"/>). A run empties the journal of its own intents once all of them
    /// are in the log (<see cref="Settle"/>); intents of other runs it has not reconciled stay.
    /// </summary>
    public sealed class AuditJournal
    {
        public const string FileName = "GoCardlessHalo.audit.pending.jsonl";

        private readonly object _gate = new object();

        // Lines of other runs still open, as read before this run's first touch (null until then). A line that is
        // not a complete intent (a run killed while appending it) is dropped: its write was never sent.
        private List<AuditIntent>? _others;
        private List<string>? _otherLines;
        private bool _holdsMine;

        public AuditJournal(string path, string runId)
        {
            Path = path;
            RunId = runId;
        }

        public string Path { get; }

        public string RunId { get; }

        /// <summary>Appends the changes about to be sent to <paramref name="location"/>, with one open and one flush to disk.</summary>
        public void Intend(string location, IEnumerable<AuditChange> changes)
        {
            using var buffer = new MemoryStream();
            var time = DateTimeOffset.UtcNow;
            foreach (var change in changes)
            {
                AppendLine(buffer, time, location, change);
            }

            if (buffer.Length == 0)
            {
                return;
            }

            lock (_gate)
            {
                LoadOthers();
                OwnerOnlyFiles.CreateIfMissing(Path);
                using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                buffer.Position = 0;
                buffer.CopyTo(file);
                file.Flush(flushToDisk: true);
                _holdsMine = true;
            }
        }

        /// <summary>
        /// Every intent of this run is in the audit log (or known not done): the journal keeps only other runs' open
        /// intents. Not flushed to disk: a stale intent left by a crash here is found in the log by the reconciliation.
        /// </summary>
        public void Settle()
        {
            lock (_gate)
            {
                if (!_holdsMine)
                {
                    return;
                }

                Rewrite();
                _holdsMine = false;
            }
        }

        /// <summary>The open intents of other runs (runs killed or stopped before their lines were written), oldest first.</summary>
        public IReadOnlyList<AuditIntent> Interrupted()
        {
            lock (_gate)
            {
                LoadOthers();
                return _others!.ToList();
            }
        }

        /// <summary>Drops the other runs' intents <paramref name="resolved"/> picks: they have been reconciled.</summary>
        /// <exception cref="InvalidOperationException">This run has recorded intents already (reconcile before writing).</exception>
        public void Resolve(Func<AuditIntent, bool> resolved)
        {
            lock (_gate)
            {
                if (_holdsMine)
                {
                    throw new InvalidOperationException("Reconcile the journal before this run records intents.");
                }

                LoadOthers();
                for (var i = _others!.Count - 1; i >= 0; i--)
                {
                    if (resolved(_others[i]))
                    {
                        _others.RemoveAt(i);
                        _otherLines!.RemoveAt(i);
                    }
                }

                Rewrite();
            }
        }

        /// <summary>Whether two target locations name the same Halo (as IHaloTarget.Location spells it).</summary>
        public static bool SameLocation(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

        private void LoadOthers()
        {
            if (_others is not null)
            {
                return;
            }

            _others = new List<AuditIntent>();
            _otherLines = new List<string>();
            if (!File.Exists(Path))
            {
                return;
            }

            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var text = new StreamReader(stream);
            for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
            {
                if (Parse(line) is { } intent && !string.Equals(intent.RunId, RunId, StringComparison.Ordinal))
                {
                    _others.Add(intent);
                    _otherLines.Add(line);
                }
            }
        }

        // The file as it must be now: the other runs' open intents only (empty when there are none).
        private void Rewrite()
        {
            if (!File.Exists(Path))
            {
                return;
            }

            using var file = new FileStream(Path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite);
            if (_otherLines!.Count > 0)
            {
                var bytes = new UTF8Encoding(false).GetBytes(string.Join("\n", _otherLines) + "\n");
                file.Write(bytes, 0, bytes.Length);
            }
        }

        private void AppendLine(Stream buffer, DateTimeOffset time, string location, AuditChange change)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("time", time);
                json.WriteString("run", RunId);
                json.WriteString("location", location);
                AuditLog.WriteChange(json, change);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        private static AuditIntent? Parse(string line)
        {
            if (line.Trim().Length == 0)
            {
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("time", out var time) || !time.TryGetDateTimeOffset(out var when)
                    || AuditLogReader.Text(root, "run") is not { } run || AuditLogReader.Text(root, "location") is not { } location
                    || AuditLogReader.Text(root, "action") is not { } action || AuditLogReader.Text(root, "target") is not { } target)
                {
                    return null;
                }

                var change = new AuditChange(action, target, AuditLogReader.Text(root, "customerId"), AuditLogReader.Values(root, "before"), AuditLogReader.Values(root, "after"));
                return new AuditIntent(when, run, location, change);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
