// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// What importing one customer will do: where the user goes, why, and which fields change. Built without
    /// touching Halo, so it is exactly what -WhatIf shows; <see cref="UserImporter"/> then carries it out.
    /// </summary>
    public sealed class ImportPlan
    {
        internal ImportPlan(Customer customer, ImportAction action, MatchedBy? matchedBy)
        {
            Customer = customer;
            Action = action;
            MatchedBy = matchedBy;
        }

        public Customer Customer { get; }

        public ImportAction Action { get; internal set; }

        public MatchedBy? MatchedBy { get; }

        /// <summary>The existing Halo user (Link or Email matches), null when one will be created.</summary>
        public HaloUser? ExistingUser { get; internal set; }

        public HaloClient? Client { get; internal set; }

        public HaloSite? Site { get; internal set; }

        public IReadOnlyList<FieldChange> Changes { get; internal set; } = Array.Empty<FieldChange>();

        /// <summary>Halo values left alone although GoCardless differs, each with the ownership rule that kept it.</summary>
        public IReadOnlyList<KeptValue> Kept { get; internal set; } = Array.Empty<KeptValue>();

        /// <summary>Why the customer was skipped, or a note about the placement.</summary>
        public string? Reason { get; internal set; }

        /// <summary>For a company that matched no Halo customer: the closest Halo customer names.</summary>
        public IReadOnlyList<string> NearestClients { get; internal set; } = Array.Empty<string>();

        /// <summary>The write to send to Halo; null when nothing is written.</summary>
        public HaloUserWrite? Write { get; internal set; }

        /// <summary>True when carrying out the plan writes to Halo.</summary>
        public bool WritesToHalo => Write is not null;

        /// <summary>One line for -WhatIf and -Verbose: action, destination, rule, and every field change.</summary>
        public string Describe()
        {
            var verb = Action switch
            {
                ImportAction.Created => "Create Halo user",
                ImportAction.Linked => $"Link Halo user {ExistingUser?.Id} and update",
                ImportAction.Updated => $"Update Halo user {ExistingUser?.Id}",
                _ => Action.ToString(),
            };
            var where = Site is null ? string.Empty : $" in {Client?.Name ?? Site.ClientName} / {Site.Name}";
            var changes = Changes.Count == 0 ? string.Empty : ": " + string.Join("; ", Changes.Select(c => c.ToString()));
            var kept = Kept.Count == 0 ? string.Empty : "; " + string.Join("; ", Kept.Select(k => k.ToString()));
            return $"{verb} '{Customer.DisplayName}'{where} (matched by {MatchedBy}){changes}{kept}";
        }
    }
}
