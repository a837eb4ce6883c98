// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Import;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>What one matrix run left behind.</summary>
public sealed record MatrixOutcome(
    HaloSnapshot Halo,
    IReadOnlyCollection<string> LostPayments,
    IReadOnlyDictionary<ImportAction, int> FirstImport,
    IReadOnlyDictionary<ImportAction, int> Rerun,
    IReadOnlyList<string> Errors)
{
    public string Describe() =>
        $"first import {Counts(FirstImport)}; rerun {Counts(Rerun)}; {Halo.Users.Count} Halo users, {Halo.Duplicates.Count} duplicated link values, {LostPayments.Count} payments missing from the ledger";

    private static string Counts(IReadOnlyDictionary<ImportAction, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}

/// <summary>
/// The matrix's run: Import-GcUser, Sync-GcPayment, then both again (a rerun must change nothing and create no one),
/// against one emulator started with a variant's switches.
/// </summary>
public static class MatrixRun
{
    /// <summary>Imports and payment syncs per run.</summary>
    public const int EngineRunsPerVariant = 4;

    public static async Task<MatrixOutcome> RunAsync(string variant)
    {
        await using var world = await VariantWorld.StartAsync(HaloVariantSets.Arguments(variant));
        var first = await world.ImportAsync();
        await world.SyncPaymentsAsync();
        var rerun = await world.ImportAsync();
        await world.SyncPaymentsAsync();
        return await OutcomeAsync(world, first, rerun);
    }

    public static async Task<MatrixOutcome> OutcomeAsync(VariantWorld world, IReadOnlyList<ImportResult> first, IReadOnlyList<ImportResult> rerun)
    {
        var halo = world.Snapshot();
        var lost = (await world.ExpectedPaymentsAsync(halo)).Except(await world.LedgerPaymentsAsync()).ToList();
        var errors = first.Concat(rerun).Where(r => r.Error is not null).Select(r => $"{r.CustomerId}: {r.Error!.ErrorId} {r.Error.Message}").ToList();
        return new MatrixOutcome(halo, lost, Count(first), Count(rerun), errors);
    }

    private static Dictionary<ImportAction, int> Count(IEnumerable<ImportResult> results) =>
        results.GroupBy(r => r.Action).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
