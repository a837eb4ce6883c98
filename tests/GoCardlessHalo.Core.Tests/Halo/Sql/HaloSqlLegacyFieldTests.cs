// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;
using static GoCardlessHalo.Core.Tests.Halo.Sql.HaloSqlSchemaTests;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>
/// Fields not flagged for FieldData live in the legacy column USERS.CF&lt;Name&gt;: read, written, created and
/// looked up there, and never copied into FieldData.
/// </summary>
public sealed class HaloSqlLegacyFieldTests : SqliteDatabaseTests
{
    private const string Legacy = "LegacyRef";
    private const int LegacyId = 50;

    [Fact]
    public async Task A_legacy_field_is_read_from_its_column()
    {
        var (options, target) = await OpenWithLegacyFieldAsync();
        using var _ = target;

        var users = (await ReadAsync(target)).ToDictionary(u => u.Id);

        Assert.Equal("REF-A", users[Alice].CustomFields[Legacy]);
        Assert.Equal("CU001", users[Alice].CustomFields[LinkField]);
        Assert.False(users[Bob].CustomFields.ContainsKey(Legacy));
        var field = Assert.Single(await target.GetUserFieldsAsync(CancellationToken.None), f => f.Name == Legacy);
        Assert.True(field.IsUserText);
        Assert.Equal(0L, await RawSqlite.ScalarAsync(options, "SELECT COUNT(*) FROM FieldData WHERE fdFieldId = " + LegacyId));
    }

    [Fact]
    public async Task Updates_and_creates_write_the_legacy_column_and_keep_other_values()
    {
        var (options, target) = await OpenWithLegacyFieldAsync();
        using var _ = target;
        var update = new HaloUserWrite { Id = Bob };
        update.CustomFields[Legacy] = "REF-B";
        var clear = new HaloUserWrite { Id = Alice };
        clear.CustomFields[Legacy] = null;
        var create = LinkedUser("Legacy Newcomer", "CU-L1");
        create.CustomFields[Legacy] = "REF-NEW";

        var results = await target.WriteUsersAsync(new[] { update, clear, create }, CancellationToken.None);

        var stored = (await RawSqlite.RowsAsync(options, "SELECT Uid, CFLegacyRef FROM USERS WHERE Uid IN (" + Bob + ", " + Alice + ", " + results[2].UserId + ") ORDER BY Uid"))
            .ToDictionary(r => Convert.ToInt32(r[0]), r => r[1] as string);
        Assert.Equal("REF-B", stored[Bob]);
        Assert.Null(stored[Alice]);
        Assert.Equal("REF-NEW", stored[results[2].UserId]);
        Assert.Equal(0L, await RawSqlite.ScalarAsync(options, "SELECT COUNT(*) FROM FieldData WHERE fdFieldId = " + LegacyId));
        var users = (await ReadAsync(target)).ToDictionary(u => u.Id);
        Assert.Equal(("REF-B", "CU002"), (users[Bob].CustomFields[Legacy], users[Bob].CustomFields[LinkField]));
        Assert.False(users[Alice].CustomFields.ContainsKey(Legacy));
        Assert.Equal("North", users[Alice].CustomFields[RegionField]);
        Assert.Equal("CU-L1", users[results[2].UserId].CustomFields[LinkField]);
    }

    [Fact]
    public async Task A_legacy_field_can_be_the_link_field()
    {
        var (_, target) = await OpenWithLegacyFieldAsync();
        using var __ = target;

        var byValue = await target.GetUsersAsync(new HaloUserQuery { LinkField = "CF" + Legacy, LinkValue = "REF-A" }, CancellationToken.None).ToListAsync();
        var linked = await target.GetUsersAsync(new HaloUserQuery { LinkField = Legacy, IncludeInactive = true }, CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { Alice }, byValue.Select(u => u.Id));
        Assert.Equal(new[] { Alice, Dan }, linked.Select(u => u.Id).OrderBy(id => id));
    }

    private async Task<(SqlOptions Options, HaloSqlTarget Target)> OpenWithLegacyFieldAsync()
    {
        var target = (HaloSqlTarget)await Factory.CreateAsync(HaloBehaviourSeed.Create());
        var options = target.Database.Options;
        target.Dispose();

        // As an older Halo keeps it: a CF column on USERS, and a FIELDINFO row flagged for neither storage.
        await RawSqlite.ExecuteAsync(options, "ALTER TABLE USERS ADD COLUMN CFLegacyRef nvarchar(100) NULL;"
            + " INSERT INTO FIELDINFO (FIid, FIName, FILabel, FIType, FIusage, fiStoreInFieldData, finewstoragemethod) VALUES (" + LegacyId + ", 'LegacyRef', 'Legacy ref', 0, 4, 0, 0);"
            + " UPDATE USERS SET CFLegacyRef = 'REF-A' WHERE Uid = " + Alice + "; UPDATE USERS SET CFLegacyRef = 'REF-D' WHERE Uid = " + Dan + ";"
            + " UPDATE USERS SET CFLegacyRef = '' WHERE Uid = " + Carol + ";");
        var reopened = new HaloSqlTarget(options);
        await reopened.OpenAsync(CancellationToken.None);
        return (options, reopened);
    }
}
