// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Sync
{
    /// <summary>
    /// Appends one JSON line per change made in Halo or the ledger to GoCardlessHalo.audit.jsonl beside the
    /// settings: what, when, to which record, before and after. It never holds secrets: only ids, names and the
    /// field values the module itself writes.
    /// </summary>
    public sealed class AuditLog
    {
        public const string FileName = "GoCardlessHalo.audit.jsonl";
        private readonly object _gate = new object();

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
        public void Write(string action, string target, string? customerId, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("time", DateTimeOffset.UtcNow);
                json.WriteString("run", RunId);
                json.WriteString("action", action);
                json.WriteString("target", target);
                if (customerId is not null)
                {
                    json.WriteString("customerId", customerId);
                }

                WriteValues(json, "before", before);
                WriteValues(json, "after", after);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            lock (_gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                buffer.Position = 0;
                buffer.CopyTo(file);
            }
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
