// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// Which database engine a <see cref="SqlDatabase"/> speaks. The SQL layer's own kind: it serves Halo's database
    /// and the payment ledger alike, so it knows nothing of how Halo is reached (the Halo target kind is mapped to
    /// this once, where connections are built: <c>Connections/ModuleConnections.cs</c>).
    /// </summary>
    public enum SqlKind
    {
        /// <summary>Microsoft SQL Server (on-premises Halo's database, or a ledger database).</summary>
        SqlServer,

        /// <summary>A SQLite file (the embedded Halo, or the ledger file beside the settings).</summary>
        Sqlite,
    }
}
