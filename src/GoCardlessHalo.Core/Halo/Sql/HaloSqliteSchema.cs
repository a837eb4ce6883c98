// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo.Sql
{
    /// <summary>
    /// The embedded database's copy of Halo's tables: the subset the module uses, with Halo's names, SQL Server
    /// type names, NOT NULL flags and defaults (the SQL Server script docs/schema.sql of https://github.com/provisiondata/ProvisionData.HaloPSA.ApiClient), so everything that works here meets
    /// the same shape on a real Halo database. Differences SQLite forces: nvarchar(max) is written nvarchar, and
    /// FieldData.fdId, Halo's IDENTITY, is SQLite's INTEGER PRIMARY KEY AUTOINCREMENT.
    /// </summary>
    internal static class HaloSqliteSchema
    {
        public static readonly IReadOnlyList<SqlTemplate> Statements = new[]
        {
            Embedded("EmbeddedCreateArea", @"CREATE TABLE IF NOT EXISTS AREA (
                Aarea int NOT NULL CONSTRAINT aaaaaArea_PK1 PRIMARY KEY,
                aareadesc nvarchar(4000) NULL,
                AIsInactive bit NOT NULL DEFAULT 0,
                Atreeid int NULL,
                aaccountsid nvarchar(50) NULL,
                adatecreated datetime NULL,
                ALastUpdate datetime NULL,
                Achangeseq int NULL)"),
            Embedded("EmbeddedCreateSite", @"CREATE TABLE IF NOT EXISTS SITE (
                Ssitenum int NOT NULL CONSTRAINT aaaaaSite_PK1 PRIMARY KEY,
                sdesc nvarchar(255) NULL,
                Sarea float NULL,
                SIsInvoiceSite bit NOT NULL DEFAULT 0,
                SIsInactive bit NOT NULL DEFAULT 0,
                SPhoneNumber nvarchar(50) NULL,
                SGUID nvarchar(50) NOT NULL DEFAULT '',
                sdatecreated datetime NULL,
                SLastUpdate datetime NULL,
                Schangeseq int NULL)"),
            Embedded("EmbeddedCreateUsers", @"CREATE TABLE IF NOT EXISTS USERS (
                Uid int NOT NULL CONSTRAINT PK_UID_1101 PRIMARY KEY,
                Usite float NOT NULL,
                uusername nvarchar(255) NOT NULL,
                uFirstName nvarchar(200) NULL,
                uLastName nvarchar(200) NULL,
                UTitle nvarchar(100) NULL,
                uemail nvarchar(255) NULL,
                uemail2 nvarchar(255) NULL,
                uemail3 nvarchar(255) NULL,
                uextn nvarchar(50) NULL,
                umobile nvarchar(50) NULL,
                umobile2 nvarchar(50) NULL,
                utelhome nvarchar(50) NULL,
                ufax nvarchar(50) NULL,
                Ulogin nvarchar(255) NULL,
                Unotes ntext NULL,
                uother1 nvarchar(255) NULL,
                uother2 nvarchar(255) NULL,
                uother3 nvarchar(255) NULL,
                uother4 nvarchar(255) NULL,
                uother5 nvarchar(255) NULL,
                uinactive bit NOT NULL DEFAULT 0,
                uarea int NULL,
                udatecreated datetime NULL,
                ULastUpdate datetime NULL,
                Uchangeseq int NULL,
                UImportType int NOT NULL DEFAULT 0,
                USnowID int NOT NULL DEFAULT -1)"),
            Embedded("EmbeddedCreateFieldInfo", @"CREATE TABLE IF NOT EXISTS FIELDINFO (
                FIid int NOT NULL PRIMARY KEY,
                FIName nvarchar(64) NULL,
                FILabel nvarchar(255) NULL,
                FIHint nvarchar(1000) NULL,
                FIType int NOT NULL DEFAULT 0,
                FIInputType int NOT NULL DEFAULT 0,
                FIusage int NOT NULL DEFAULT 0,
                FICustom int NULL,
                FICharacterLimit int NULL,
                FIDefaultValue nvarchar(1000) NULL,
                FIsearchable bit NOT NULL DEFAULT 0,
                FIUserSearchable bit NOT NULL DEFAULT 0,
                FIGUID nvarchar(50) NULL,
                finewstoragemethod bit NOT NULL DEFAULT 0,
                fiStoreInFieldData bit NOT NULL DEFAULT 0,
                FIChangeSeq int NULL)"),
            Embedded("EmbeddedCreateFieldData", @"CREATE TABLE IF NOT EXISTS FieldData (
                fdId INTEGER PRIMARY KEY AUTOINCREMENT,
                fdUsage int NOT NULL,
                fdFieldId int NOT NULL,
                fdEntityId int NOT NULL,
                fdValueInt bigint NULL,
                fdValueDouble float NULL,
                fdValueString nvarchar NULL,
                fdValueLookupId int NULL,
                fdValueLookupDisplay nvarchar(1000) NULL,
                fdValueDateTime datetime NULL,
                fdValueBool bit NULL,
                fdValuePlain nvarchar NULL,
                fdDisplay nvarchar(1000) NULL,
                fdLastUpdated datetime NULL)"),

            // Halo's per-integration integrator settings (Control.cs in https://github.com/Angelic-Software/angelic), so the health check's MODULESETUP read
            // has something to read here too. The names are Halo's; the column types are a guess (that schema script's
            // definition was not recorded), and no rows are created: what Halo's own GoCardless row looks like is
            // not known.
            Embedded("EmbeddedCreateModuleSetup", @"CREATE TABLE IF NOT EXISTS MODULESETUP (
                MSid int NOT NULL PRIMARY KEY,
                MSName nvarchar(100) NULL,
                MSHaloIntegratorEnabled bit NOT NULL DEFAULT 0,
                MSHaloIntegratorLastSync datetime NULL,
                MSHaloIntegratorLastError nvarchar NULL)"),

            // Halo's own GoCardless integration settings (ProvisionData's docs/schema.sql: Control4's rgocardless* columns with
            // their defaults, one row as Halo keeps it; IntegrationFieldMapping's IFM* columns), so Import-GcHaloIntegrationSetting
            // reads the same shape here as on a Halo SQL Server. Column types are a guess, as for MODULESETUP above.
            Embedded("EmbeddedCreateControl4", @"CREATE TABLE IF NOT EXISTS Control4 (
                rgocardlesscompanynamematching bit NOT NULL DEFAULT 0,
                rgocardlessdefaultsite int NOT NULL DEFAULT 1,
                rgocardlessusesandbox bit NOT NULL DEFAULT 0)"),
            Embedded("EmbeddedSeedControl4", "INSERT INTO Control4 (rgocardlessdefaultsite) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM Control4)"),
            Embedded("EmbeddedCreateIntegrationFieldMapping", @"CREATE TABLE IF NOT EXISTS IntegrationFieldMapping (
                IFMid INTEGER PRIMARY KEY,
                IFMfiid int NULL,
                IFMfiname nvarchar(100) NULL,
                IFMThirdPartyName nvarchar(255) NULL,
                IFMmsid int NULL,
                IFMDontUpdate bit NOT NULL DEFAULT 0)"),
            // Invoices (src/GoCardlessHalo.Core/Invoices/HALO-INVOICES.md §4). Verified names: INVOICEHEADER's ihid, IHaarea,
            // IHsitenumber, IHInvoice_Date, IHDue_Date, IHAmountPaid, IHAmountDue, ihdatepaid, IHposted, IHvoided, IHreference;
            // INVOICEDETAIL's IDid, IDihid, IDitem_Shortdescription, IDunit_Price, IDqty_Order, IDNet_Amount; InvoicePayment's
            // IPid, IPIHid, IPAmount, IPDate, IPReference, IPMethod, IPStatus, IPMSID, ipthirdpartyid; CURRENCY's CName, Crate.
            // Inferred [I] (no source names them): IHInvoiceNumber, IHuid, IHCurrencyCode, IHPaymentStatus, IHPayment_Ref,
            // CURRENCY.Cid, IPid as IDENTITY; and every type here (money as Halo's money columns presumably are).
            Embedded("EmbeddedCreateInvoiceHeader", @"CREATE TABLE IF NOT EXISTS INVOICEHEADER (
                ihid int NOT NULL PRIMARY KEY,
                IHInvoiceNumber nvarchar(50) NULL,
                IHaarea int NOT NULL,
                IHsitenumber int NULL,
                IHuid int NULL,
                IHInvoice_Date datetime NULL,
                IHDue_Date datetime NULL,
                IHposted bit NOT NULL DEFAULT 0,
                IHvoided bit NOT NULL DEFAULT 0,
                IHCurrencyCode int NULL,
                IHAmountDue money NOT NULL DEFAULT 0,
                IHAmountPaid money NOT NULL DEFAULT 0,
                ihdatepaid datetime NULL,
                IHPaymentStatus int NULL,
                IHPayment_Ref nvarchar(100) NULL,
                IHreference nvarchar(100) NULL,
                ihdatecreated datetime NULL,
                IHlast_Modified datetime NULL)"),
            Embedded("EmbeddedCreateInvoiceDetail", @"CREATE TABLE IF NOT EXISTS INVOICEDETAIL (
                IDid INTEGER PRIMARY KEY AUTOINCREMENT,
                IDihid int NOT NULL,
                IDitem_Shortdescription nvarchar(255) NULL,
                IDunit_Price money NULL,
                IDqty_Order float NULL,
                IDNet_Amount money NULL)"),
            Embedded("EmbeddedCreateInvoicePayment", @"CREATE TABLE IF NOT EXISTS InvoicePayment (
                IPid INTEGER PRIMARY KEY AUTOINCREMENT,
                IPIHid int NOT NULL,
                IPAmount money NOT NULL,
                IPDate datetime NULL,
                IPReference nvarchar(100) NULL,
                IPMethod int NULL,
                IPStatus int NULL,
                IPMSID int NULL,
                ipthirdpartyid nvarchar(100) NULL)"),
            Embedded("EmbeddedCreateCurrency", @"CREATE TABLE IF NOT EXISTS CURRENCY (
                Cid int NOT NULL PRIMARY KEY,
                CName nvarchar(50) NULL,
                Crate float NULL)"),
            // Halo has a home currency (Crate = 1); the embedded one bills in GBP and knows EUR and USD. Names are ISO codes here.
            Embedded("EmbeddedSeedCurrencies", "INSERT OR IGNORE INTO CURRENCY (Cid, CName, Crate) VALUES (1, 'GBP', 1), (2, 'EUR', NULL), (3, 'USD', NULL)"),
            // Tickets (src/GoCardlessHalo.Core/Invoices/HALO-TICKETS.md §3), for the failed-collection tickets. Verified names (Halo's
            // report SQL): faultid, symptom, symptom2, areaint, sitenumber, userid, username, requesttypenew, dateoccured, status,
            // fdeleted, fmergedintofaultid. Inferred [I]: every type, and faultid allocated by Halo (MAX + 1) rather than IDENTITY.
            Embedded("EmbeddedCreateFaults", @"CREATE TABLE IF NOT EXISTS FAULTS (
                faultid int NOT NULL PRIMARY KEY,
                symptom nvarchar(255) NOT NULL,
                symptom2 ntext NULL,
                areaint int NOT NULL,
                sitenumber int NULL,
                userid int NULL,
                username nvarchar(255) NULL,
                requesttypenew int NULL,
                status int NOT NULL DEFAULT 1,
                dateoccured datetime NOT NULL,
                fdeleted bit NOT NULL DEFAULT 0,
                fmergedintofaultid int NOT NULL DEFAULT 0)"),
            Embedded("EmbeddedCreateIXFaultsArea", "CREATE INDEX IF NOT EXISTS IX_FAULTS_areaint ON FAULTS (areaint)"),
            Embedded("EmbeddedCreateIXInvoicePayment", "CREATE INDEX IF NOT EXISTS IX_InvoicePayment_Invoice ON InvoicePayment (IPIHid)"),

            // That schema script scripted no secondary indexes; these serve the per-user join and link lookups, which a
            // real Halo database presumably indexes too.
            Embedded("EmbeddedCreateIXFieldDataEntity", "CREATE INDEX IF NOT EXISTS IX_FieldData_Entity ON FieldData (fdUsage, fdEntityId, fdFieldId)"),
            Embedded("EmbeddedCreateIXFieldDataValue", "CREATE INDEX IF NOT EXISTS IX_FieldData_Value ON FieldData (fdFieldId, fdValueString)"),
            Embedded("EmbeddedCreateIXUSERSUsite", "CREATE INDEX IF NOT EXISTS IX_USERS_Usite ON USERS (Usite)"),
            Embedded("EmbeddedCreateIXSITESarea", "CREATE INDEX IF NOT EXISTS IX_SITE_Sarea ON SITE (Sarea)"),
        };

        /// <summary>Write-ahead logging: readers never block the writer, and a crash cannot leave a half-written batch.</summary>
        public static readonly SqlTemplate UseWriteAheadLog = Embedded(nameof(UseWriteAheadLog), "PRAGMA journal_mode=WAL");

        // SQLite only: the module never creates Halo's own tables on SQL Server.
        private static SqlTemplate Embedded(string name, string sqlite) => new SqlTemplate(name, null, sqlite);
    }
}
