// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>The outcome of importing one GoCardless customer.</summary>
    public sealed class ImportResult
    {
        public ImportResult(ImportPlan plan, ImportAction action, int? haloUserId, GcHaloException? error = null)
        {
            Plan = plan;
            Action = action;
            HaloUserId = haloUserId;
            Error = error;
        }

        public ImportPlan Plan { get; }

        public string CustomerId => Plan.Customer.Id;

        public ImportAction Action { get; }

        public int? HaloUserId { get; }

        public IReadOnlyList<FieldChange> Changes => Action is ImportAction.Skipped or ImportAction.Unchanged ? Array.Empty<FieldChange>() : Plan.Changes;

        /// <summary>Set when <see cref="Action"/> is Failed.</summary>
        public GcHaloException? Error { get; }
    }
}
