// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
#if NETFRAMEWORK
// Microsoft.Data.SqlClient's .NET Framework build needs a native SNI package this project cannot ship; the
// framework's own provider speaks the same protocol.
using SqlClient = System.Data.SqlClient;
#else
using SqlClient = Microsoft.Data.SqlClient;
#endif

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>SQL Server: Halo's production database.</summary>
    internal sealed class SqlServerDialect : SqlDialect
    {
        // SqlException numbers worth their own error id.
        private const int LoginFailedNumber = 18456;
        private const int CannotOpenDatabaseNumber = 4060;
        private const int TimeoutNumber = -2;
        private const int LockTimeoutNumber = 1222;
        private const int DeadlockNumber = 1205;
        private static readonly int[] PermissionNumbers = { 229, 230, 262, 297, 300, 1088 };

        private readonly string connectionString;

        public SqlServerDialect(SqlOptions options)
            : base(options)
        {
            connectionString = BuildConnectionString(options);
        }

        /// <summary>
        /// The connection string to use: the caller's, with the separately held password merged in and the module
        /// named as the application (so a DBA can see who holds a lock).
        /// </summary>
        public static string BuildConnectionString(SqlOptions options)
        {
            var builder = Parse(options.ConnectionString, null);
            if (options.Password != null)
            {
                builder.Password = options.Password;
            }

            if (builder.ApplicationName == new SqlClient.SqlConnectionStringBuilder().ApplicationName)
            {
                builder.ApplicationName = "GoCardlessHalo";
            }

            return builder.ConnectionString;
        }

        /// <summary>
        /// The one check of a SQL Server connection string (Halo's database or the ledger's), by the provider that will
        /// use it, so a string it would refuse fails where it is configured, not at the first query.
        /// </summary>
        /// <exception cref="GcHaloException">ConnectionStringInvalid, with <paramref name="target"/> as its target.</exception>
        internal static SqlClient.SqlConnectionStringBuilder Parse(string connectionString, string? target)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new GcHaloException(
                    ErrorIds.ConnectionStringInvalid,
                    ErrorKind.InvalidArgument,
                    "The SQL Server connection string is empty. " + ExpectedForm,
                    target);
            }

            try
            {
                return new SqlClient.SqlConnectionStringBuilder(connectionString);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is KeyNotFoundException)
            {
                // The provider's message names the offending keyword, never its value.
                throw new GcHaloException(
                    ErrorIds.ConnectionStringInvalid,
                    ErrorKind.InvalidArgument,
                    "The SQL Server connection string is not valid: " + ex.Message + " " + ExpectedForm,
                    target,
                    ex);
            }
        }

        private const string ExpectedForm = "Use the form 'Server=host;Database=Halo;User ID=name' (or 'Integrated Security=True') and give the password separately.";

        /// <summary>"SQL Server host/database", from a connection string; nothing else of it.</summary>
        public static string DescribeLocation(string connectionString)
        {
            try
            {
                var builder = new SqlClient.SqlConnectionStringBuilder(connectionString);
                var database = string.IsNullOrEmpty(builder.InitialCatalog) ? "(default database)" : builder.InitialCatalog;
                return "SQL Server " + builder.DataSource + "/" + database;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is KeyNotFoundException)
            {
                return "SQL Server (invalid connection string)";
            }
        }

        public override string QuoteIdentifier(string name) => "[" + name.Replace("]", "]]") + "]";

        public override string QuoteTable(string table) => QuoteIdentifier(Options.SchemaName) + "." + QuoteIdentifier(table);

        public override DbConnection CreateConnection() => new SqlClient.SqlConnection(connectionString);

        public override DbTransaction BeginWriteTransaction(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

        public override async Task<IReadOnlyList<DiscoveredColumn>> ReadColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
        {
            using var command = CreateCommand(connection, null, SqlStatements.DiscoverColumns, LiteralSqlNames.Instance);
            AddParameter(command, "@schema", SqlValueKind.Text, Options.SchemaName, 128);
            AddParameter(command, "@table", SqlValueKind.Text, table, 128);
            var columns = new List<DiscoveredColumn>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var dataType = reader.GetString(2);
                var generated = SqlReaderValues.Long(reader, 7) != 0
                    || dataType.Equals("timestamp", StringComparison.OrdinalIgnoreCase)
                    || dataType.Equals("rowversion", StringComparison.OrdinalIgnoreCase);
                columns.Add(new DiscoveredColumn(
                    table: reader.GetString(0),
                    name: reader.GetString(1),
                    dataType: dataType,
                    isNullable: string.Equals(reader.GetString(3), "YES", StringComparison.OrdinalIgnoreCase),
                    hasDefault: !reader.IsDBNull(4),
                    isIdentity: SqlReaderValues.Long(reader, 6) != 0,
                    isGenerated: generated,
                    maxLength: SqlReaderValues.NullableInt(reader, 5)));
            }

            return columns;
        }

        public override GcHaloException TranslateOpenFailure(Exception exception)
        {
            if (exception is SqlClient.SqlException sql && sql.Number == LoginFailedNumber)
            {
                return new GcHaloException(
                    ErrorIds.HaloSqlLoginFailed,
                    ErrorKind.AuthenticationFailed,
                    "SQL Server at " + Location + " rejected the login: " + sql.Message + " Check the user name and the stored password.",
                    Location,
                    exception);
            }

            var hint = exception is SqlClient.SqlException { Number: CannotOpenDatabaseNumber }
                ? " Check the database name and that the login has access to it."
                : " Check the server name, port and firewall, and that SQL Server accepts TCP connections.";
            return new GcHaloException(
                ErrorIds.HaloSqlConnectionFailed,
                ErrorKind.ConnectionFailed,
                WithHint("Could not connect to the Halo database at " + Location + ": " + exception.Message) + hint,
                Location,
                exception);
        }

        public override GcHaloException TranslateCommandFailure(DbException exception, string operation)
        {
            var number = exception is SqlClient.SqlException sql ? sql.Number : 0;
            var message = "SQL: " + operation + " failed on " + Location + ": " + exception.Message;
            if (Array.IndexOf(PermissionNumbers, number) >= 0)
            {
                return new GcHaloException(ErrorIds.HaloSqlPermissionDenied, ErrorKind.PermissionDenied, message + " Grant the login the permission named above.", Location, exception);
            }

            if (number == TimeoutNumber || number == LockTimeoutNumber)
            {
                return new GcHaloException(ErrorIds.HaloSqlTimeout, ErrorKind.Timeout, message + " Retry when Halo is less busy, or raise the command timeout.", Location, exception);
            }

            return number == DeadlockNumber
                ? new GcHaloException(ErrorIds.HaloSqlDeadlock, ErrorKind.Conflict, message + " Nothing of this batch was written; running it again is safe.", Location, exception)
                : new GcHaloException(ErrorIds.HaloSqlCommandFailed, ErrorKind.Remote, message + " Nothing of this batch was written.", Location, exception);
        }

        // A TLS failure against a self-signed certificate is the commonest first-connection problem on SQL Server.
        private static string WithHint(string message) =>
            message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0
                ? message + " If the server uses a self-signed certificate, add 'TrustServerCertificate=True' to the connection string or install a trusted certificate."
                : message;

        protected override void SizeParameter(DbParameter parameter, SqlValueKind kind, int? maxLength)
        {
            if (kind == SqlValueKind.Text)
            {
                parameter.Size = maxLength is > 0 ? maxLength.Value : -1;
            }
            else if (kind == SqlValueKind.Binary)
            {
                parameter.Size = -1;
            }
        }
    }
}
