// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>The kinds of sync whose outcome is remembered.</summary>
    public enum SyncKind
    {
        /// <summary>Import-GcUser: customers to Halo users.</summary>
        Import,

        /// <summary>Sync-GcPayment: payment statuses.</summary>
        Payments,
    }

    /// <summary>When a kind of sync last ran, last succeeded, and its last error.</summary>
    public sealed class SyncRunState
    {
        /// <summary>When the last run took the lock, before it wrote anything.</summary>
        public DateTimeOffset? LastStart { get; set; }

        /// <summary>The machine the last run started on (null in state written before it was recorded): see <see cref="Sync.OtherMachineRuns"/>.</summary>
        public string? LastMachine { get; set; }

        public DateTimeOffset? LastAttempt { get; set; }

        public DateTimeOffset? LastSuccess { get; set; }

        public DateTimeOffset? LastErrorAt { get; set; }

        /// <summary>Why the last run failed (engine messages never contain secrets); null when the last run succeeded.</summary>
        public string? LastError { get; set; }

        /// <summary>GoCardless ids that more than one Halo user held when the last successful import read Halo.</summary>
        public List<string>? DuplicateLinks { get; set; }

        /// <summary>Mandates the last successful payment sync found newly failed, cancelled, expired, blocked or suspended.</summary>
        public List<string>? MandateFailures { get; set; }

        /// <summary>
        /// The start of a run that recorded neither success nor failure (killed, or still running), or null. A run
        /// that ends records its end with the time it ended, which is never before its start.
        /// </summary>
        [JsonIgnore]
        public DateTimeOffset? Unfinished => LastStart is { } start && !(LastAttempt >= start) ? start : (DateTimeOffset?)null;
    }

    /// <summary>
    /// Outcome of the last runs, kept in GoCardlessHalo.state.json beside the settings so that frequent
    /// sync runs never rewrite the user's settings file. (Payment watermarks live in the ledger database,
    /// where they advance in the same transaction as the data.)
    /// </summary>
    public sealed class SyncStateStore
    {
        public const string FileName = "GoCardlessHalo.state.json";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public SyncStateStore(ConfigLocation location)
        {
            Path = location.Beside(FileName);
        }

        public string Path { get; }

        /// <summary>The remembered state; an unreadable file reads as empty (it is informational only).</summary>
        public IDictionary<SyncKind, SyncRunState> Load()
        {
            var result = new Dictionary<SyncKind, SyncRunState>();
            if (File.Exists(Path))
            {
                try
                {
                    var stored = JsonSerializer.Deserialize<Dictionary<string, SyncRunState>>(File.ReadAllText(Path), Json);
                    foreach (var pair in stored ?? new Dictionary<string, SyncRunState>())
                    {
                        if (Enum.TryParse(pair.Key, true, out SyncKind kind))
                        {
                            result[kind] = pair.Value;
                        }
                    }
                }
                catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Informational only; the next Record* call rewrites it.
                }
            }

            foreach (SyncKind kind in Enum.GetValues(typeof(SyncKind)))
            {
                if (!result.ContainsKey(kind))
                {
                    result[kind] = new SyncRunState();
                }
            }

            return result;
        }

        /// <summary>A run succeeded: the error of an earlier failed run no longer describes the state, so it is cleared.</summary>
        public void RecordSuccess(SyncKind kind, DateTimeOffset when, IReadOnlyList<string>? duplicateLinks = null, IReadOnlyList<string>? mandateFailures = null) => Update(kind, state =>
        {
            state.DuplicateLinks = duplicateLinks is { Count: > 0 } ? new List<string>(duplicateLinks) : null;
            state.MandateFailures = mandateFailures is { Count: > 0 } ? new List<string>(mandateFailures) : null;
            state.LastAttempt = when;
            state.LastSuccess = when;
            state.LastError = null;
            state.LastErrorAt = null;
        });

        /// <summary>A run took the lock and is about to write: recorded first, so a killed run is known; with the machine it runs on.</summary>
        public void RecordStart(SyncKind kind, DateTimeOffset when, string machine) => Update(kind, state =>
        {
            state.LastStart = when;
            state.LastMachine = machine;
        });

        /// <summary>A run that wrote nothing (-WhatIf): its start (and machine) are replaced by those recorded before it.</summary>
        public void RecordStartWithdrawn(SyncKind kind, DateTimeOffset? previousStart, string? previousMachine) => Update(kind, state =>
        {
            state.LastStart = previousStart;
            state.LastMachine = previousMachine;
        });

        public void RecordFailure(SyncKind kind, DateTimeOffset when, string message) => Update(kind, state =>
        {
            state.LastAttempt = when;
            state.LastErrorAt = when;
            state.LastError = message;
        });

        private void Update(SyncKind kind, Action<SyncRunState> change)
        {
            var all = Load();
            change(all[kind]);
            var stored = new Dictionary<string, SyncRunState>();
            foreach (var pair in all)
            {
                stored[JsonNamingPolicy.CamelCase.ConvertName(pair.Key.ToString())] = pair.Value;
            }

            AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, stored, Json));
        }
    }
}
