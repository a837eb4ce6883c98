// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// One versioned change to the module's own tables (all named gch_*, so they can never collide with Halo's).
    /// Migrations are applied in version order, each exactly once.
    /// </summary>
    public sealed class SqlMigration
    {
        internal SqlMigration(int version, string name, IReadOnlyList<SqlTemplate> statements)
        {
            Version = version;
            Name = name;
            Statements = statements;
        }

        /// <summary>Position in the sequence, from 1.</summary>
        public int Version { get; }

        /// <summary>What the migration does, e.g. "payment ledger".</summary>
        public string Name { get; }

        internal IReadOnlyList<SqlTemplate> Statements { get; }

        /// <summary>"1: payment ledger".</summary>
        public override string ToString() => Version + ": " + Name;
    }
}
