// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;

namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>
    /// What collection asks of a Halo target beyond <see cref="IHaloTarget"/>: its invoices. A capability, asked of
    /// the target through <see cref="HaloInvoices.Of"/>, so the sync's contract stays as it is and a target that cannot
    /// read invoices says so clearly instead of being cast to a concrete class.
    /// </summary>
    public interface IHaloInvoices
    {
        /// <summary>Posted invoices matching <paramref name="query"/>, in id order, voided ones included and flagged.</summary>
        IAsyncEnumerable<HaloInvoice> GetInvoicesAsync(HaloInvoiceQuery query, CancellationToken cancellationToken);

        /// <summary>The payments recorded against one invoice (read back before recording, so nothing is recorded twice).</summary>
        Task<IReadOnlyList<HaloInvoicePayment>> GetPaymentsAsync(int invoiceId, CancellationToken cancellationToken);

        /// <summary>Records a payment against an invoice; Halo then counts it paid (HALO-INVOICES.md §3).</summary>
        Task<HaloInvoicePayment> RecordPaymentAsync(HaloInvoicePayment payment, CancellationToken cancellationToken);

        /// <summary>Removes a recorded payment (a collection that failed later): the invoice is unpaid again.</summary>
        Task RemovePaymentAsync(HaloInvoicePayment payment, CancellationToken cancellationToken);
    }

    /// <summary>A payment recorded against a Halo invoice (api/InvoicePayment; table InvoicePayment, HALO-INVOICES.md §3–4).</summary>
    public sealed class HaloInvoicePayment
    {
        /// <summary>Halo's id for the payment record (IPid); 0 before it is recorded.</summary>
        public int Id { get; set; }

        /// <summary>The invoice (IPIHid / invoice_id).</summary>
        public int InvoiceId { get; set; }

        /// <summary>Amount, major units.</summary>
        public decimal Amount { get; set; }

        /// <summary>Payment date.</summary>
        public DateTime Date { get; set; }

        /// <summary>The reference (IPReference): the GoCardless payment id, for payments the module records.</summary>
        public string? Reference { get; set; }
    }

    /// <summary>Which invoices to read. Every filter is optional.</summary>
    public sealed class HaloInvoiceQuery
    {
        /// <summary>Only this customer's invoices.</summary>
        public int? ClientId { get; set; }

        /// <summary>Only these invoices.</summary>
        public IReadOnlyCollection<int>? InvoiceIds { get; set; }
    }

    /// <summary>Asks a target for its invoices.</summary>
    public static class HaloInvoices
    {
        /// <summary>The target's invoices, or a <see cref="GcHaloException"/> naming the target that has none.</summary>
        public static IHaloInvoices Of(IHaloTarget target) =>
            target as IHaloInvoices
            ?? throw new GcHaloException(ErrorIds.HaloInvoicesNotSupported, ErrorKind.NotSupported,
                $"The Halo target at {target.Location} cannot read invoices; use the Halo API target (Enable-GcModule -HaloUrl ...) or Halo's database.", target.Kind);
    }
}
