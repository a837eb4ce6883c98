// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using GoCardlessHalo.Core.Completion;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Completion
{
    /// <summary>
    /// Base of the module's argument completers: thin by design. They read the names the last run cached
    /// (<see cref="CompletionCache"/>, beside the settings the command line's -ConfigPath names, else the default
    /// ones) and never touch the network, so the prompt never waits on Halo or GoCardless. Update-GcCompletionCache
    /// refreshes the cache; Import-GcUser refreshes it as it reads the same names.
    /// </summary>
    public abstract class CachedNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> candidates;
            try
            {
                candidates = Candidates(new CompletionCache(Location(fakeBoundParameters)).Read());
            }
            catch (Exception ex) when (ex is ArgumentException || ex is IOException || ex is NotSupportedException || ex is UnauthorizedAccessException)
            {
                // A -ConfigPath still being typed: nothing to offer, and a completer must never throw at the prompt.
                return Array.Empty<CompletionResult>();
            }

            return CompletionCandidates.Matching(candidates, wordToComplete)
                .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name));
        }

        /// <summary>The names this parameter takes, from the cache.</summary>
        protected abstract IEnumerable<string> Candidates(CompletionNames cached);

        private static ConfigLocation Location(IDictionary bound)
        {
            var configPath = bound.Contains("ConfigPath") ? bound["ConfigPath"]?.ToString() : null;
            return ConfigLocation.Resolve(string.IsNullOrWhiteSpace(configPath) ? null : Path.GetFullPath(configPath), CurrentPlatform.Instance);
        }

        /// <summary>Single quotes when the name would not parse as one bare word (spaces, quotes, $, etc.).</summary>
        internal static string Quote(string name) =>
            name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/')
                ? name
                : "'" + name.Replace("'", "''") + "'";
    }
}
