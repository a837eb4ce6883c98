// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// What the sync needs from Halo, whichever way Halo is reached (REST API or SQL database).
    /// One behavioural test suite runs against every implementation so they cannot drift apart.
    /// </summary>
    public interface IHaloTarget : IDisposable
    {
        /// <summary>Which kind of target this is.</summary>
        HaloTargetKind Kind { get; }

        /// <summary>Where the target is (URL, server/database, file), never including a secret.</summary>
        string Location { get; }

        /// <summary>
        /// Connects, authenticates and checks what the target needs (SQL: schema discovery). Fails with a
        /// <see cref="Errors.GcHaloException"/> that says what is missing and how to fix it.
        /// </summary>
        Task OpenAsync(CancellationToken cancellationToken);

        /// <summary>Halo customers (AREA / api/Client), inactive ones included and flagged.</summary>
        IAsyncEnumerable<HaloClient> GetClientsAsync(CancellationToken cancellationToken);

        /// <summary>Sites (SITE / api/Site), inactive ones included and flagged.</summary>
        IAsyncEnumerable<HaloSite> GetSitesAsync(CancellationToken cancellationToken);

        /// <summary>
        /// The most users one request of the user list returns when <see cref="GetUsersAsync"/> reads it page by page
        /// (the API: Halo's lists are read by page number, <c>Api/HaloPager.cs</c>, so a user deleted and another
        /// created while the pages are read can push a row onto a page already read, unseen: issue 8); null when the
        /// users are read in one statement (SQL), where no row can slip between pages. The import reads again before
        /// it creates when a read spanned more than one page (<c>Sync/Import/AbsenceCheck.cs</c>).
        /// </summary>
        int? UserListPageSize { get; }

        /// <summary>Users matching <paramref name="query"/>, with their custom field values.</summary>
        IAsyncEnumerable<HaloUser> GetUsersAsync(HaloUserQuery query, CancellationToken cancellationToken);

        /// <summary>Custom field definitions of the User entity (any type, so callers can explain a wrong type).</summary>
        Task<IReadOnlyList<HaloFieldDefinition>> GetUserFieldsAsync(CancellationToken cancellationToken);

        /// <summary>Creates a Text custom field on the User entity and returns its definition.</summary>
        Task<HaloFieldDefinition> CreateUserTextFieldAsync(string name, string label, CancellationToken cancellationToken);

        /// <summary>
        /// Creates (<see cref="HaloUserWrite.Id"/> null) or updates users as one batch. Custom field values
        /// given are merged into the user's existing values; values not given are kept.
        /// Returns one result per input, in input order.
        /// </summary>
        Task<IReadOnlyList<HaloUserWriteResult>> WriteUsersAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken);
    }
}
