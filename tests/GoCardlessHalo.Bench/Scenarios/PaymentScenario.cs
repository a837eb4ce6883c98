// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Bench.Reporting;
using static GoCardlessHalo.Bench.BenchContext;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>
/// (c) The first payment sync after the import (every payment of the linked customers); (d) an incremental sync
/// after payments moved on in GoCardless; (e) a rerun with nothing new.
/// </summary>
public static class PaymentScenario
{
    public static async Task RunAsync(BenchContext context, BenchConnections connections, string target, GoCardlessTotals totals)
    {
        var cancel = context.Cancellation;
        var (first, run) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => PaymentRun.RunAsync(connections, halo, gc, cancel), cancel);
        var full = context.Report.Section($"{target} · (c) first payment sync ({totals.Payments:N0} payments, {totals.Mandates:N0} mandates)");
        RunReport.GoCardless(full, run, Pages(totals.Mandates, 500) + Pages(totals.Payments, 500) + 2, $"⌈{totals.Mandates}/500⌉ + ⌈{totals.Payments}/500⌉ + 2");
        HaloSummaryWrites(full, run);
        full.Count("payment changes emitted", first.Changes, "changes");
        full.Count("ledger rows written", first.Statistics.LedgerRowsWritten, "rows");
        full.Text("ledger afterwards", $"{first.Ledger.Payments:N0} payments, {first.Ledger.Mandates:N0} mandates, {first.Ledger.Customers:N0} customers, {first.Ledger.SeenEvents:N0} seen events");
        RunReport.Times(full, run);
        full.Note("Engine statistics: " + first.Statistics);
        Print(full);
        ImportScenario.Remember(context, "(c) first payment sync", run);

        var moves = await PaymentRun.ChooseTransitionsAsync(connections, context.Options.Transitions, cancel);
        foreach (var (paymentId, to) in moves)
        {
            await context.Emulator.TransitionPaymentAsync(paymentId, to);
        }

        var (increment, incrementRun) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => PaymentRun.RunAsync(connections, halo, gc, cancel), cancel);
        var incremental = context.Report.Section($"{target} · (d) incremental payment sync after {moves.Count} transitions");
        incremental.Count("payments moved on in GoCardless", moves.Count, "payments");
        EventRequests(incremental, incrementRun, increment);
        HaloSummaryWrites(incremental, incrementRun);
        incremental.Exactly("changes found", increment.Changes, moves.Count, "each moved payment once", "changes");
        if (incrementRun.IsApi)
        {
            // Issue 12's target: requests follow the users whose summary changes, not the linked users. The writes'
            // requests: each written user read (by id, or all linked users in pages of 100 when fewer) and one POST per 50.
            var written = incrementRun.UsersWritten;
            var writeRequests = Math.Min(written, Pages(increment.Statistics.LinkedUsers, 100)) + Pages(written, 50);
            incremental.AtMost("Halo requests in all, against the writes", incrementRun.HaloRequests, 10 + writeRequests, $"10 + {writeRequests} for {written} users written: min({written}, ⌈{increment.Statistics.LinkedUsers} linked/100⌉) reads + ⌈{written}/50⌉ POSTs");
        }

        RunReport.Times(incremental, incrementRun);
        incremental.Note("Moves: submitted → confirmed, confirmed → paid_out, paid_out → charged_back, about a third each. Engine statistics: " + increment.Statistics);
        Print(incremental);
        ImportScenario.Remember(context, "(d) incremental payment sync", incrementRun);

        var (nothing, rerun) = await RunMeasurement.MeasureAsync(context.Emulator, connections, (halo, gc) => PaymentRun.RunAsync(connections, halo, gc, cancel), cancel);
        var again = context.Report.Section($"{target} · (e) payment sync rerun, nothing new");
        EventRequests(again, rerun, nothing);
        RunReport.Halo(again, rerun, (s, name, writes) => s.Exactly(name, writes, 0, "no summary changed"));
        again.Exactly("changes found", nothing.Changes, 0, "nothing moved", "changes");
        if (rerun.IsApi)
        {
            again.AtMost("Halo requests in all, nothing new", rerun.HaloRequests, 5, "issue 12's target");
        }

        again.Exactly("ledger rows written", nothing.Statistics.LedgerRowsWritten, 0, "nothing moved", "rows");
        RunReport.Times(again, rerun);
        Print(again);
        ImportScenario.Remember(context, "(e) payment rerun", rerun);
    }

    // An incremental run lists payment events and mandate events (each at least one page), then reads singly any
    // mandate with a new event and any payment an event arrived without: 2 requests when nothing else happened.
    private static void EventRequests(Section section, RunFigures run, PaymentOutcome outcome)
    {
        var s = outcome.Statistics;
        var bound = Pages(s.EventsRead, 500) + 1 + s.MandatesFetched + s.PaymentsFetched;
        RunReport.GoCardless(section, run, bound, $"⌈{s.EventsRead} events/500⌉ + 1 + {s.MandatesFetched} mandates and {s.PaymentsFetched} payments read singly");
    }

    // Payment summaries (the mapped payment.last_status and mandate.status) go to Halo in batches of 50 users.
    private static void HaloSummaryWrites(Section section, RunFigures run) =>
        RunReport.Halo(section, run, (s, name, writes) =>
            s.AtMost(name, writes, Pages(run.UsersWritten, 50), $"⌈{run.UsersWritten} users with a new summary / 50⌉"));
}

/// <summary>The size of the generated GoCardless account, from the emulator's summary.</summary>
public sealed record GoCardlessTotals(int Customers, int Mandates, int Payments);
