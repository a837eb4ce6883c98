// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>Schema discovery: what is missing is listed at once; NOT NULL columns without defaults get safe values.</summary>
public sealed class HaloSqlSchemaTests : SqliteDatabaseTests
{
    [Fact]
    public async Task Opening_lists_every_missing_table_and_column_in_one_error()
    {
        var options = await Factory.CreateDatabaseAsync();
        await RawSqlite.ExecuteAsync(options, "DROP TABLE FieldData; ALTER TABLE USERS DROP COLUMN uemail; ALTER TABLE USERS DROP COLUMN uextn; ALTER TABLE SITE DROP COLUMN SIsInvoiceSite;");
        using var target = new HaloSqlTarget(options);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.HaloSchemaMissing, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        foreach (var missing in new[] { "table FieldData", "column USERS.uemail", "column USERS.uextn", "column SITE.SIsInvoiceSite" })
        {
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("USERS.uusername", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_null_columns_without_defaults_get_safe_values_on_insert()
    {
        var options = await Factory.CreateDatabaseAsync();
        await RawSqlite.ExecuteAsync(options, @"
            DROP TABLE USERS;
            CREATE TABLE USERS (
                Uid int NOT NULL PRIMARY KEY, Usite float NOT NULL, uusername nvarchar(255) NOT NULL,
                uFirstName nvarchar(200) NOT NULL, uLastName nvarchar(200) NULL, uemail nvarchar(255) NULL, uextn nvarchar(50) NULL,
                uinactive bit NOT NULL DEFAULT 0,
                UExtraInt int NOT NULL, UExtraText nvarchar(20) NOT NULL, UExtraDate datetime NOT NULL,
                UExtraGuid uniqueidentifier NOT NULL, UExtraFlag bit NOT NULL, UExtraMoney money NOT NULL,
                UWithDefault int NOT NULL DEFAULT 7);
            ALTER TABLE FieldData ADD COLUMN fdExtraNote nvarchar(10) NOT NULL DEFAULT 'x';");
        await SeedSitesAndLinkFieldAsync(options);
        using var target = new HaloSqlTarget(options);
        await target.OpenAsync(CancellationToken.None);

        var results = await target.WriteUsersAsync(
            new[] { LinkedUser("First Safe", "CU1"), new HaloUserWrite { SiteId = AcmeHeadOffice, Name = "Second Safe" } },
            CancellationToken.None);

        var rows = await RawSqlite.RowsAsync(options, "SELECT Uid, uFirstName, UExtraInt, UExtraText, UExtraDate, UExtraGuid, UExtraFlag, UExtraMoney, UWithDefault FROM USERS ORDER BY Uid");
        Assert.Equal(results.Select(r => (object)(long)r.UserId), rows.Select(r => r[0]));
        Assert.Equal("First", rows[0][1]);
        Assert.Equal(string.Empty, rows[1][1]);
        Assert.All(rows, row =>
        {
            Assert.Equal(0L, row[2]);
            Assert.Equal(string.Empty, row[3]);
            Assert.StartsWith("1900-01-01", (string)row[4]!, StringComparison.Ordinal);
            Assert.NotEqual(Guid.Empty, Guid.Parse((string)row[5]!));
            Assert.Equal(0L, row[6]);
            Assert.Equal(0L, Convert.ToInt64(row[7]));
            Assert.Equal(7L, row[8]);
        });
        Assert.NotEqual(rows[0][5], rows[1][5]);
        Assert.Equal("CU1", (await ReadAsync(target)).Single(u => u.Name == "First Safe").CustomFields[LinkField]);
    }

    [Fact]
    public async Task A_not_null_column_the_module_cannot_fill_is_reported_when_opening()
    {
        var options = await Factory.CreateDatabaseAsync();
        await RawSqlite.ExecuteAsync(options, "DROP TABLE USERS; CREATE TABLE USERS (Uid int NOT NULL PRIMARY KEY, Usite float NOT NULL, uusername nvarchar(255) NOT NULL,"
            + " uFirstName nvarchar(200), uLastName nvarchar(200), uemail nvarchar(255), uextn nvarchar(50), uinactive bit NOT NULL DEFAULT 0, UWhere geography NOT NULL);");
        using var target = new HaloSqlTarget(options);

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.HaloSchemaUnsupported, error.ErrorId);
        Assert.Contains("USERS.UWhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_column_sizes_the_api_target_checks_are_those_of_halos_schema()
    {
        var schema = string.Join("\n", HaloSqliteSchema.Statements.Select(t => t.TextFor(SqlKind.Sqlite)));

        Assert.Equal(5, HaloUserColumns.Checked.Length);
        foreach (var (column, maxLength, _) in HaloUserColumns.Checked)
        {
            Assert.Contains($"{column} nvarchar({maxLength}) ", schema, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_value_longer_than_its_column_is_refused_and_nothing_is_written()
    {
        using var target = await Factory.CreateAsync(HaloBehaviourSeed.Create());
        var tooLong = new HaloUserWrite { SiteId = AcmeHeadOffice, Name = new string('x', 256) };

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(new[] { LinkedUser("Fine User", "CU9"), tooLong }, CancellationToken.None));

        Assert.Equal(ErrorIds.HaloValueTooLong, error.ErrorId);
        Assert.Contains("uusername", error.Message, StringComparison.Ordinal);
        Assert.Contains("255", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await ReadAsync(target), u => u.Name == "Fine User");
    }

    [Fact]
    public async Task A_missing_database_file_and_an_unopened_target_fail_clearly()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gch-missing-" + Guid.NewGuid().ToString("N") + ".db");
        using var absent = new HaloSqlTarget(SqlOptions.ForSqlite(missing));
        using var unopened = new HaloSqlTarget(await Factory.CreateDatabaseAsync());

        var notFound = await Assert.ThrowsAsync<GcHaloException>(() => absent.OpenAsync(CancellationToken.None));
        var notOpen = Assert.Throws<GcHaloException>(() => unopened.GetUsersAsync(new HaloUserQuery(), CancellationToken.None));

        Assert.Equal(ErrorIds.HaloSqliteFileNotFound, notFound.ErrorId);
        Assert.False(File.Exists(missing));
        Assert.Equal(ErrorIds.HaloTargetNotOpen, notOpen.ErrorId);
    }

    internal static async Task SeedSitesAndLinkFieldAsync(SqlOptions options)
    {
        var data = new HaloSeedData();
        var seed = HaloBehaviourSeed.Create();
        data.Clients.AddRange(seed.Clients);
        data.Sites.AddRange(seed.Sites);
        data.Fields.Add(seed.Fields[0]);
        using var database = new SqlDatabase(options);
        await HaloSqliteDatabase.SeedAsync(database, data, CancellationToken.None);
    }

    internal static HaloUserWrite LinkedUser(string name, string link)
    {
        var user = new HaloUserWrite { SiteId = AcmeHeadOffice, Name = name, FirstName = name.Split(' ')[0] };
        user.CustomFields[LinkField] = link;
        return user;
    }

    internal static Task<System.Collections.Generic.List<HaloUser>> ReadAsync(IHaloTarget target) =>
        target.GetUsersAsync(new HaloUserQuery { IncludeInactive = true }, CancellationToken.None).ToListAsync();
}
