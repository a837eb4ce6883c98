// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Tests.Halo;

/// <summary>
/// Target-neutral starting state for the shared Halo target behaviour suite. Each target's factory turns it
/// into its own form (SQLite rows, or a POST to /__admin/halo/seed for the API emulator).
/// </summary>
public sealed class HaloSeed
{
    public List<HaloClient> Clients { get; } = new();

    public List<HaloSite> Sites { get; } = new();

    public List<HaloUser> Users { get; } = new();

    /// <summary>User custom field definitions (Usage 4 = User; Type 0 = Text).</summary>
    public List<HaloFieldDefinition> Fields { get; } = new();

    /// <summary>Invoices (Total and AmountPaid; what is due follows).</summary>
    public List<GoCardlessHalo.Core.Invoices.HaloInvoice> Invoices { get; } = new();
}

/// <summary>Creates an opened target holding exactly the seeded state. One implementation per target kind.</summary>
public interface IHaloTargetFactory
{
    Task<IHaloTarget> CreateAsync(HaloSeed seed);
}
