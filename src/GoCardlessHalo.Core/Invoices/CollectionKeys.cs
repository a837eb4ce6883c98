// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// The identifiers a collection carries. The Idempotency-Key is derived only from the Halo invoice id and the
    /// attempt, so every rerun of the same attempt sends the same key and GoCardless creates at most one payment for
    /// it (https://developer.gocardless.com/pro#idempotent_creation_conflict: a replay returns 409 idempotent_creation_conflict naming the payment created first).
    /// </summary>
    public static class CollectionKeys
    {
        /// <summary>Metadata key holding the Halo invoice id.</summary>
        public const string InvoiceIdKey = "halo_invoice_id";

        /// <summary>Metadata key holding the invoice number.</summary>
        public const string InvoiceNumberKey = "halo_invoice_number";

        /// <summary>"gch-invoice-1042-attempt-1".</summary>
        public static string IdempotencyKey(int invoiceId, int attempt) =>
            "gch-invoice-" + invoiceId.ToString(CultureInfo.InvariantCulture) + "-attempt-" + attempt.ToString(CultureInfo.InvariantCulture);

        /// <summary>Payment metadata tracing it back to Halo (GoCardless allows 3 keys, values ≤ 500 characters).</summary>
        public static IDictionary<string, string> Metadata(int invoiceId, string invoiceNumber) => new Dictionary<string, string>
        {
            [InvoiceIdKey] = invoiceId.ToString(CultureInfo.InvariantCulture),
            [InvoiceNumberKey] = Cut(invoiceNumber, 500),
        };

        /// <summary>"Halo invoice INV-1042 (id 1042)": what the dashboard and the payer's notifications show.</summary>
        public static string Description(int invoiceId, string invoiceNumber) =>
            Cut("Halo invoice " + invoiceNumber + " (id " + invoiceId.ToString(CultureInfo.InvariantCulture) + ")", 100);

        private static string Cut(string text, int length) => text.Length <= length ? text : text.Substring(0, length);
    }
}
