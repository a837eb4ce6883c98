// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Data;
using System.Data.Common;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync.Payments;

namespace GoCardlessHalo.Core.Ledger
{
    /// <summary>
    /// Binds ledger values to parameters and reads them back, the same way on SQL Server and SQLite: times in UTC
    /// as datetime2, text cut to its column's length (the ledger is a record of GoCardless, not a place to fail a
    /// sync over a long description).
    /// </summary>
    internal static class LedgerRows
    {
        public const int IdLength = 64;
        public const int StatusLength = 40;
        public const int CurrencyLength = 3;
        public const int DescriptionLength = 1000;
        public const int ReferenceLength = 255;
        public const int SyncStateNameLength = 100;
        public const int SummaryValueLength = 4000;
        public const int CauseLength = 100;

        // Migration 1 made charge_date NOT NULL; a payment without one is stored with SQL Server's zero date and
        // read back as null. GoCardless gives every payment a charge date, so this is a guard, not a case.
        private static readonly DateTime NoChargeDate = new DateTime(1900, 1, 1);

        public static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text.Substring(0, length);

        public static void Text(SqlDialect dialect, DbCommand command, string name, string? value, int length) =>
            Bind(dialect, command, name, SqlValueKind.Text, Cut(value, length), length);

        public static void Int(SqlDialect dialect, DbCommand command, string name, int? value) =>
            Bind(dialect, command, name, SqlValueKind.Integer, value);

        public static void Long(SqlDialect dialect, DbCommand command, string name, long value) =>
            Bind(dialect, command, name, SqlValueKind.BigInteger, value);

        /// <summary>A UTC timestamp as datetime2(7): SqlClient would send DbType.DateTime as datetime, rounding to 1/300 s.</summary>
        public static void Timestamp(SqlDialect dialect, DbCommand command, string name, DateTimeOffset? value)
        {
            if (Bind(dialect, command, name, SqlValueKind.DateTime, value?.UtcDateTime) is { } created)
            {
                created.DbType = DbType.DateTime2;
                created.Scale = 7;
            }
        }

        /// <summary>A yes/no column (bit on SQL Server, INTEGER 0/1 on SQLite); null stays NULL.</summary>
        public static void Flag(SqlDialect dialect, DbCommand command, string name, bool? value) =>
            Bind(dialect, command, name, SqlValueKind.Boolean, value);

        /// <summary>A yes/no column read back (bit or INTEGER); null for NULL.</summary>
        public static bool? Flag(DbDataReader reader, int ordinal) =>
            SqlReaderValues.NullableInt(reader, ordinal) is { } value ? value != 0 : (bool?)null;

        /// <summary>A plain date (charge_date).</summary>
        public static void Date(SqlDialect dialect, DbCommand command, string name, DateTime? value) =>
            Bind(dialect, command, name, SqlValueKind.DateTime, value?.Date);

        /// <summary>Adds every parameter of a payment row (the names InsertPayment and UpdatePayment use).</summary>
        public static void BindPayment(SqlDialect dialect, DbCommand command, PaymentRecord row, DateTimeOffset updatedAt)
        {
            Text(dialect, command, "@paymentId", row.PaymentId, IdLength);
            Text(dialect, command, "@customerId", row.CustomerId, IdLength);
            Text(dialect, command, "@mandateId", row.MandateId, IdLength);
            Int(dialect, command, "@haloUserId", row.HaloUserId);
            Long(dialect, command, "@amount", row.Amount);
            Long(dialect, command, "@amountRefunded", row.AmountRefunded);
            Text(dialect, command, "@currency", row.Currency, CurrencyLength);
            Text(dialect, command, "@status", row.Status, StatusLength);
            Date(dialect, command, "@chargeDate", row.ChargeDate ?? NoChargeDate);
            Text(dialect, command, "@description", row.Description, DescriptionLength);
            Text(dialect, command, "@reference", row.Reference, ReferenceLength);
            Timestamp(dialect, command, "@createdAt", row.CreatedAt);
            Timestamp(dialect, command, "@updatedAt", updatedAt);
            Text(dialect, command, "@sourceEventId", row.SourceEventId, IdLength);
            Text(dialect, command, "@failureCause", row.FailureCause, CauseLength);
            Text(dialect, command, "@failureDescription", row.FailureDescription, DescriptionLength);
            Timestamp(dialect, command, "@statusChangedAt", row.StatusChangedAt);
            Flag(dialect, command, "@willAttemptRetry", row.WillAttemptRetry);
        }

        /// <summary>A payment row in <see cref="LedgerSql.PaymentColumns"/> order.</summary>
        public static PaymentRecord ReadPayment(DbDataReader reader)
        {
            var chargeDate = reader.GetDateTime(8).Date;
            return new PaymentRecord
            {
                PaymentId = reader.GetString(0),
                CustomerId = reader.GetString(1),
                MandateId = reader.GetString(2),
                HaloUserId = SqlReaderValues.NullableInt(reader, 3),
                Amount = SqlReaderValues.Long(reader, 4),
                AmountRefunded = SqlReaderValues.Long(reader, 5),
                Currency = reader.GetString(6),
                Status = reader.GetString(7),
                ChargeDate = chargeDate == NoChargeDate ? (DateTime?)null : chargeDate,
                Description = reader.IsDBNull(9) ? null : reader.GetString(9),
                Reference = reader.IsDBNull(10) ? null : reader.GetString(10),
                CreatedAt = Utc(reader, 11),
                LedgerUpdatedAt = Utc(reader, 12),
                SourceEventId = reader.IsDBNull(13) ? null : reader.GetString(13),
                FailureCause = reader.IsDBNull(14) ? null : reader.GetString(14),
                FailureDescription = reader.IsDBNull(15) ? null : reader.GetString(15),
                StatusChangedAt = reader.IsDBNull(16) ? null : Utc(reader, 16),
                WillAttemptRetry = Flag(reader, 17),
                Source = PaymentRecordSource.Ledger,
            };
        }

        // A command reused for many rows keeps its parameters (type and size fixed once) and only takes new values:
        // cheaper than rebuilding them per row, and one cached plan on SQL Server. Returns the parameter when new.
        private static DbParameter? Bind(SqlDialect dialect, DbCommand command, string name, SqlValueKind kind, object? value, int? length = null)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = SqlColumnTypes.Coerce(kind, value);
                return null;
            }

            return dialect.AddParameter(command, name, kind, value, length);
        }

        /// <summary>A datetime2 column as a UTC instant (SQLite returns text, SQL Server a DateTime of unspecified kind).</summary>
        public static DateTimeOffset Utc(DbDataReader reader, int ordinal) =>
            new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
    }
}
