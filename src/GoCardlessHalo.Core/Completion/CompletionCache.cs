// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Completion
{
    /// <summary>
    /// GoCardlessHalo.completion.json beside the settings: the names the argument completers offer. Completers read
    /// it and never touch the network (a prompt must not wait on Halo); runs that read the names anyway
    /// (Import-GcUser, Update-GcCompletionCache) write it. Reading never fails: a missing, unreadable or damaged file
    /// is an empty cache. The file holds customer ids and company names, so it is owner-only (OwnerOnlyFiles).
    /// </summary>
    public sealed class CompletionCache
    {
        public const string FileName = "GoCardlessHalo.completion.json";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true };

        public CompletionCache(ConfigLocation location)
        {
            Path = location.Beside(FileName);
        }

        public string Path { get; }

        /// <summary>The cached names; empty lists when there is no usable cache.</summary>
        public CompletionNames Read()
        {
            try
            {
                return File.Exists(Path) ? JsonSerializer.Deserialize<CompletionNames>(File.ReadAllText(Path), Json) ?? new CompletionNames() : new CompletionNames();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException)
            {
                return new CompletionNames();
            }
        }

        /// <summary>
        /// Replaces the kinds of names <paramref name="update"/> carries (non-null lists) and keeps the others, then
        /// writes the file owner-only through <see cref="AtomicFile"/> (a reader never sees half a file).
        /// </summary>
        public CompletionNames Update(CompletionUpdate update, DateTimeOffset now)
        {
            var names = Read();
            names.HaloClients = Normalise(update.HaloClients) ?? names.HaloClients;
            names.HaloSites = Normalise(update.HaloSites) ?? names.HaloSites;
            names.HaloSiteNames = Normalise(update.HaloSiteNames) ?? names.HaloSiteNames;
            names.HaloUserTextFields = Normalise(update.HaloUserTextFields) ?? names.HaloUserTextFields;
            names.GoCardlessMetadataKeys = Normalise(update.GoCardlessMetadataKeys) ?? names.GoCardlessMetadataKeys;
            names.GoCardlessCustomerIds = Normalise(update.GoCardlessCustomerIds) ?? names.GoCardlessCustomerIds;
            names.UpdatedAt = now;

            AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, names, Json));
            return names;
        }

        private static List<string>? Normalise(IEnumerable<string?>? names) =>
            names?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>What one run read; null lists are kinds it did not read.</summary>
    public sealed class CompletionUpdate
    {
        public IEnumerable<string?>? HaloClients { get; set; }

        public IEnumerable<string?>? HaloSites { get; set; }

        public IEnumerable<string?>? HaloSiteNames { get; set; }

        public IEnumerable<string?>? HaloUserTextFields { get; set; }

        public IEnumerable<string?>? GoCardlessMetadataKeys { get; set; }

        public IEnumerable<string?>? GoCardlessCustomerIds { get; set; }
    }
}
