// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Invoices through /api/Invoice (src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md §1–2): the list with <c>postedonly=true</c> (and
    /// <c>client_id</c>), or one GET per id. Amounts are read as JSON decimals, never as doubles.
    /// </summary>
    internal sealed class HaloApiInvoiceReader
    {
        // Only symbols that name one currency; "$" and "kr" are shared and therefore not trusted (Invoices/HALO-INVOICES.md §2, [I]).
        private static readonly Dictionary<string, string> UnambiguousSymbols = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["£"] = "GBP",
            ["€"] = "EUR",
        };

        private readonly HaloApiConnection _connection;
        private readonly int _pageSize;

        public HaloApiInvoiceReader(HaloApiConnection connection, int pageSize)
        {
            _connection = connection;
            _pageSize = pageSize;
        }

        public async IAsyncEnumerable<HaloInvoice> ReadAsync(HaloInvoiceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query.InvoiceIds is { } ids)
            {
                foreach (var id in ids.Distinct().OrderBy(i => i))
                {
                    using var document = await _connection.GetJsonAsync("/api/Invoice/" + id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                    var invoice = Map(document.RootElement);
                    if (query.ClientId is not { } client || invoice.ClientId == client)
                    {
                        yield return invoice;
                    }
                }

                yield break;
            }

            var filters = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("postedonly", "true") };
            if (query.ClientId is { } clientId)
            {
                filters.Add(new KeyValuePair<string, string>("client_id", clientId.ToString(CultureInfo.InvariantCulture)));
            }

            await foreach (var json in HaloPager.ReadAsync(_connection, "/api/Invoice", "invoices", filters, _pageSize, cancellationToken).ConfigureAwait(false))
            {
                yield return Map(json);
            }
        }

        internal static HaloInvoice Map(JsonElement json) => new HaloInvoice
        {
            Id = HaloJson.Int(json, "id"),
            InvoiceNumber = HaloJson.String(json, "invoicenumber") ?? string.Empty,
            ClientId = HaloJson.Int(json, "client_id"),
            ClientName = HaloJson.String(json, "client_name") ?? string.Empty,
            SiteId = HaloJson.Int(json, "sitenumber"),
            UserId = HaloJson.Int(json, "uid"),
            Posted = HaloJson.Bool(json, "posted"),
            Voided = HaloJson.Bool(json, "voided"),
            InvoiceDate = Date(json, "invoice_date") ?? DateTime.MinValue,
            DueDate = Date(json, "duedate"),
            Currency = Currency(json),
            Total = Money(json, "total"),
            AmountDue = Money(json, "amountdue"),
            AmountPaid = Money(json, "amountpaid"),
        };

        /// <summary>currency_code_name when it is an ISO code, else an unambiguous symbol, else unknown (Invoices/HALO-INVOICES.md §2, [I]).</summary>
        private static string? Currency(JsonElement json)
        {
            var name = HaloJson.String(json, "currency_code_name")?.Trim();
            if (name is { Length: 3 } && name.All(c => c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'))
            {
                return name.ToUpperInvariant();
            }

            return HaloJson.String(json, "currency")?.Trim() is { } symbol && UnambiguousSymbols.TryGetValue(symbol, out var code) ? code : null;
        }

        internal static decimal Money(JsonElement json, string name)
        {
            if (!(HaloJson.Property(json, name) is { } value))
            {
                return 0m;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            return value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0m;
        }

        internal static DateTime? Date(JsonElement json, string name) =>
            HaloJson.String(json, name) is { Length: > 0 } text
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : (DateTime?)null;
    }
}
