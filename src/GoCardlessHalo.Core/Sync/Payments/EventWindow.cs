// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.GoCardless;

namespace GoCardlessHalo.Core.Sync.Payments
{
    /// <summary>
    /// The events of one incremental run: payment events (include=payment) and mandate events created after
    /// <c>watermark − overlap</c>, read in full before anything is written. Events already applied by an earlier run
    /// (remembered in gch_event_seen) are skipped; the rest become one observation per payment carrying the
    /// payment's newest state, and a set of mandates to re-read.
    /// </summary>
    internal sealed class EventWindow
    {
        private readonly Dictionary<string, PaymentObservation> payments = new Dictionary<string, PaymentObservation>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> newEvents = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly HashSet<string> mandateIds = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>created_at of the newest event read (seen or not); null when there was none.</summary>
        public DateTimeOffset? Newest { get; private set; }

        public IReadOnlyCollection<PaymentObservation> Payments => payments.Values;

        /// <summary>Mandates with new events: their status may have moved.</summary>
        public IReadOnlyCollection<string> MandateIds => mandateIds;

        /// <summary>Events not applied before, to remember for the next run's overlap.</summary>
        public IReadOnlyDictionary<string, DateTimeOffset> NewEvents => newEvents;

        public static async Task<EventWindow> ReadAsync(PaymentSyncRun run, DateTimeOffset from, HashSet<string> seen, CancellationToken cancellationToken)
        {
            var window = new EventWindow();
            var watch = Stopwatch.StartNew();
            var paymentEvents = new EventFilter { ResourceType = "payments", CreatedAfter = from, PageSize = run.Options.PageSize };
            await foreach (var e in run.Client.ListEventsAsync(paymentEvents, cancellationToken).ConfigureAwait(false))
            {
                if (window.Take(e, seen, run.Statistics) && e.PaymentId is { } paymentId)
                {
                    if (!window.payments.TryGetValue(paymentId, out var observation))
                    {
                        observation = new PaymentObservation(paymentId, null);
                        window.payments[paymentId] = observation;
                    }

                    observation.Add(e);

                    // Later pages were read later: their linked payment is the newer state.
                    observation.Payment = e.Payment ?? observation.Payment;
                }
            }

            var mandateEvents = new EventFilter { ResourceType = "mandates", CreatedAfter = from, PageSize = run.Options.PageSize };
            await foreach (var e in run.Client.ListEventsAsync(mandateEvents, cancellationToken).ConfigureAwait(false))
            {
                if (window.Take(e, seen, run.Statistics) && e.MandateId is { } mandateId)
                {
                    window.mandateIds.Add(mandateId);
                }
            }

            foreach (var observation in window.payments.Values.Where(o => o.Payment is null))
            {
                observation.Payment = await run.Client.GetPaymentAsync(observation.PaymentId, cancellationToken).ConfigureAwait(false);
                run.Statistics.PaymentsFetched++;
            }

            run.Log.Verbose(
                $"Sync-GcPayment: {run.Statistics.EventsRead} event(s) since {IsoTime.Format(from)} ({run.Statistics.EventsAlreadySeen} already applied), "
                + $"{window.payments.Count} payment(s) and {window.mandateIds.Count} mandate(s) touched, in {watch.ElapsedMilliseconds} ms.");
            return window;
        }

        // Counts the event and keeps it unless an earlier run (or an earlier page of this one) applied it.
        private bool Take(Event e, HashSet<string> seen, PaymentSyncStatistics statistics)
        {
            statistics.EventsRead++;
            if (Newest is null || e.CreatedAt > Newest)
            {
                Newest = e.CreatedAt;
            }

            if (seen.Contains(e.Id) || newEvents.ContainsKey(e.Id))
            {
                statistics.EventsAlreadySeen++;
                return false;
            }

            newEvents[e.Id] = e.CreatedAt;
            return true;
        }
    }
}
