// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>
    /// One field mapping as shown by Get-GcFieldMapping. Its property names match Set-GcFieldMapping's and
    /// Remove-GcFieldMapping's parameters, so mappings pipe from one to the other (and between configurations).
    /// </summary>
    public sealed class GcFieldMapping
    {
        public GcFieldMapping(string goCardlessField, string haloField, string source)
        {
            GoCardlessField = goCardlessField;
            HaloField = haloField;
            Source = source;
        }

        /// <summary>The customer metadata key, or a payment summary source such as payment.last_status.</summary>
        public string GoCardlessField { get; }

        /// <summary>The Halo custom field (Text, User entity) that receives the value.</summary>
        public string HaloField { get; }

        /// <summary>Metadata or PaymentSummary.</summary>
        public string Source { get; }
    }
}
