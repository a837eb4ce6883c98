// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// What a health check asks of a Halo target beyond <see cref="IHaloTarget"/>: prove the credentials on their
    /// own, prove read access to everything the sync reads, and read Halo's own GoCardless integrator switch.
    /// </summary>
    /// <remarks>
    /// Kept out of <see cref="IHaloTarget"/> on purpose: the sync never needs these, and every member of
    /// IHaloTarget is part of the behavioural contract the shared target suite holds both targets to. Both targets
    /// implement this interface explicitly; it is internal because only the health runner
    /// (<see cref="Health.ModuleHealth"/>) uses it, and the runner treats it as optional (a target without it gets
    /// the plain <see cref="IHaloTarget.OpenAsync"/> and a skipped integrator check).
    /// </remarks>
    internal interface IHaloHealthProbe
    {
        /// <summary>
        /// Connects and proves the credentials, nothing more. API: obtains a token. SQL: connects and discovers
        /// Halo's schema (what <see cref="IHaloTarget.OpenAsync"/> does). Returns what was proven, as a phrase that follows the target's name ("issued a token to …").
        /// </summary>
        Task<string> ConnectAsync(CancellationToken cancellationToken);

        /// <summary>
        /// Reads a little of every table or resource the sync reads (customers, sites, users; the caller reads the
        /// field definitions through <see cref="IHaloTarget.GetUserFieldsAsync"/>). A refusal surfaces as a
        /// <see cref="Errors.GcHaloException"/> of kind PermissionDenied. Returns what was read, as a sentence start ("read customers (3), …").
        /// </summary>
        Task<string> CheckReadAccessAsync(CancellationToken cancellationToken);

        /// <summary>Whether Halo's own GoCardless integration syncs too (API: /api/Control; SQL: MODULESETUP).</summary>
        Task<HaloNativeIntegrator> ReadNativeIntegratorAsync(CancellationToken cancellationToken);
    }
}
