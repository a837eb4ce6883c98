// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Globalization;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>Which kind of run a payment sync was.</summary>
    public enum PaymentSyncMode
    {
        /// <summary>No watermark yet: every payment of the linked customers was read from the payment list.</summary>
        FirstRun,

        /// <summary>Events since the watermark (minus the overlap window), plus backfills of newly linked customers.</summary>
        Incremental,
    }

    /// <summary>What one payment sync read and wrote; for the verbose log, the scheduled-run summary and benchmarks.</summary>
    public sealed class PaymentSyncStatistics
    {
        /// <summary>FirstRun or Incremental.</summary>
        public PaymentSyncMode Mode { get; internal set; }

        /// <summary>The watermark the run started from (null on a first run).</summary>
        public DateTimeOffset? WatermarkBefore { get; internal set; }

        /// <summary>The watermark the run stored (equal to <see cref="WatermarkBefore"/> when no newer event came).</summary>
        public DateTimeOffset? WatermarkAfter { get; internal set; }

        /// <summary>Halo users linked to a GoCardless customer.</summary>
        public int LinkedUsers { get; internal set; }

        /// <summary>Distinct GoCardless customers those users link to.</summary>
        public int LinkedCustomers { get; internal set; }

        /// <summary>Customers whose history was backfilled by this run.</summary>
        public int CustomersBackfilled { get; internal set; }

        /// <summary>Mandates read from the mandate list.</summary>
        public long MandatesListed { get; internal set; }

        /// <summary>Payments read from payment lists (backfills).</summary>
        public long PaymentsListed { get; internal set; }

        /// <summary>Events read (payments and mandates), including those already seen.</summary>
        public long EventsRead { get; internal set; }

        /// <summary>Events skipped because an earlier run already applied them (the overlap window).</summary>
        public long EventsAlreadySeen { get; internal set; }

        /// <summary>Payments read one by one (an event without its payment included, or a reconciliation).</summary>
        public int PaymentsFetched { get; internal set; }

        /// <summary>Non-final ledger payments read again by id this run (0 when reconciliation was not due).</summary>
        public int PaymentsReconciled { get; internal set; }

        /// <summary>Mandates read one by one (new mandates, mandate events).</summary>
        public int MandatesFetched { get; internal set; }

        /// <summary>Ledger rows inserted, updated or deleted.</summary>
        public long LedgerRowsWritten { get; internal set; }

        /// <summary>Payment changes emitted.</summary>
        public long Changes { get; internal set; }

        /// <summary>Halo users whose payment summary fields were written.</summary>
        public int HaloUsersWritten { get; internal set; }

        /// <summary>Wall time of the run.</summary>
        public TimeSpan Elapsed { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1} change(s), {2} ledger row(s) written, {3} Halo user(s) updated; read {4} mandates, {5} payments, {6} events ({7} already seen); watermark {8} -> {9}; {10:F1} s",
            Mode,
            Changes,
            LedgerRowsWritten,
            HaloUsersWritten,
            MandatesListed,
            PaymentsListed,
            EventsRead,
            EventsAlreadySeen,
            IsoTime.Format(WatermarkBefore),
            IsoTime.Format(WatermarkAfter),
            Elapsed.TotalSeconds);
    }
}
