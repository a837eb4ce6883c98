// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Tests;

/// <summary>
/// Tests that measure the whole process (managed memory) or load the machine heavily. xunit runs this collection
/// by itself, after the parallel ones, so other tests' allocations never count against a measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
