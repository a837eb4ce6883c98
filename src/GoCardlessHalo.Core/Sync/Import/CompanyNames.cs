// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>Turns company names into comparison keys, and measures how far apart two names are.</summary>
    public static class CompanyNames
    {
        // Legal forms dropped by MatchMode.Normalized, compared after punctuation is removed ("L.L.C." → "llc").
        private static readonly HashSet<string> LegalSuffixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated", "corp", "corporation", "co", "company",
            "plc", "gmbh", "ag", "kg", "ug", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "aps", "oy",
            "pty", "pte", "sl", "cic", "cio",
        };

        /// <summary>The key two names must share to match under <paramref name="mode"/>; empty when there is no name.</summary>
        public static string Key(string? name, MatchMode mode)
        {
            var folded = (name ?? string.Empty).Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            return mode == MatchMode.Exact ? folded : Normalize(folded);
        }

        /// <summary>Edit distance between two keys (Levenshtein), for suggesting the nearest Halo customer names.</summary>
        public static int Distance(string a, string b) => Distance(a, b, int.MaxValue);

        /// <summary>
        /// The edit distance when it is at most <paramref name="limit"/>, else some number above it. Names are compared
        /// against every Halo customer for each customer that lands in the Default Site, so pairs that cannot be within
        /// the limit stop early: when their lengths differ by more, or when a whole row of the table is above it.
        /// </summary>
        public static int Distance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return limit + 1;
            }

            if (a.Length == 0)
            {
                return b.Length;
            }

            var previous = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            var current = new int[b.Length + 1];
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var rowMinimum = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                    rowMinimum = Math.Min(rowMinimum, current[j]);
                }

                // A row's smallest value never shrinks in later rows: the distance is already above the limit.
                if (rowMinimum > limit)
                {
                    return limit + 1;
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        private static string Normalize(string folded)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            foreach (var c in folded)
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(c);
                }
                else if (c == '&')
                {
                    Flush(word, words);
                    words.Add("and");
                }
                else if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation || c == '/' || c == ',')
                {
                    Flush(word, words);
                }

                // Other punctuation (. ' ( ) etc.) is dropped inside words: "L.L.C." becomes "llc", "O'Brien" "obrien".
            }

            Flush(word, words);
            while (words.Count > 1 && LegalSuffixes.Contains(words[words.Count - 1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            return string.Join(" ", words);
        }

        private static void Flush(StringBuilder word, List<string> words)
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }
}
