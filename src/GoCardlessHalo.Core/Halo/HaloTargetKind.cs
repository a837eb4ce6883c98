// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Halo
{
    /// <summary>How Halo is reached.</summary>
    public enum HaloTargetKind
    {
        /// <summary>Halo's REST API (hosted Halo, or on-premises Halo's own /api).</summary>
        Api,

        /// <summary>Halo's SQL Server database (on-premises Halo).</summary>
        SqlServer,

        /// <summary>A Halo-shaped SQLite file (the embedded target).</summary>
        Sqlite,
    }
}
