// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Invoices in Halo's database (src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md §4): posted INVOICEHEADER rows, and payments
    /// recorded as InvoicePayment rows with the header's amounts updated in the same transaction (what Halo does when an agent
    /// records one; a direct write bypasses Halo's own logic, so the API target is preferred for writes). The tables are checked
    /// when first used, not when the target opens, so user sync keeps working on a database without them. Columns marked [I]
    /// there are used when present: invoice number (else the id), uid, and the currency through CURRENCY (else the currency
    /// whose Crate is 1, Halo's home currency, else unknown).
    /// </summary>
    internal sealed class HaloSqlInvoices : ISqlNames
    {
        private const string Header = "INVOICEHEADER";
        private const string Payment = "InvoicePayment";
        private const string Currency = "CURRENCY";

        private static readonly (string Table, string[] Columns)[] Required =
        {
            (Header, new[] { "ihid", "IHaarea", "IHsitenumber", "IHInvoice_Date", "IHDue_Date", "IHAmountPaid", "IHAmountDue", "ihdatepaid", "IHposted", "IHvoided" }),
            (Payment, new[] { "IPid", "IPIHid", "IPAmount", "IPDate", "IPReference" }),
        };

        private readonly SqlDatabase database;
        private readonly ISqlNames halo;
        private readonly Dictionary<string, DiscoveredTable> tables;

        private HaloSqlInvoices(SqlDatabase database, ISqlNames halo, Dictionary<string, DiscoveredTable> tables)
        {
            this.database = database;
            this.halo = halo;
            this.tables = tables;
        }

        /// <summary>Finds the invoice tables; fails naming every missing table and column.</summary>
        public static async Task<HaloSqlInvoices> DiscoverAsync(SqlDatabase database, ISqlNames halo, CancellationToken cancellationToken)
        {
            var tables = new Dictionary<string, DiscoveredTable>(StringComparer.OrdinalIgnoreCase);
            var missing = new List<string>();
            using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in new[] { Header, Payment, Currency })
            {
                var columns = await database.GuardAsync("discovering Halo's invoice tables", () => database.Dialect.ReadColumnsAsync(connection, table, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (columns.Count > 0)
                {
                    tables[table] = new DiscoveredTable(columns[0].Table, columns);
                }
            }

            foreach (var (table, columns) in Required)
            {
                if (!tables.TryGetValue(table, out var found))
                {
                    missing.Add("table " + table);
                    continue;
                }

                missing.AddRange(columns.Where(c => !found.Has(c)).Select(c => "column " + table + "." + c));
            }

            if (missing.Count > 0)
            {
                throw HaloSqlErrors.MissingSchema(database.Location, missing);
            }

            return new HaloSqlInvoices(database, halo, tables);
        }

        public async IAsyncEnumerable<HaloInvoice> ReadAsync(HaloInvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var ids = query.InvoiceIds is null ? null : new HashSet<int>(query.InvoiceIds);
            var count = 0;
            await foreach (var invoice in database.QueryAsync(
                "reading invoices (INVOICEHEADER)",
                HaloSqlInvoiceTemplates.SelectInvoices,
                this,
                (d, c) => d.AddParameter(c, "@clientId", SqlValueKind.Integer, query.ClientId),
                Map,
                cancellationToken,
                ReadSlots()).ConfigureAwait(false))
            {
                if (ids is null || ids.Contains(invoice.Id))
                {
                    count++;
                    yield return invoice;
                }
            }

            database.LogDone("read " + count + " posted invoices", watch);
        }

        public async Task<IReadOnlyList<HaloInvoicePayment>> PaymentsAsync(int invoiceId, CancellationToken cancellationToken)
        {
            var payments = new List<HaloInvoicePayment>();
            await foreach (var payment in database.QueryAsync(
                "reading the payments of invoice " + invoiceId.ToString(CultureInfo.InvariantCulture),
                HaloSqlInvoiceTemplates.SelectPayments,
                this,
                (d, c) => d.AddParameter(c, "@invoiceId", SqlValueKind.Integer, invoiceId),
                r => new HaloInvoicePayment
                {
                    Id = SqlReaderValues.Int(r, 0),
                    InvoiceId = SqlReaderValues.Int(r, 1),
                    Amount = Money(r, 2),
                    Date = r.IsDBNull(3) ? default : r.GetDateTime(3),
                    Reference = SqlReaderValues.Text(r, 4),
                },
                cancellationToken).ConfigureAwait(false))
            {
                payments.Add(payment);
            }

            return payments;
        }

        /// <summary>The payment row and the header's new amounts, in one transaction; the row is then read back for its id.</summary>
        public async Task<HaloInvoicePayment> RecordAsync(HaloInvoicePayment payment, CancellationToken cancellationToken)
        {
            var identity = tables[Payment].Get("IPid").IsIdentity;
            var thirdParty = tables[Payment].Has("ipthirdpartyid");
            using (var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = identity ? 0 : await NextPaymentIdAsync(transaction, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(transaction, HaloSqlInvoiceTemplates.InsertInvoicePayment, payment, id, cancellationToken, new Dictionary<string, string>
                {
                    ["idColumn"] = identity ? string.Empty : database.Dialect.QuoteIdentifier(Column(Payment, "IPid")) + ", ",
                    ["idValue"] = identity ? string.Empty : "@id, ",
                    ["thirdParty"] = thirdParty ? ", " + database.Dialect.QuoteIdentifier(Column(Payment, "ipthirdpartyid")) : string.Empty,
                    ["thirdPartyValue"] = thirdParty ? ", @reference" : string.Empty,
                }).ConfigureAwait(false);
                await ExecuteAsync(transaction, HaloSqlInvoiceTemplates.ApplyPayment, payment, 0, cancellationToken).ConfigureAwait(false);
                transaction.Commit();
            }

            return (await PaymentsAsync(payment.InvoiceId, cancellationToken).ConfigureAwait(false)).Last(p => p.Reference == payment.Reference);
        }

        /// <summary>Removes the payment row and takes its amount off the header, in one transaction.</summary>
        public async Task RemoveAsync(HaloInvoicePayment payment, CancellationToken cancellationToken)
        {
            using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(transaction, HaloSqlInvoiceTemplates.DeletePayment, payment, payment.Id, cancellationToken).ConfigureAwait(false);
            var removed = new HaloInvoicePayment { InvoiceId = payment.InvoiceId, Amount = -payment.Amount, Date = payment.Date };
            await ExecuteAsync(transaction, HaloSqlInvoiceTemplates.ApplyPayment, removed, 0, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
        }

        /// <summary>Adds invoices to an embedded database (seeding, in the seed's transaction).</summary>
        public static async Task SeedAsync(DatabaseTransaction transaction, IEnumerable<HaloInvoice> invoices, CancellationToken cancellationToken)
        {
            foreach (var invoice in invoices)
            {
                using var command = transaction.CreateCommand(HaloSqlInvoiceTemplates.SeedInvoice, LiteralSqlNames.Instance);
                var d = transaction.Dialect;
                d.AddParameter(command, "@id", SqlValueKind.Integer, invoice.Id);
                d.AddParameter(command, "@number", SqlValueKind.Text, invoice.InvoiceNumber);
                d.AddParameter(command, "@clientId", SqlValueKind.Integer, invoice.ClientId);
                d.AddParameter(command, "@siteId", SqlValueKind.Integer, invoice.SiteId);
                d.AddParameter(command, "@userId", SqlValueKind.Integer, invoice.UserId);
                d.AddParameter(command, "@invoiceDate", SqlValueKind.DateTime, invoice.InvoiceDate);
                d.AddParameter(command, "@dueDate", SqlValueKind.DateTime, invoice.DueDate);
                d.AddParameter(command, "@posted", SqlValueKind.Boolean, invoice.Posted);
                d.AddParameter(command, "@voided", SqlValueKind.Boolean, invoice.Voided);
                d.AddParameter(command, "@currency", SqlValueKind.Text, invoice.Currency);
                d.AddParameter(command, "@due", SqlValueKind.Decimal, invoice.Total - invoice.AmountPaid);
                d.AddParameter(command, "@paid", SqlValueKind.Decimal, invoice.AmountPaid);
                await transaction.GuardAsync("seeding invoice " + invoice.InvoiceNumber, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        string ISqlNames.Table(string table) => tables.TryGetValue(table, out var found) ? found.Name : halo.Table(table);

        string ISqlNames.Column(string table, string column) => Column(table, column);

        private string Column(string table, string column) =>
            tables.TryGetValue(table, out var found) ? found.Find(column)?.Name ?? column : halo.Column(table, column);

        private async Task<int> NextPaymentIdAsync(DatabaseTransaction transaction, CancellationToken cancellationToken)
        {
            using var command = transaction.CreateCommand(HaloSqlTemplates.SelectMaxIdLocked, this, new Dictionary<string, string>
            {
                ["idColumn"] = database.Dialect.QuoteIdentifier(Column(Payment, "IPid")),
                ["table"] = database.Dialect.QuoteTable(tables[Payment].Name),
            });
            var max = await transaction.GuardAsync("allocating an InvoicePayment id", () => command.ExecuteScalarAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            return Convert.ToInt32(max, CultureInfo.InvariantCulture) + 1;
        }

        private async Task ExecuteAsync(DatabaseTransaction transaction, SqlTemplate template, HaloInvoicePayment payment, int id, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? slots = null)
        {
            using var command = transaction.CreateCommand(template, this, slots);
            var dialect = database.Dialect;
            dialect.AddParameter(command, "@id", SqlValueKind.Integer, id);
            dialect.AddParameter(command, "@invoiceId", SqlValueKind.Integer, payment.InvoiceId);
            dialect.AddParameter(command, "@amount", SqlValueKind.Decimal, payment.Amount);
            dialect.AddParameter(command, "@date", SqlValueKind.DateTime, payment.Date.Date);
            dialect.AddParameter(command, "@reference", SqlValueKind.Text, payment.Reference, 100);
            await transaction.GuardAsync(template.Name, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        private Dictionary<string, string> ReadSlots()
        {
            var quote = (Func<string, string>)database.Dialect.QuoteIdentifier;
            var header = tables[Header];
            var currencies = tables.TryGetValue(Currency, out var c) && c.Has("CName") ? c : null;
            var home = currencies is not null && currencies.Has("Crate")
                ? "(SELECT MIN(hc." + quote(currencies.Get("CName").Name) + ") FROM " + database.Dialect.QuoteTable(currencies.Name) + " hc WHERE hc." + quote(currencies.Get("Crate").Name) + " = 1)"
                : "NULL";
            var joined = currencies is not null && currencies.Has("Cid") && header.Has("IHCurrencyCode");
            return new Dictionary<string, string>
            {
                ["number"] = header.Has("IHInvoiceNumber") ? "h." + quote(header.Get("IHInvoiceNumber").Name) : "NULL",
                ["user"] = header.Has("IHuid") ? "h." + quote(header.Get("IHuid").Name) : "NULL",
                ["currency"] = joined ? "COALESCE(cur." + quote(currencies!.Get("CName").Name) + ", " + home + ")" : home,
                ["currencyJoin"] = joined
                    ? " LEFT JOIN " + database.Dialect.QuoteTable(currencies!.Name) + " cur ON cur." + quote(currencies.Get("Cid").Name) + " = h." + quote(header.Get("IHCurrencyCode").Name)
                    : string.Empty,
            };
        }

        private static HaloInvoice Map(DbDataReader r)
        {
            var id = SqlReaderValues.Int(r, 0);
            var due = Money(r, 11);
            var paid = Money(r, 12);
            return new HaloInvoice
            {
                Id = id,
                InvoiceNumber = SqlReaderValues.Text(r, 1) ?? id.ToString(CultureInfo.InvariantCulture),
                ClientId = SqlReaderValues.Int(r, 2),
                ClientName = SqlReaderValues.Text(r, 3) ?? string.Empty,
                SiteId = r.IsDBNull(4) ? 0 : SqlReaderValues.Int(r, 4),
                UserId = r.IsDBNull(5) ? 0 : SqlReaderValues.Int(r, 5),
                Posted = SqlReaderValues.Int(r, 6) != 0,
                Voided = !r.IsDBNull(7) && SqlReaderValues.Int(r, 7) != 0,
                InvoiceDate = r.IsDBNull(8) ? DateTime.MinValue : r.GetDateTime(8),
                DueDate = r.IsDBNull(9) ? (DateTime?)null : r.GetDateTime(9),
                Currency = IsoCode(SqlReaderValues.Text(r, 10)),
                AmountDue = due,
                AmountPaid = paid,
                // MCP (HALO-INVOICES.md sources): an invoice's total is IHAmountDue + IHAmountPaid.
                Total = due + paid,
            };
        }

        private static string? IsoCode(string? name) =>
            name?.Trim() is { Length: 3 } code && code.All(char.IsLetter) ? code.ToUpperInvariant() : null;

        private static decimal Money(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0m : reader.GetDecimal(ordinal);
    }
}
