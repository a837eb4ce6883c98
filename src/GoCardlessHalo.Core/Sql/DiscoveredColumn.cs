// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Sql
{
    /// <summary>A column as the database describes it (INFORMATION_SCHEMA on SQL Server, pragma_table_xinfo on SQLite).</summary>
    internal sealed class DiscoveredColumn
    {
        public DiscoveredColumn(string table, string name, string dataType, bool isNullable, bool hasDefault, bool isIdentity, bool isGenerated, int? maxLength)
        {
            Table = table;
            Name = name;
            DataType = dataType;
            IsNullable = isNullable;
            HasDefault = hasDefault;
            IsIdentity = isIdentity;
            IsGenerated = isGenerated;
            MaxLength = maxLength;
            Kind = SqlColumnTypes.Classify(dataType);
        }

        public string Table { get; }

        public string Name { get; }

        /// <summary>The declared type, e.g. <c>nvarchar</c> or <c>nvarchar(255)</c>.</summary>
        public string DataType { get; }

        public bool IsNullable { get; }

        public bool HasDefault { get; }

        /// <summary>The database assigns the value (IDENTITY, or SQLite's INTEGER PRIMARY KEY).</summary>
        public bool IsIdentity { get; }

        /// <summary>Computed, rowversion or generated: never written.</summary>
        public bool IsGenerated { get; }

        /// <summary>Maximum characters of a text column; -1 for (max); null when unbounded or not text.</summary>
        public int? MaxLength { get; }

        public SqlValueKind Kind { get; }

        /// <summary>
        /// An INSERT that leaves this column out fails, so the module must give it a safe value
        /// (Halo's schema has many such columns, and they differ between Halo versions).
        /// </summary>
        public bool NeedsSafeValue => !IsNullable && !HasDefault && !IsIdentity && !IsGenerated;

        public override string ToString() => Table + "." + Name;
    }
}
