// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Appends one JSON line per change made in Halo or the ledger to GoCardlessHalo.audit.jsonl beside the
    /// settings: what, when, to which record, before and after. It never holds secrets: only ids, names and the
    /// field values the module itself writes. The lines of one Halo write (a batch of users) are written together
    /// and flushed to disk before the change is reported done; flushing once per batch rather than once per line is
    /// what keeps a 10,000-user import from spending most of its time in fsync (about 4 ms each on a busy disk). A line
    /// can only be written once Halo has answered, so a write is first recorded as an intent in the journal beside the
    /// log (<see cref="Intend"/>, <see cref="AuditJournal"/>); the next run that writes to the same Halo writes the
    /// line of every intent a killed run left that Halo holds (<see cref="Reconcile"/>): a killed run loses no line.
    /// The payment ledger's writes are journaled the same way, before their commit, and judged against the ledger.
    /// The file is owner-only, and rotated (<see cref="RotateIfDue"/>).
    /// </summary>
    public sealed class AuditLog
    {
        public const string FileName = "GoCardlessHalo.audit.jsonl";

        /// <summary>A file larger than this is rotated before the next line.</summary>
        public const long MaxBytes = 20 * 1024 * 1024;

        private readonly object _gate = new object();
        private bool _checked;

        private readonly AuditJournal _journal;

        public AuditLog(ConfigLocation location, string runId)
        {
            Path = location.Beside(FileName);
            RunId = runId;
            _journal = new AuditJournal(location.Beside(AuditJournal.FileName), runId);
        }

        public string Path { get; }

        /// <summary>The journal of intents beside the log (<see cref="AuditJournal"/>).</summary>
        public string PendingPath => _journal.Path;

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
                AppendLine(buffer, time, RunId, change, reconciledBy: null);
            }

            Append(buffer);
        }

        /// <summary>
        /// Records the changes about to be sent to the Halo at <paramref name="location"/> (IHaloTarget.Location) in the
        /// journal, flushed to disk: call before the write, then <see cref="WriteAll"/> with what Halo did, then
        /// <see cref="Settle"/> once no change of this run waits for its outcome.
        /// </summary>
        public void Intend(string location, IEnumerable<AuditChange> changes) => _journal.Intend(location, changes);

        /// <summary>Every intent of this run is in the log (or known not done): the journal forgets them.</summary>
        public void Settle() => _journal.Settle();

        /// <summary>The open intents of other runs against <paramref name="location"/> whose action <paramref name="judges"/>: what a caller of <see cref="Reconcile"/> reads its target for.</summary>
        public IReadOnlyList<AuditIntent> Interrupted(string location, Func<string, bool> judges) =>
            _journal.Interrupted().Where(i => AuditJournal.SameLocation(i.Location, location) && judges(i.Change.Action)).ToList();

        /// <summary>
        /// <see cref="Reconcile"/> for a rule that must first read what it judges by (the payment ledger's rows):
        /// <paramref name="read"/> gets the interrupted intents' changes, reads what it needs, and returns the confirm
        /// function; it is not called when there are none.
        /// </summary>
        public async Task<int> ReconcileAsync(
            string location,
            Func<string, bool> judges,
            Func<IReadOnlyList<AuditChange>, CancellationToken, Task<Func<AuditChange, AuditChange?>>> read,
            Action<string> verbose,
            Func<AuditChange, string>? lineOf,
            CancellationToken cancellationToken)
        {
            var intents = Interrupted(location, judges);
            var confirm = intents.Count == 0
                ? _ => null
                : await read(intents.Select(i => i.Change).ToList(), cancellationToken).ConfigureAwait(false);
            return Reconcile(location, judges, confirm, verbose, lineOf);
        }

        /// <summary>
        /// Writes the lines other runs against the Halo (or payment ledger) at <paramref name="location"/> intended and never wrote (killed
        /// between the write and its line): for each intent whose action <paramref name="judges"/> and with no line of
        /// its run, customer and action in the log, <paramref name="confirm"/> looks at Halo as read and returns the
        /// change as Halo holds it (a created user's id filled in), or null when Halo does not hold it (it did not
        /// happen; this run makes it and logs it itself). A confirmed change is written with the killed run's id and
        /// the intent's time, marked <c>"reconciledBy": "&lt;this run&gt;"</c>. The journal then forgets those intents;
        /// intents against another Halo, or of actions this caller cannot judge, are left alone (told through
        /// <paramref name="verbose"/>). Only a run that holds the sync lock of that Halo and writes to it may call this,
        /// before its own first intent. Returns the number of lines written. <paramref name="lineOf"/> tells which line of a
        /// run an intent is, beside its action: by default its customer (the import writes one line per customer and
        /// action, and a create's target is only known from the line); the ledger's lines, many per customer and
        /// several pages per run, pass their target and after-values (<c>Sync/Payments/ConfirmedLedgerChanges</c>).
        /// </summary>
        public int Reconcile(string location, Func<string, bool> judges, Func<AuditChange, AuditChange?> confirm, Action<string> verbose, Func<AuditChange, string>? lineOf = null)
        {
            lineOf ??= change => change.CustomerId ?? string.Empty;
            bool Mine(AuditIntent intent) => AuditJournal.SameLocation(intent.Location, location) && judges(intent.Change.Action);
            var intents = _journal.Interrupted();
            var mine = intents.Where(Mine).ToList();
            if (intents.Count > mine.Count)
            {
                verbose($"The audit journal ({_journal.Path}) holds {intents.Count - mine.Count} intended change(s) of earlier runs against another Halo or of another kind; left for a run that can check them.");
            }

            if (mine.Count == 0)
            {
                return 0;
            }

            // Lines are written after their intent; a day's margin allows for a clock set back between the runs.
            var runs = new HashSet<string>(mine.Select(i => i.RunId), StringComparer.Ordinal);
            var logged = new HashSet<(string Run, string Line, string Action)>();
            foreach (var entry in new AuditLogReader(Path).Read(new AuditQuery { Since = mine.Min(i => i.Time).AddDays(-1) }))
            {
                if (runs.Contains(entry.RunId))
                {
                    logged.Add((entry.RunId, lineOf(new AuditChange(entry.Action, entry.Target, entry.CustomerId, entry.Before, entry.After)), entry.Action));
                }
            }

            using var buffer = new MemoryStream();
            var (written, open) = (0, 0);
            foreach (var intent in mine)
            {
                if (!logged.Add((intent.RunId, lineOf(intent.Change), intent.Change.Action)))
                {
                    continue;
                }

                open++;
                if (confirm(intent.Change) is { } done)
                {
                    AppendLine(buffer, intent.Time, intent.RunId, done, reconciledBy: RunId);
                    written++;
                }
            }

            Append(buffer);
            _journal.Resolve(Mine);
            verbose($"Audit journal ({_journal.Path}): {runs.Count} earlier run(s) stopped with {open} intended change(s) not in the log; {written} found done and logged now (marked reconciledBy {RunId}), {open - written} not done.");
            return written;
        }

        private void Append(MemoryStream buffer)
        {
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

        private static void AppendLine(Stream buffer, DateTimeOffset time, string runId, AuditChange change, string? reconciledBy)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("time", time);
                json.WriteString("run", runId);
                WriteChange(json, change);
                if (reconciledBy is not null)
                {
                    json.WriteString("reconciledBy", reconciledBy);
                }

                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        /// <summary>The change's properties of a line (action, target, customerId, before, after), shared with the journal.</summary>
        internal static void WriteChange(Utf8JsonWriter json, AuditChange change)
        {
            json.WriteString("action", change.Action);
            json.WriteString("target", change.Target);
            if (change.CustomerId is not null)
            {
                json.WriteString("customerId", change.CustomerId);
            }

            WriteValues(json, "before", change.Before);
            WriteValues(json, "after", change.After);
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
