// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Data.Common;
using System.Linq;

namespace GoCardlessHalo.Core.Config
{
    /// <summary>
    /// Keeps passwords out of stored SQL Server connection strings. Parsed with the provider-neutral
    /// DbConnectionStringBuilder so the check does not depend on which SqlClient a flavour ships.
    /// </summary>
    public static class SqlConnectionStrings
    {
        private static readonly string[] PasswordKeys = { "password", "pwd" };

        /// <summary>True when the connection string carries a password.</summary>
        public static bool ContainsPassword(string connectionString) =>
            TryParse(connectionString, out var builder) && PasswordKeys.Any(key => builder!.ContainsKey(key) && !string.IsNullOrEmpty(builder[key]?.ToString()));

        /// <summary>The connection string without its password, and the password (null if none).</summary>
        /// <exception cref="ArgumentException">The text is not a connection string.</exception>
        public static string RemovePassword(string connectionString, out string? password)
        {
            if (!TryParse(connectionString, out var builder))
            {
                throw new ArgumentException("The SQL Server connection string is not in 'Key=Value;Key=Value' form.", nameof(connectionString));
            }

            password = null;
            foreach (var key in PasswordKeys)
            {
                if (builder!.TryGetValue(key, out var value))
                {
                    password ??= value?.ToString();
                    builder.Remove(key);
                }
            }

            return builder!.ConnectionString;
        }

        /// <summary>The connection string with SQL authentication as <paramref name="user"/> (the password is kept apart).</summary>
        public static string WithUser(string connectionString, string user)
        {
            TryParse(connectionString, out var builder);
            foreach (var key in new[] { "integrated security", "trusted_connection", "user id", "uid", "user" })
            {
                builder!.Remove(key);
            }

            builder!["User ID"] = user;
            return builder.ConnectionString;
        }

        /// <summary>Server and database only, for messages and status output.</summary>
        public static string Describe(string connectionString)
        {
            if (!TryParse(connectionString, out var builder))
            {
                return "(unreadable connection string)";
            }

            string Get(params string[] keys) => keys.Select(k => builder!.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "?";
            return $"{Get("server", "data source", "address", "addr")}/{Get("database", "initial catalog")}";
        }

        private static bool TryParse(string connectionString, out DbConnectionStringBuilder? builder)
        {
            builder = new DbConnectionStringBuilder();
            try
            {
                builder.ConnectionString = connectionString;
                return true;
            }
            catch (ArgumentException)
            {
                builder = null;
                return false;
            }
        }
    }
}
