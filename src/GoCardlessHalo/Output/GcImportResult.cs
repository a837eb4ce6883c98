// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;

namespace GoCardlessHalo
{
    /// <summary>What Import-GcUser did with one GoCardless customer.</summary>
    public sealed class GcImportResult
    {
        public string CustomerId { get; set; } = string.Empty;

        public string CustomerName { get; set; } = string.Empty;

        /// <summary>Created, Updated, Unchanged, Linked, Skipped or Failed.</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>Link, Email, Override, CompanyName or DefaultSite: the rule that placed the customer.</summary>
        public string? MatchedBy { get; set; }

        public int? HaloUserId { get; set; }

        /// <summary>The Halo customer the user is in.</summary>
        public string? Client { get; set; }

        public string? Site { get; set; }

        /// <summary>Every field set or changed, old value to new.</summary>
        public GcFieldChange[] Changes { get; set; } = Array.Empty<GcFieldChange>();

        /// <summary>Why the customer was skipped or failed, or where an unmatched company went.</summary>
        public string? Reason { get; set; }

        /// <summary>For a company that matched no Halo customer: the closest Halo customer names.</summary>
        public string[] NearestClients { get; set; } = Array.Empty<string>();

        /// <summary>Halo values left alone although GoCardless differs, with the ownership rule that kept each (Set-GcFieldOwnership).</summary>
        public GcKeptValue[] Kept { get; set; } = Array.Empty<GcKeptValue>();
    }

    /// <summary>A Halo value an import kept, and why.</summary>
    public sealed class GcKeptValue
    {
        public GcKeptValue(string field, string? haloValue, string goCardlessValue, string rule)
        {
            Field = field;
            HaloValue = haloValue;
            GoCardlessValue = goCardlessValue;
            Rule = rule;
        }

        public string Field { get; }

        /// <summary>The value Halo keeps.</summary>
        public string? HaloValue { get; }

        /// <summary>The value GoCardless has, not written.</summary>
        public string GoCardlessValue { get; }

        /// <summary>FillWhenEmpty or CreateOnly.</summary>
        public string Rule { get; }

        public override string ToString() => $"{Field} kept '{HaloValue}' by {Rule}";
    }

    /// <summary>One field an import set or changed.</summary>
    public sealed class GcFieldChange
    {
        public GcFieldChange(string field, string? oldValue, string? newValue)
        {
            Field = field;
            OldValue = oldValue;
            NewValue = newValue;
        }

        public string Field { get; }

        public string? OldValue { get; }

        public string? NewValue { get; }

        public override string ToString() => $"{Field}: '{OldValue}' -> '{NewValue}'";
    }

    /// <summary>How company names are compared with Halo customer names.</summary>
    public enum GcMatchMode
    {
        /// <summary>Equal after trimming and ignoring case.</summary>
        Exact = 0,

        /// <summary>Also ignores punctuation, repeated spaces and legal suffixes such as Ltd, LLC, GmbH.</summary>
        Normalized = 1,

        /// <summary>Company names are not matched: new users go to the Default Site unless an override places them (Halo's integration with company-name matching off).</summary>
        Off = 2,
    }
}
