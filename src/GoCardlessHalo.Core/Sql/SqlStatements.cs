// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// The statements the SQL layer itself sends, whatever the tables: schema discovery and single-row writes built
    /// from discovered columns (<see cref="RowCommand"/>). Halo's own statements are in <c>Halo/Sql/HaloSqlTemplates.cs</c>,
    /// the ledger's in <c>Ledger/LedgerSql.cs</c>.
    /// </summary>
    internal static class SqlStatements
    {
        public static readonly SqlTemplate DiscoverColumns = new SqlTemplate(
            nameof(DiscoverColumns),
            "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.CHARACTER_MAXIMUM_LENGTH,"
            + " COLUMNPROPERTY(OBJECT_ID(QUOTENAME(c.TABLE_SCHEMA) + N'.' + QUOTENAME(c.TABLE_NAME)), c.COLUMN_NAME, 'IsIdentity') AS IS_IDENTITY,"
            + " COLUMNPROPERTY(OBJECT_ID(QUOTENAME(c.TABLE_SCHEMA) + N'.' + QUOTENAME(c.TABLE_NAME)), c.COLUMN_NAME, 'IsComputed') AS IS_COMPUTED"
            + " FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_SCHEMA = @schema AND c.TABLE_NAME = @table ORDER BY c.ORDINAL_POSITION",
            "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(@table)");

        public static readonly SqlTemplate InsertRow = new SqlTemplate(
            nameof(InsertRow),
            "INSERT INTO {=table} ({=columns}) VALUES ({=values})");

        public static readonly SqlTemplate UpdateRowById = new SqlTemplate(
            nameof(UpdateRowById),
            "UPDATE {=table} SET {=assignments} WHERE {=idColumn} = @id");
    }
}
