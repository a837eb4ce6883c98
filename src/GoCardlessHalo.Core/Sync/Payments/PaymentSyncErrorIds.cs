// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The stable ErrorIds the payment sync and the payment ledger raise themselves. Failures of GoCardless, Halo
    /// or the database keep their own ids (GoCardlessErrorIds, HaloApiErrorIds, HaloSqlErrors) and stop the run
    /// with the watermark where it was.
    /// </summary>
    public static class PaymentSyncErrorIds
    {
        /// <summary>The database lacks the ledger tables (or a newer migration of them): run Enable-GcModule.</summary>
        public const string LedgerNotMigrated = "PaymentLedgerNotMigrated";

        /// <summary>A sync or query option is out of range (overlap window, page size, batch size, link field).</summary>
        public const string OptionsInvalid = "PaymentSyncOptionsInvalid";

        /// <summary>A live query (straight from GoCardless) was asked for without a GoCardless customer id.</summary>
        public const string LiveQueryNeedsCustomer = "PaymentLiveQueryNeedsCustomer";
    }
}
