// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Bench.Infrastructure;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Sync.Payments;
using GoCardlessHalo.Core.Ledger;

namespace GoCardlessHalo.Bench.Scenarios;

/// <summary>What one payment sync reported, and the ledger's row counts afterwards.</summary>
public sealed record PaymentOutcome(long Changes, PaymentSyncStatistics Statistics, LedgerCounts Ledger);

/// <summary>
/// Sync-GcPayment without PowerShell: the same engine calls as SyncGcPaymentCommand — the ledger the settings
/// choose (the SQL target's database, or the module-owned file beside the settings for the API), the link field
/// and the settings' field mappings resolved against Halo, the default overlap window — with every change enumerated.
/// </summary>
public static class PaymentRun
{
    public static async Task<PaymentOutcome> RunAsync(BenchConnections connections, HaloSession session, GoCardlessClient goCardless, CancellationToken cancellationToken)
    {
        using var ledger = connections.OpenLedger(session);
        var options = await PaymentSyncOptions.FromSettingsAsync(session.Target, connections.Settings, cancellationToken);
        var synchronizer = new PaymentSynchronizer(goCardless, session.Target, ledger, options, connections.Log, connections.NewAuditLog());
        long changes = 0;
        await foreach (var _ in synchronizer.SyncAsync(cancellationToken))
        {
            changes++;
        }

        return new PaymentOutcome(changes, synchronizer.LastRun!, await ledger.CountAsync(cancellationToken));
    }

    /// <summary>
    /// About <paramref name="count"/> stored payments that can move on, split between submitted → confirmed,
    /// confirmed → paid_out and paid_out → charged_back (newest first from the ledger).
    /// </summary>
    public static async Task<List<(string PaymentId, string To)>> ChooseTransitionsAsync(BenchConnections connections, int count, CancellationToken cancellationToken)
    {
        (string From, string To)[] moves = { (PaymentStatus.Submitted, PaymentStatus.Confirmed), (PaymentStatus.Confirmed, PaymentStatus.PaidOut), (PaymentStatus.PaidOut, PaymentStatus.ChargedBack) };
        var chosen = new List<(string, string)>();
        using var session = connections.CreateHaloSession();
        await session.Target.OpenAsync(cancellationToken);
        using var ledger = connections.OpenLedger(session);
        for (var i = 0; i < moves.Length; i++)
        {
            var wanted = (count - chosen.Count) / (moves.Length - i);
            var query = new PaymentQuery { Statuses = new[] { moves[i].From } };
            await foreach (var payment in ledger.QueryAsync(query, null, cancellationToken))
            {
                if (wanted-- <= 0)
                {
                    break;
                }

                chosen.Add((payment.PaymentId, moves[i].To));
            }
        }

        return chosen;
    }
}
