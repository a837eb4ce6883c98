// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.GoCardless
{
    /// <summary>One entry of a GoCardless error's <c>errors</c> array.</summary>
    public sealed class GoCardlessApiError
    {
        /// <summary>Machine-readable reason, e.g. <c>resource_not_found</c> (absent on validation errors).</summary>
        public string? Reason { get; init; }

        /// <summary>The request field at fault (validation errors).</summary>
        public string? Field { get; init; }

        /// <summary>Human-readable explanation.</summary>
        public string? Message { get; init; }

        /// <summary>JSON pointer into the request body, e.g. <c>/customers/metadata</c>.</summary>
        public string? RequestPointer { get; init; }

        /// <summary>Related ids, e.g. <c>conflicting_resource_id</c> of an idempotency conflict.</summary>
        public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

        /// <inheritdoc />
        public override string ToString() =>
            Field is null ? $"{Reason}: {Message}" : $"{Field} {Message}";
    }
}
