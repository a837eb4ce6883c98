// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Data.Common;
using System.Globalization;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// Reads column values the same way on SQL Server and SQLite, whatever type the provider hands back: Halo keeps
    /// site and customer ids in float columns (Usite, Sarea), SQLite returns every integer as a long, and flags may
    /// come as bit or integer.
    /// </summary>
    internal static class SqlReaderValues
    {
        /// <summary>A whole number; 0 for NULL.</summary>
        public static int Int(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

        /// <summary>A whole number, or null for NULL.</summary>
        public static int? NullableInt(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? (int?)null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

        /// <summary>A 64-bit whole number (amounts, counts); 0 for NULL.</summary>
        public static long Long(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

        /// <summary>Text, or the invariant text of another value; null for NULL.</summary>
        public static string? Text(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var value = reader.GetValue(ordinal);
            return value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }
}
