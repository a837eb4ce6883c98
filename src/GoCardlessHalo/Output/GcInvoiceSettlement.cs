// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo
{
    /// <summary>What Sync-GcPayment did to a Halo invoice whose collection moved on (paid out, failed, charged back).</summary>
    public sealed class GcInvoiceSettlement
    {
        public int InvoiceId { get; set; }

        public string InvoiceNumber { get; set; } = string.Empty;

        /// <summary>The GoCardless payment that collects it (the reference of the payment recorded in Halo).</summary>
        public string PaymentId { get; set; } = string.Empty;

        /// <summary>The payment's status now (paid_out, confirmed, failed, cancelled, charged_back, …).</summary>
        public string PaymentStatus { get; set; } = string.Empty;

        /// <summary>MarkedPaid, AlreadyMarkedPaid, Unpaid (the invoice is unpaid in Halo; New-GcPayment -Retry charges it again), Failed, or VoidedInHalo (collected, but Halo refuses to record it against the void invoice: refund the customer).</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>Major units.</summary>
        public decimal Amount { get; set; }

        public string Currency { get; set; } = string.Empty;

        public string? CustomerId { get; set; }

        public string Reason { get; set; } = string.Empty;

        /// <summary>The Halo ticket raised for a failed collection (settings: collection.failureTicketTypeId); null when none was.</summary>
        public int? HaloTicketId { get; set; }
    }
}
