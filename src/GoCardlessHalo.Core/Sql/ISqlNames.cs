// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// Turns the logical table and column names written in <see cref="SqlTemplate"/>s into the names the database
    /// really uses (Halo's schema may differ in case between versions, and a case-sensitive collation would care).
    /// </summary>
    internal interface ISqlNames
    {
        string Table(string table);

        string Column(string table, string column);
    }

    /// <summary>Uses the names as written: for the module's own gch_ tables, which it creates itself.</summary>
    internal sealed class LiteralSqlNames : ISqlNames
    {
        public static readonly LiteralSqlNames Instance = new LiteralSqlNames();

        private LiteralSqlNames()
        {
        }

        public string Table(string table) => table;

        public string Column(string table, string column) => column;
    }
}
