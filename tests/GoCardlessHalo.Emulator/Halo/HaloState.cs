// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// The emulated Halo database. Not thread-safe by itself: <see cref="HaloStore"/> serialises every access.
/// </summary>
public sealed class HaloState
{
    public HaloTable<HaloClientRecord> Clients { get; } = new();

    public HaloTable<HaloSiteRecord> Sites { get; } = new();

    public HaloTable<HaloUserRecord> Users { get; } = new();

    public HaloTable<HaloFieldRecord> Fields { get; } = new();

    public HaloTable<HaloInvoiceRecord> Invoices { get; } = new();

    public HaloTable<HaloInvoicePaymentRecord> InvoicePayments { get; } = new();

    public HaloTable<HaloTicketRecord> Tickets { get; } = new();

    public HaloClientRecord? ClientOf(HaloSiteRecord site) => Clients.Find(site.ClientId);

    public HaloSiteRecord? SiteOf(HaloUserRecord user) => Sites.Find(user.SiteId);

    /// <summary>
    /// A client's main site: its invoice site (lowest id if several). Halo exposes it as main_site_id; the
    /// reference (§2.4) expects it to be the site flagged isinvoicesite.
    /// </summary>
    public HaloSiteRecord? MainSiteOf(int clientId) =>
        Sites.Rows.FirstOrDefault(s => s.ClientId == clientId && s.IsInvoiceSite);

    public void Clear()
    {
        Clients.Clear();
        Sites.Clear();
        Users.Clear();
        Fields.Clear();
        Invoices.Clear();
        InvoicePayments.Clear();
        Tickets.Clear();
    }
}
