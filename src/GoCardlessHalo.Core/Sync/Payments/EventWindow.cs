// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Diagnostics;
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
        private readonly Dictionary<string, ObservedPayment> payments = new Dictionary<string, ObservedPayment>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> newEvents = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly HashSet<string> mandateIds = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>created_at of the newest event read (seen or not); null when there was none.</summary>
        public DateTimeOffset? Newest { get; private set; }

        public IReadOnlyCollection<ObservedPayment> Payments => payments.Values;

        /// <summary>Mandates with new events: their status may have moved.</summary>
        public IReadOnlyCollection<string> MandateIds => mandateIds;

        /// <summary>Events not applied before, to remember for the next run's overlap.</summary>
        public IReadOnlyDictionary<string, DateTimeOffset> NewEvents => newEvents;

        public static async Task<EventWindow> ReadAsync(
            GoCardlessClient client,
            PaymentSyncOptions options,
            PaymentSyncStatistics statistics,
            IEngineLog log,
            DateTimeOffset from,
            HashSet<string> seen,
            CancellationToken cancellationToken)
        {
            var window = new EventWindow();
            var watch = Stopwatch.StartNew();
            var paymentEvents = new EventFilter { ResourceType = "payments", CreatedAfter = from, PageSize = options.PageSize };
            await foreach (var e in client.ListEventsAsync(paymentEvents, cancellationToken).ConfigureAwait(false))
            {
                if (window.Take(e, seen, statistics) && e.PaymentId is { } paymentId)
                {
                    if (!window.payments.TryGetValue(paymentId, out var observation))
                    {
                        observation = new ObservedPayment(paymentId, null);
                        window.payments[paymentId] = observation;
                    }

                    observation.Add(e);

                    // Later pages were read later: their linked payment is the newer state.
                    observation.Payment = e.Payment ?? observation.Payment;
                }
            }

            var mandateEvents = new EventFilter { ResourceType = "mandates", CreatedAfter = from, PageSize = options.PageSize };
            await foreach (var e in client.ListEventsAsync(mandateEvents, cancellationToken).ConfigureAwait(false))
            {
                if (window.Take(e, seen, statistics) && e.MandateId is { } mandateId)
                {
                    window.mandateIds.Add(mandateId);
                }
            }

            foreach (var observation in window.payments.Values.Where(o => o.Payment is null))
            {
                observation.Payment = await client.GetPaymentAsync(observation.PaymentId, cancellationToken).ConfigureAwait(false);
                statistics.PaymentsFetched++;
            }

            log.Verbose(
                $"Sync-GcPayment: {statistics.EventsRead} event(s) since {IsoTime.Format(from)} ({statistics.EventsAlreadySeen} already applied), "
                + $"{window.payments.Count} payment(s) and {window.mandateIds.Count} mandate(s) touched, in {watch.ElapsedMilliseconds} ms.");
            return window;
        }

        /// <summary>created_at of the newest payment event: a first run's watermark, taken before its backfill reads.</summary>
        public static async Task<DateTimeOffset> NewestPaymentEventAsync(GoCardlessClient client, CancellationToken cancellationToken)
        {
            var newest = new EventFilter { ResourceType = "payments", PageSize = 1, Include = string.Empty };
            await foreach (var e in client.ListEventsAsync(newest, cancellationToken).ConfigureAwait(false))
            {
                return e.CreatedAt;
            }

            // No payment event yet means no payment yet: the next run reads every event from the beginning.
            return DateTimeOffset.FromUnixTimeSeconds(0);
        }

        // The events of the overlap window before the first watermark (any resource type, usually one request). The
        // backfill, read after them, already holds their outcome; remembering them as seen spares the second run
        // from re-applying them, so it writes nothing when nothing happened.
        public static async Task<Dictionary<string, DateTimeOffset>> EventsBeforeAsync(GoCardlessClient client, DateTimeOffset watermark, PaymentSyncOptions options, CancellationToken cancellationToken)
        {
            var events = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            if (watermark == DateTimeOffset.FromUnixTimeSeconds(0) || options.OverlapWindow == TimeSpan.Zero)
            {
                return events;
            }

            var window = new EventFilter { CreatedAfter = watermark - options.OverlapWindow, CreatedOnOrBefore = watermark, PageSize = options.PageSize };
            await foreach (var e in client.ListEventsAsync(window, cancellationToken).ConfigureAwait(false))
            {
                events[e.Id] = e.CreatedAt;
            }

            return events;
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
