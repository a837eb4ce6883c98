// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// Maps a GoCardless value to a Halo custom field (type Text, entity User). The GoCardless side is a
    /// customer metadata key (a dashboard "custom field") or one of the payment summary sources.
    /// </summary>
    public sealed class FieldMapping
    {
        /// <summary>GoCardless allows metadata keys of up to 50 characters.</summary>
        public const int MaxMetadataKeyLength = 50;

        /// <summary>Halo custom field names: letters, digits and underscores, up to 64 characters.</summary>
        public const int MaxHaloFieldLength = 64;

        /// <summary>Summary values computed from payments and mandates rather than read from metadata.</summary>
        public static readonly IReadOnlyList<string> SummarySources = new[]
        {
            "payment.last_status",
            "payment.last_charge_date",
            "payment.last_amount",
            "mandate.status",
        };

        public FieldMapping(string goCardlessField, string haloField)
        {
            GoCardlessField = goCardlessField;
            HaloField = haloField;
        }

        public string GoCardlessField { get; }

        public string HaloField { get; }

        /// <summary>Where the value comes from.</summary>
        public FieldMappingSource Source => SummarySources.Contains(GoCardlessField, StringComparer.Ordinal)
            ? FieldMappingSource.PaymentSummary
            : FieldMappingSource.Metadata;

        /// <summary>Checks both names locally (Halo-side existence and type are checked against Halo).</summary>
        /// <exception cref="GcHaloException">ErrorId FieldMappingInvalid.</exception>
        public static FieldMapping Create(string goCardlessField, string haloField)
        {
            var gc = (goCardlessField ?? string.Empty).Trim();
            var halo = (haloField ?? string.Empty).Trim();
            if (gc.Length == 0 || gc.Length > MaxMetadataKeyLength)
            {
                throw Invalid(goCardlessField, $"The GoCardless field '{gc}' must be a metadata key of 1 to {MaxMetadataKeyLength} characters (GoCardless's limit) or one of: {string.Join(", ", SummarySources)}.");
            }

            if (halo.Length == 0 || halo.Length > MaxHaloFieldLength + 2 || !halo.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                throw Invalid(haloField, $"The Halo field '{halo}' is not a Halo custom field name: use the field's Name (letters, digits and underscores, up to {MaxHaloFieldLength} characters), as shown under Configuration > Custom Objects > Custom Fields.");
            }

            return new FieldMapping(gc, halo);
        }

        private static GcHaloException Invalid(object? target, string message) =>
            new GcHaloException(ErrorIds.FieldMappingInvalid, ErrorKind.InvalidArgument, message, target);
    }

    public enum FieldMappingSource
    {
        /// <summary>A customer metadata key (GoCardless dashboard "custom field").</summary>
        Metadata,

        /// <summary>A value computed from the customer's payments or mandate.</summary>
        PaymentSummary,
    }
}
