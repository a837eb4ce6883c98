// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Threading;
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
                $"The Halo target at {target.Location} cannot read invoices; in this version only the Halo API target reads invoices (Enable-GcModule -HaloUrl ...).", target.Kind);
    }
}
