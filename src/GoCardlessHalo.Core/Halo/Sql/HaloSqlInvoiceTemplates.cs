// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// The statements on Halo's invoice tables (src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md §4): INVOICEHEADER joined to
    /// AREA on IHaarea = Aarea as Halo's own invoice reports do, InvoicePayment by IPIHid. Slots fill in the columns marked
    /// [I] there when this database has them, and NULL when not ({=number}, {=user}, {=currency}, {=currencyJoin}).
    /// </summary>
    internal static class HaloSqlInvoiceTemplates
    {
        public static readonly SqlTemplate SelectInvoices = new SqlTemplate(
            nameof(SelectInvoices),
            "SELECT h.{INVOICEHEADER.ihid}, {=number}, h.{INVOICEHEADER.IHaarea}, a.{AREA.aareadesc}, h.{INVOICEHEADER.IHsitenumber}, {=user},"
            + " h.{INVOICEHEADER.IHposted}, h.{INVOICEHEADER.IHvoided}, h.{INVOICEHEADER.IHInvoice_Date}, h.{INVOICEHEADER.IHDue_Date},"
            + " {=currency}, h.{INVOICEHEADER.IHAmountDue}, h.{INVOICEHEADER.IHAmountPaid}"
            + " FROM {INVOICEHEADER} h LEFT JOIN {AREA} a ON a.{AREA.Aarea} = h.{INVOICEHEADER.IHaarea}{=currencyJoin}"
            + " WHERE h.{INVOICEHEADER.IHposted} = 1 AND (@clientId IS NULL OR h.{INVOICEHEADER.IHaarea} = @clientId)"
            + " ORDER BY h.{INVOICEHEADER.ihid}");

        public static readonly SqlTemplate SelectPayments = new SqlTemplate(
            nameof(SelectPayments),
            "SELECT p.{InvoicePayment.IPid}, p.{InvoicePayment.IPIHid}, p.{InvoicePayment.IPAmount}, p.{InvoicePayment.IPDate}, p.{InvoicePayment.IPReference}"
            + " FROM {InvoicePayment} p WHERE p.{InvoicePayment.IPIHid} = @invoiceId ORDER BY p.{InvoicePayment.IPid}");

        /// <summary>{=idColumn}/{=idValue}: IPid and its value where Halo allocates it, empty where the database does (IDENTITY).</summary>
        public static readonly SqlTemplate InsertInvoicePayment = new SqlTemplate(
            nameof(InsertInvoicePayment),
            "INSERT INTO {InvoicePayment} ({=idColumn}{InvoicePayment.IPIHid}, {InvoicePayment.IPAmount}, {InvoicePayment.IPDate}, {InvoicePayment.IPReference}{=thirdParty})"
            + " VALUES ({=idValue}@invoiceId, @amount, @date, @reference{=thirdPartyValue})");

        public static readonly SqlTemplate DeletePayment = new SqlTemplate(
            nameof(DeletePayment),
            "DELETE FROM {InvoicePayment} WHERE {InvoicePayment.IPid} = @id AND {InvoicePayment.IPIHid} = @invoiceId");

        /// <summary>What Halo does to the header when a payment is recorded (+@amount) or removed (−@amount), done in the same transaction.</summary>
        public static readonly SqlTemplate ApplyPayment = new SqlTemplate(
            nameof(ApplyPayment),
            "UPDATE {INVOICEHEADER} SET {INVOICEHEADER.IHAmountPaid} = {INVOICEHEADER.IHAmountPaid} + @amount,"
            + " {INVOICEHEADER.IHAmountDue} = {INVOICEHEADER.IHAmountDue} - @amount,"
            + " {INVOICEHEADER.ihdatepaid} = CASE WHEN {INVOICEHEADER.IHAmountDue} - @amount <= 0 THEN @date ELSE NULL END"
            + " WHERE {INVOICEHEADER.ihid} = @invoiceId");

        /// <summary>An invoice for the embedded database only (seeding): its currency by ISO code, its total as what is due less what is paid.</summary>
        public static readonly SqlTemplate SeedInvoice = new SqlTemplate(
            nameof(SeedInvoice),
            null,
            "INSERT INTO INVOICEHEADER (ihid, IHInvoiceNumber, IHaarea, IHsitenumber, IHuid, IHInvoice_Date, IHDue_Date, IHposted, IHvoided, IHCurrencyCode,"
            + " IHAmountDue, IHAmountPaid) VALUES (@id, @number, @clientId, @siteId, @userId, @invoiceDate, @dueDate, @posted, @voided,"
            + " (SELECT Cid FROM CURRENCY WHERE CName = @currency), @due, @paid)");
    }
}
