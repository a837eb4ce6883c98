// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Bench.Infrastructure;

/// <summary>
/// Counts what the engine asks of a Halo target, whichever kind it is: read calls (customers, sites, users,
/// field definitions), write calls (one batch of users each: a POST for the API, a transaction for SQL) and users
/// written. For the SQL target these are its "requests"; for the API the emulator also counts the HTTP requests.
/// </summary>
public sealed class CountingHaloTarget : IHaloTarget
{
    private readonly IHaloTarget _inner;
    private int _reads;
    private int _writes;
    private int _usersWritten;

    public CountingHaloTarget(IHaloTarget inner)
    {
        _inner = inner;
    }

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public int UsersWritten => Volatile.Read(ref _usersWritten);

    public HaloTargetKind Kind => _inner.Kind;

    public string Location => _inner.Location;

    public int? UserListPageSize => _inner.UserListPageSize;

    public Task OpenAsync(CancellationToken cancellationToken) => _inner.OpenAsync(cancellationToken);

    public IAsyncEnumerable<HaloClient> GetClientsAsync(CancellationToken cancellationToken) => Read(_inner.GetClientsAsync(cancellationToken));

    public IAsyncEnumerable<HaloSite> GetSitesAsync(CancellationToken cancellationToken) => Read(_inner.GetSitesAsync(cancellationToken));

    public IAsyncEnumerable<HaloUser> GetUsersAsync(HaloUserQuery query, CancellationToken cancellationToken) => Read(_inner.GetUsersAsync(query, cancellationToken));

    public Task<IReadOnlyList<HaloFieldDefinition>> GetUserFieldsAsync(CancellationToken cancellationToken) => Read(_inner.GetUserFieldsAsync(cancellationToken));

    public Task<HaloFieldDefinition> CreateUserTextFieldAsync(string name, string label, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        return _inner.CreateUserTextFieldAsync(name, label, cancellationToken);
    }

    public Task<IReadOnlyList<HaloUserWriteResult>> WriteUsersAsync(IReadOnlyList<HaloUserWrite> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _usersWritten, batch.Count);
        return _inner.WriteUsersAsync(batch, cancellationToken);
    }

    public void Dispose() => _inner.Dispose();

    private T Read<T>(T call)
    {
        Interlocked.Increment(ref _reads);
        return call;
    }
}
