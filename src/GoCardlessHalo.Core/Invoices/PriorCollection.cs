// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>The latest collection attempt the ledger holds for an invoice.</summary>
    public sealed class PriorCollection
    {
        /// <summary>The Halo invoice.</summary>
        public int InvoiceId { get; set; }

        /// <summary>1 for the first attempt, +1 for each explicit retry.</summary>
        public int Attempt { get; set; }

        /// <summary>The payment created (PM…), or null while the create's answer is not yet recorded.</summary>
        public string? PaymentId { get; set; }

        /// <summary>Amount charged, minor units.</summary>
        public long Amount { get; set; }

        /// <summary>The invoice's total when it was charged, minor units: a different total now means it was edited.</summary>
        public long InvoiceTotal { get; set; }

        /// <summary>ISO 4217.</summary>
        public string Currency { get; set; } = string.Empty;

        /// <summary>The payment's last known status (GoCardless's names).</summary>
        public string? PaymentStatus { get; set; }

        /// <summary>True when the payment did not collect: failed, cancelled, charged back, customer approval denied.</summary>
        public bool DidNotCollect => IsNotCollected(PaymentStatus);

        /// <summary>The payment's last failure said GoCardless will retry it itself (Success+, details.will_attempt_retry).</summary>
        public bool WillAttemptRetry { get; set; }

        /// <summary>
        /// The payment did not collect and GoCardless will retry it: charging the invoice again now could charge it twice, so
        /// not even -Retry does (https://developer.gocardless.com/introduction/success-plus/: only a failure without
        /// will_attempt_retry is "safe for you to retry").
        /// </summary>
        public bool GoCardlessRetrying => PaymentStatus == "failed" && WillAttemptRetry;

        /// <summary>The one rule for which payment statuses mean the money was not collected.</summary>
        public static bool IsNotCollected(string? status) => status is "failed" or "cancelled" or "charged_back" or "customer_approval_denied";
    }
}
