// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// Where a Halo SQL database is: a SQL Server connection (production, on-prem Halo) or a SQLite file (the
    /// embedded target). Immutable (adjust with <c>with { SchemaName = ... }</c>); the SQL Server password is kept
    /// apart from the connection string and is never part of <see cref="Location"/> or <see cref="ToString"/>.
    /// </summary>
    public sealed record SqlOptions
    {
        private SqlOptions(SqlKind kind, string connectionString, string? password, string sqlitePath)
        {
            Kind = kind;
            ConnectionString = connectionString;
            Password = password;
            SqlitePath = sqlitePath;
        }

        /// <summary><see cref="SqlKind.SqlServer"/> or <see cref="SqlKind.Sqlite"/>.</summary>
        public SqlKind Kind { get; }

        /// <summary>SQL Server schema holding Halo's tables and the module's gch_ tables. Halo uses dbo.</summary>
        public string SchemaName { get; init; } = "dbo";

        /// <summary>Seconds a single statement may run (SQLite: also how long to wait for another writer).</summary>
        public int CommandTimeoutSeconds { get; init; } = 60;

        /// <summary>The SQLite database file (or ":memory:"); empty for SQL Server.</summary>
        public string SqlitePath { get; }

        /// <summary>Where the database is, for messages and logs: server/database or the file path. Never a secret.</summary>
        public string Location => Kind == SqlKind.Sqlite ? "SQLite " + SqlitePath : SqlServerDialect.DescribeLocation(ConnectionString);

        // The connection string as given by the caller. It may itself hold a password (integrated setups do not),
        // so it is internal and never logged.
        internal string ConnectionString { get; }

        internal string? Password { get; }

        /// <summary>
        /// A Halo database on SQL Server. <paramref name="password"/> (a secret held apart from the configuration)
        /// is merged into the connection string when connecting; leave it null for integrated security.
        /// </summary>
        public static SqlOptions ForSqlServer(string connectionString, string? password = null)
        {
            ValidateSqlServer(connectionString);
            return new SqlOptions(SqlKind.SqlServer, connectionString, password, string.Empty);
        }

        /// <summary>
        /// The one validation of a SQL Server connection string (empty, or refused by the provider): Enable-GcModule
        /// calls it where the string is given, <see cref="ForSqlServer"/> where it is used.
        /// </summary>
        /// <exception cref="GcHaloException">ConnectionStringInvalid, with <paramref name="target"/> (the parameter or setting) as its target.</exception>
        public static void ValidateSqlServer(string connectionString, string? target = null) => SqlServerDialect.Parse(connectionString, target);

        /// <summary>A Halo-shaped SQLite database file (see <c>Halo/Sql/HaloSqliteDatabase.cs</c>), or ":memory:".</summary>
        public static SqlOptions ForSqlite(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("The SQLite database path is empty.", nameof(path));
            }

            return new SqlOptions(SqlKind.Sqlite, string.Empty, null, path);
        }

        /// <summary>The location only; the password is never shown.</summary>
        public override string ToString() => Location;
    }
}
