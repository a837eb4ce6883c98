// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// What a Halo target reached through Halo's own database offers beyond <see cref="IHaloTarget"/>: that
    /// database, where the module keeps its own tables (the payment ledger, its migrations) beside Halo's.
    /// </summary>
    /// <remarks>
    /// Asked for with <c>target as IHaloSqlDatabase</c>, never by casting to a target class, so a caller depends on
    /// the capability and not on which target offers it (today <see cref="Sql.HaloSqlTarget"/>; the API target has
    /// no database and keeps its ledger elsewhere, see <see cref="Ledger.LedgerLocation"/>).
    /// </remarks>
    public interface IHaloSqlDatabase
    {
        /// <summary>The database the target reads and writes; the caller must not dispose it.</summary>
        SqlDatabase Database { get; }
    }
}
