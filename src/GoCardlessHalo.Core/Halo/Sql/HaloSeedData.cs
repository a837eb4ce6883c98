// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// Rows to put into an embedded Halo database: customers, sites, User custom fields and users (with their
    /// custom field values), all with the ids given. Used by the demo and by tests.
    /// </summary>
    public sealed class HaloSeedData
    {
        /// <summary>Customers (AREA rows).</summary>
        public List<HaloClient> Clients { get; } = new List<HaloClient>();

        /// <summary>Sites (SITE rows); <see cref="HaloSite.ClientId"/> must name a customer.</summary>
        public List<HaloSite> Sites { get; } = new List<HaloSite>();

        /// <summary>Custom field definitions (FIELDINFO rows); values are stored in FieldData.</summary>
        public List<HaloFieldDefinition> Fields { get; } = new List<HaloFieldDefinition>();

        /// <summary>
        /// Users (USERS rows) with <see cref="HaloUser.SiteId"/>; an <see cref="HaloUser.Id"/> of 0 takes the next
        /// free id. Custom field values must name fields of <see cref="Fields"/> or of the database.
        /// </summary>
        public List<HaloUser> Users { get; } = new List<HaloUser>();

        /// <summary>Invoices (Total and AmountPaid set; what is due follows), written to INVOICEHEADER.</summary>
        public List<Invoices.HaloInvoice> Invoices { get; } = new List<Invoices.HaloInvoice>();

        /// <summary>
        /// What a new embedded database starts with: the "Unassigned Customers" customer and its "Default Site"
        /// (id 1, Halo's own default for the GoCardless Default Site setting), so an import has somewhere to go.
        /// </summary>
        public static HaloSeedData DefaultSiteOnly()
        {
            var data = new HaloSeedData();
            AddClient(data, 1, "Unassigned Customers", (1, "Default Site", true, false));
            return data;
        }

        /// <summary>
        /// A small Halo: an "Unassigned Customers" customer whose "Default Site" (id 1, Halo's default for the
        /// GoCardless Default Site setting) catches unmatched users, and four customers with an invoice site and
        /// a second site, one of them inactive.
        /// </summary>
        public static HaloSeedData Sample()
        {
            var data = DefaultSiteOnly();
            AddClient(data, 2, "Acme Widgets Ltd", (10, "Head Office", true, false), (11, "Leeds Warehouse", false, false));
            AddClient(data, 3, "Brightside Dental Practice", (20, "Main Surgery", true, false), (21, "Old Surgery", false, true));
            AddClient(data, 4, "Northwind Traders LLC", (30, "Accounts", true, false), (31, "Workshop", false, false));
            AddClient(data, 5, "Oakwood Veterinary Group", (40, "Reception", true, false), (41, "Branch Clinic", false, false));
            return data;
        }

        private static void AddClient(HaloSeedData data, int id, string name, params (int Id, string Name, bool Invoice, bool Inactive)[] sites)
        {
            data.Clients.Add(new HaloClient { Id = id, Name = name });
            foreach (var site in sites)
            {
                data.Sites.Add(new HaloSite
                {
                    Id = site.Id,
                    Name = site.Name,
                    ClientId = id,
                    ClientName = name,
                    IsInvoiceSite = site.Invoice,
                    Inactive = site.Inactive,
                });
            }
        }
    }
}
