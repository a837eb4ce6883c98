// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Completion
{
    /// <summary>Which names complete which parameter, and which of them match what was typed so far.</summary>
    public static class CompletionCandidates
    {
        /// <summary>The payment statuses GoCardless documents (<see cref="PaymentStatus"/>), in its lifecycle order.</summary>
        public static readonly IReadOnlyList<string> PaymentStatuses = new[]
        {
            PaymentStatus.PendingCustomerApproval, PaymentStatus.PendingSubmission, PaymentStatus.Submitted,
            PaymentStatus.Confirmed, PaymentStatus.PaidOut, PaymentStatus.Cancelled, PaymentStatus.CustomerApprovalDenied,
            PaymentStatus.Failed, PaymentStatus.ChargedBack,
        };

        /// <summary>-GoCardlessField: the metadata keys seen, then the payment.* and mandate.* summary sources.</summary>
        public static IEnumerable<string> GoCardlessFields(CompletionNames names) =>
            names.GoCardlessMetadataKeys.Concat(FieldMapping.SummarySources);

        /// <summary>
        /// The candidates that start with <paramref name="typed"/> (quotes around it ignored, case-insensitive), or that
        /// match it as a wildcard pattern when it holds * or ?. Each candidate once, in the order given.
        /// </summary>
        public static IReadOnlyList<string> Matching(IEnumerable<string> candidates, string? typed)
        {
            var word = (typed ?? string.Empty).Trim().Trim('\'', '"');
            Func<string, bool> matches = word.IndexOfAny(new[] { '*', '?' }) >= 0
                ? Wildcard(word)
                : candidate => candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase);
            return candidates.Where(matches).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static Func<string, bool> Wildcard(string pattern)
        {
            var regex = new System.Text.RegularExpressions.Regex(
                "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + (pattern.EndsWith("*", StringComparison.Ordinal) ? string.Empty : ".*") + "$",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            return regex.IsMatch;
        }
    }
}
