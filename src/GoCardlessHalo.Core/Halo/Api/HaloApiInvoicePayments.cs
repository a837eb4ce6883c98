// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Invoices;

namespace GoCardlessHalo.Core.Halo.Api
{
    /// <summary>
    /// Payments against invoices through /api/InvoicePayment (src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md §3): list by
    /// invoice_id, create with a POST of a one-element array (the body's field names are [I]), remove with DELETE.
    /// </summary>
    internal sealed class HaloApiInvoicePayments
    {
        private readonly HaloApiConnection _connection;
        private readonly int _pageSize;

        public HaloApiInvoicePayments(HaloApiConnection connection, int pageSize)
        {
            _connection = connection;
            _pageSize = pageSize;
        }

        public async Task<IReadOnlyList<HaloInvoicePayment>> ForInvoiceAsync(int invoiceId, CancellationToken cancellationToken)
        {
            var filters = new[] { new KeyValuePair<string, string>("invoice_id", invoiceId.ToString(CultureInfo.InvariantCulture)) };
            var payments = new List<HaloInvoicePayment>();
            await foreach (var json in HaloPager.ReadAsync(_connection, "/api/InvoicePayment", "invoicepayments", filters, _pageSize, cancellationToken).ConfigureAwait(false))
            {
                var payment = Map(json);
                // A Halo that ignores the filter must not lend another invoice's payment to this one.
                if (payment.InvoiceId == invoiceId)
                {
                    payments.Add(payment);
                }
            }

            return payments;
        }

        public async Task<HaloInvoicePayment> RecordAsync(HaloInvoicePayment payment, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new[]
            {
                new Dictionary<string, object?>
                {
                    ["invoice_id"] = payment.InvoiceId,
                    ["amount"] = payment.Amount,
                    ["date"] = payment.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["reference"] = payment.Reference,
                    ["thirdparty_id"] = payment.Reference,
                },
            });
            using var answer = await _connection.PostJsonAsync("/api/InvoicePayment", body, cancellationToken).ConfigureAwait(false);
            var saved = answer.RootElement.ValueKind == JsonValueKind.Array ? answer.RootElement.EnumerateArray().FirstOrDefault() : answer.RootElement;
            return saved.ValueKind == JsonValueKind.Object ? Map(saved) : payment;
        }

        public async Task RemoveAsync(HaloInvoicePayment payment, CancellationToken cancellationToken) =>
            await _connection.SendAsync(HttpMethod.Delete, _connection.Resolve("/api/InvoicePayment/" + payment.Id.ToString(CultureInfo.InvariantCulture)), null,
                authenticated: true, tokenRequest: false, cancellationToken).ConfigureAwait(false);

        private static HaloInvoicePayment Map(JsonElement json) => new HaloInvoicePayment
        {
            Id = HaloJson.Int(json, "id"),
            InvoiceId = HaloJson.Int(json, "invoice_id"),
            Amount = HaloApiInvoiceReader.Money(json, "amount"),
            Date = HaloApiInvoiceReader.Date(json, "date") ?? default,
            Reference = HaloJson.String(json, "reference"),
        };
    }
}
