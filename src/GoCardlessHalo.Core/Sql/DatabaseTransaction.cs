// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// A write transaction on its own connection. Everything done through it is committed together by
    /// <see cref="Commit"/>, or rolled back when it is disposed first (also when an exception escapes).
    /// </summary>
    public sealed class DatabaseTransaction : IDisposable
    {
        private readonly SqlDatabase database;
        private bool committed;

        internal DatabaseTransaction(SqlDatabase database, DbConnection connection, DbTransaction transaction)
        {
            this.database = database;
            Connection = connection;
            Transaction = transaction;
        }

        /// <summary>The open connection; commands on it must use <see cref="Transaction"/>.</summary>
        public DbConnection Connection { get; }

        /// <summary>The transaction to enlist commands in.</summary>
        public DbTransaction Transaction { get; }

        internal SqlDialect Dialect => database.Dialect;

        internal SqlDatabase Database => database;

        /// <summary>Makes every change of this transaction permanent.</summary>
        public void Commit()
        {
            // DbTransaction.CommitAsync does not exist on .NET Framework; a commit is one short round trip.
            try
            {
                Transaction.Commit();
                committed = true;
            }
            catch (DbException ex)
            {
                throw Dialect.TranslateCommandFailure(ex, "committing");
            }
        }

        /// <summary>Rolls back unless committed, and closes the connection.</summary>
        public void Dispose()
        {
            if (!committed)
            {
                try
                {
                    Transaction.Rollback();
                }
                catch (Exception ex) when (ex is DbException || ex is InvalidOperationException)
                {
                    // The server already ended the transaction (a severe error or a broken connection); closing the
                    // connection below discards whatever is left, and the original error is what the caller sees.
                }
            }

            Transaction.Dispose();
            Connection.Dispose();
        }

        /// <summary>A command for a template, enlisted in this transaction.</summary>
        internal DbCommand CreateCommand(SqlTemplate template, ISqlNames names, IReadOnlyDictionary<string, string>? slots = null) =>
            Dialect.CreateCommand(Connection, Transaction, template, names, slots);

        internal Task<T> GuardAsync<T>(string operation, Func<Task<T>> action, CancellationToken cancellationToken) =>
            database.GuardAsync(operation, action, cancellationToken);
    }
}
