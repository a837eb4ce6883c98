// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Data;
using System.Globalization;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>What kind of value a column holds, as far as writing it is concerned.</summary>
    internal enum SqlValueKind
    {
        Integer,
        BigInteger,
        Boolean,
        Float,
        Decimal,
        Text,
        DateTime,
        DateTimeOffset,
        Time,
        Guid,
        Binary,
        Unsupported,
    }

    /// <summary>
    /// Maps declared column types to value kinds, parameter types and safe values. SQLite columns of the embedded
    /// database carry Halo's SQL Server type names, so one table serves both; other SQLite names fall back to
    /// SQLite's own affinity rules.
    /// </summary>
    internal static class SqlColumnTypes
    {
        // SQL Server's own zero date (datetime 0): valid for datetime, smalldatetime, date and datetime2 alike.
        private static readonly DateTime ZeroDate = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

        public static SqlValueKind Classify(string declaredType)
        {
            var baseName = BaseName(declaredType);
            switch (baseName)
            {
                case "int":
                case "integer":
                case "smallint":
                case "tinyint":
                    return SqlValueKind.Integer;
                case "bigint":
                    return SqlValueKind.BigInteger;
                case "bit":
                case "boolean":
                    return SqlValueKind.Boolean;
                case "float":
                case "real":
                case "double":
                    return SqlValueKind.Float;
                case "decimal":
                case "numeric":
                case "money":
                case "smallmoney":
                    return SqlValueKind.Decimal;
                case "nvarchar":
                case "varchar":
                case "nchar":
                case "char":
                case "ntext":
                case "text":
                case "sysname":
                case "xml":
                    return SqlValueKind.Text;
                case "datetime":
                case "datetime2":
                case "smalldatetime":
                case "date":
                    return SqlValueKind.DateTime;
                case "datetimeoffset":
                    return SqlValueKind.DateTimeOffset;
                case "time":
                    return SqlValueKind.Time;
                case "uniqueidentifier":
                    return SqlValueKind.Guid;
                case "binary":
                case "varbinary":
                case "image":
                case "blob":
                    return SqlValueKind.Binary;
                case "geography":
                case "geometry":
                case "hierarchyid":
                case "sql_variant":
                    return SqlValueKind.Unsupported;
            }

            return SqliteAffinity(baseName);
        }

        /// <summary>The type without length, lower case: <c>nvarchar(255)</c> becomes <c>nvarchar</c>.</summary>
        public static string BaseName(string declaredType)
        {
            var paren = declaredType.IndexOf('(');
            return (paren < 0 ? declaredType : declaredType.Substring(0, paren)).Trim().ToLowerInvariant();
        }

        /// <summary>The length declared in a SQLite type name (<c>nvarchar(255)</c> gives 255), if any.</summary>
        public static int? DeclaredLength(string declaredType)
        {
            var open = declaredType.IndexOf('(');
            var close = declaredType.IndexOf(')');
            if (open < 0 || close <= open + 1 || Classify(declaredType) != SqlValueKind.Text)
            {
                return null;
            }

            var inside = declaredType.Substring(open + 1, close - open - 1).Trim();
            if (inside.Equals("max", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            return int.TryParse(inside, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : (int?)null;
        }

        public static DbType DbTypeOf(SqlValueKind kind) => kind switch
        {
            SqlValueKind.Integer => DbType.Int32,
            SqlValueKind.BigInteger => DbType.Int64,
            SqlValueKind.Boolean => DbType.Boolean,
            SqlValueKind.Float => DbType.Double,
            SqlValueKind.Decimal => DbType.Decimal,
            SqlValueKind.DateTime => DbType.DateTime,
            SqlValueKind.DateTimeOffset => DbType.DateTimeOffset,
            SqlValueKind.Time => DbType.Time,
            SqlValueKind.Guid => DbType.Guid,
            SqlValueKind.Binary => DbType.Binary,
            _ => DbType.String,
        };

        /// <summary>
        /// A value that satisfies a NOT NULL column and means "nothing": 0, empty text, SQL Server's zero date.
        /// GUIDs are fresh per row because such columns are often unique.
        /// </summary>
        public static object SafeValue(SqlValueKind kind) => kind switch
        {
            SqlValueKind.Integer => 0,
            SqlValueKind.BigInteger => 0L,
            SqlValueKind.Boolean => false,
            SqlValueKind.Float => 0d,
            SqlValueKind.Decimal => 0m,
            SqlValueKind.DateTime => ZeroDate,
            SqlValueKind.DateTimeOffset => new DateTimeOffset(ZeroDate, TimeSpan.Zero),
            SqlValueKind.Time => TimeSpan.Zero,
            SqlValueKind.Guid => Guid.NewGuid(),
            SqlValueKind.Binary => Array.Empty<byte>(),
            SqlValueKind.Text => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No safe value for this kind."),
        };

        /// <summary>Converts a CLR value to what the column's parameter type expects (Halo's site ids are float columns).</summary>
        public static object Coerce(SqlValueKind kind, object? value)
        {
            if (value == null || value is DBNull)
            {
                return DBNull.Value;
            }

            return kind switch
            {
                SqlValueKind.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                SqlValueKind.BigInteger => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                SqlValueKind.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                SqlValueKind.Float => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                SqlValueKind.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                SqlValueKind.Text => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
                _ => value,
            };
        }

        // https://www.sqlite.org/datatype3.html section 3.1, in the documented order.
        private static SqlValueKind SqliteAffinity(string baseName)
        {
            if (baseName.Contains("int"))
            {
                return SqlValueKind.BigInteger;
            }

            if (baseName.Contains("char") || baseName.Contains("clob") || baseName.Contains("text"))
            {
                return SqlValueKind.Text;
            }

            if (baseName.Length == 0 || baseName.Contains("blob"))
            {
                return SqlValueKind.Binary;
            }

            return baseName.Contains("real") || baseName.Contains("floa") || baseName.Contains("doub")
                ? SqlValueKind.Float
                : SqlValueKind.Decimal;
        }
    }
}
