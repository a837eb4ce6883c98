// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>
/// Every T-SQL statement the SQL Server dialect can send, rendered with awkward identifiers, parses without error.
/// Statements are found by reflection (every static SqlTemplate field of the engine), so a new one cannot be missed.
/// </summary>
public sealed class SqlServerStatementParseTests
{
    private static readonly SqlServerDialect Dialect = new(SqlOptions.ForSqlServer("Server=tcp:127.0.0.1,1;Database=Halo"));

    public static TheoryData<string> SqlServerTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var template in AllTemplates().Where(t => t.TextFor(SqlKind.SqlServer) != null))
        {
            data.Add(template.Name);
        }

        return data;
    }

    [Fact]
    public void The_catalogue_holds_every_kind_of_statement_the_target_sends()
    {
        var names = AllTemplates().Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var expected in new[] { "DiscoverColumns", "SelectUsers", "SelectUsersLinkedInColumn", "SelectMaxIdLocked", "InsertRow", "UpdateFieldData", "CreatePayment", "AcquireLock", "RecordApplied", "EmbeddedCreateUsers", "CreateMandate", "QueryPayments", "SelectPaymentsById", "UpdatePayment", "SelectLatestPayments", "GetRunLock", "ReleaseRunLock" })
        {
            Assert.Contains(expected, names);
        }

        var tsql = AllTemplates().Count(t => t.TextFor(SqlKind.SqlServer) != null);
        Assert.True(tsql >= 20, "expected at least 20 T-SQL statements, found " + tsql);
    }

    [Theory]
    [MemberData(nameof(SqlServerTemplates))]
    public void Every_tsql_statement_parses_without_errors(string name)
    {
        var template = AllTemplates().Single(t => t.Name == name);

        foreach (var slots in SlotVariants(template))
        {
            var sql = template.Render(Dialect, LiteralSqlNames.Instance, slots);
            foreach (var parser in Parsers())
            {
                Assert.True(Parse(parser, sql).Count == 0, name + " does not parse with " + parser.GetType().Name + ": " + string.Join("; ", Parse(parser, sql).Select(e => e.Message)) + "\n" + sql);
            }
        }
    }

    [Fact]
    public void The_migration_script_printed_for_whatif_parses_as_a_whole()
    {
        using var database = new SqlDatabase(SqlOptions.ForSqlServer("Server=tcp:127.0.0.1,1;Database=Halo"));

        var script = LedgerMigrations.Migrator(database).RenderScript(LedgerMigrations.All);

        Assert.Empty(Parse(new TSql160Parser(true), script));
        Assert.Contains("CREATE TABLE [dbo].[gch_payment]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parse_check_catches_a_broken_statement()
    {
        var broken = new SqlTemplate("Broken", "SELECT {=columns} FROM {USERS} WHERE", null);

        var sql = broken.Render(Dialect, LiteralSqlNames.Instance, SampleSlots());

        Assert.NotEmpty(Parse(new TSql160Parser(true), sql));
    }

    internal static IReadOnlyList<SqlTemplate> AllTemplates()
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var templates = new List<SqlTemplate>();
        var fields = typeof(SqlTemplate).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(statics))
            .Where(f => typeof(SqlTemplate).IsAssignableFrom(f.FieldType) || typeof(IEnumerable<SqlTemplate>).IsAssignableFrom(f.FieldType));
        foreach (var field in fields)
        {
            switch (field.GetValue(null))
            {
                case SqlTemplate template:
                    templates.Add(template);
                    break;
                case IEnumerable<SqlTemplate> list:
                    templates.AddRange(list);
                    break;
            }
        }

        return templates;
    }

    // Identifiers with a closing bracket and a space prove the quoting; empty optional lists are rendered too.
    private static IEnumerable<IReadOnlyDictionary<string, string>> SlotVariants(SqlTemplate template)
    {
        var full = SampleSlots();
        if (template.Name == "InsertInvoicePayment")
        {
            // There {=idColumn} is a column list prefix ("[IPid], ", or empty where the database allocates IPid).
            full["idColumn"] = Dialect.QuoteIdentifier("IPid") + ", ";
        }

        yield return full;
        var slots = template.SlotsFor(SqlKind.SqlServer);
        if (slots.Contains("legacyColumns") || slots.Contains("newStorage"))
        {
            yield return new Dictionary<string, string>(full) { ["legacyColumns"] = Dialect.TrailingColumns("u", Array.Empty<string>()), ["newStorage"] = "0" };
        }

        if (slots.Contains("optionalColumns"))
        {
            yield return new Dictionary<string, string>(full) { ["optionalColumns"] = Dialect.TrailingColumns("m", Array.Empty<string>()) };
        }
    }

    private static Dictionary<string, string> SampleSlots() => new()
    {
        ["table"] = Dialect.QuoteTable("USERS"),
        ["idColumn"] = Dialect.QuoteIdentifier("Uid"),
        ["columns"] = Dialect.ColumnList(new[] { "Uid", "CFOdd]Name", "uusername" }),
        ["values"] = SqlDialect.ParameterList(3),
        ["assignments"] = Dialect.AssignmentList(new[] { "uemail", "CFOdd]Name" }),
        ["legacyColumns"] = Dialect.TrailingColumns("u", new[] { "CFLegacy", "CFOdd]Name" }),
        ["linkColumn"] = Dialect.QuoteIdentifier("CFGoCardless Customer]Id"),
        ["newStorage"] = "f." + Dialect.QuoteIdentifier("finewstoragemethod"),
        ["optionalColumns"] = Dialect.TrailingColumns("m", new[] { "MSHaloIntegratorLastSync", "MSOdd]Error" }),
        // The invoice statements' optional columns (HaloSqlInvoices fills them with a column, or NULL and nothing).
        ["number"] = "h." + Dialect.QuoteIdentifier("IHInvoice]Number"),
        ["user"] = "NULL",
        ["currency"] = "NULL",
        ["currencyJoin"] = string.Empty,
        ["paymentIdColumn"] = Dialect.QuoteIdentifier("IPid") + ", ",
        ["paymentIdValue"] = "@id, ",
        ["thirdParty"] = ", " + Dialect.QuoteIdentifier("ipthirdpartyid"),
        ["thirdPartyValue"] = ", @thirdPartyId",
        ["moduleColumn"] = Dialect.QuoteIdentifier("IFMmsid"),
        ["modules"] = Dialect.QuoteTable("MODULESETUP"),
        ["moduleId"] = Dialect.QuoteIdentifier("MSid"),
        ["moduleName"] = Dialect.QuoteIdentifier("MSName"),
    };

    // SQL Server 2022 grammar, and SQL Server 2016 as a floor for older on-prem Halo installations.
    private static IEnumerable<TSqlParser> Parsers() => new TSqlParser[] { new TSql160Parser(true), new TSql130Parser(true) };

    private static IList<ParseError> Parse(TSqlParser parser, string sql)
    {
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
