// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using static GoCardlessHalo.Core.Tests.Halo.HaloBehaviourSeed;
using static GoCardlessHalo.Core.Tests.Halo.Sql.HaloSqlSchemaTests;

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>Batches are all-or-nothing, ids never collide between concurrent writers, and bad input is refused up front.</summary>
public sealed class HaloSqlWriteTests : SqliteDatabaseTests
{
    [Fact]
    public async Task Two_targets_writing_at_once_never_take_the_same_user_id()
    {
        var (options, first) = await OpenSeededAsync();
        using var second = new HaloSqlTarget(options);
        await second.OpenAsync(CancellationToken.None);

        async Task<int[]> WriteBatchesAsync(IHaloTarget target, string prefix)
        {
            var ids = new System.Collections.Generic.List<int>();
            for (var batch = 0; batch < 5; batch++)
            {
                var users = Enumerable.Range(0, 40).Select(i => LinkedUser(prefix + " " + batch + "-" + i, prefix + batch + "-" + i)).ToList();
                await Task.Yield();
                ids.AddRange((await target.WriteUsersAsync(users, CancellationToken.None)).Select(r => r.UserId));
            }

            return ids.ToArray();
        }

        var written = await Task.WhenAll(Task.Run(() => WriteBatchesAsync(first, "A")), Task.Run(() => WriteBatchesAsync(second, "B")));
        first.Dispose();

        var all = written.SelectMany(ids => ids).ToList();
        Assert.Equal(400, all.Count);
        Assert.Equal(400, all.Distinct().Count());
        Assert.Equal(405L, await RawSqlite.CountAsync(options, "USERS"));
        Assert.Equal(400L + 3, (long)(await RawSqlite.ScalarAsync(options, "SELECT COUNT(*) FROM FieldData WHERE fdFieldId = 1"))!);
    }

    [Fact]
    public async Task A_batch_failing_on_a_missing_user_leaves_nothing_written()
    {
        var (options, target) = await OpenSeededAsync();
        using var _ = target;
        var before = (await RawSqlite.CountAsync(options, "USERS"), await RawSqlite.CountAsync(options, "FieldData"));
        var update = new HaloUserWrite { Id = Alice, Email = "changed@acme.example" };
        update.CustomFields[RegionField] = "Changed";

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(
            new[] { LinkedUser("Rolled Back", "CU-R1"), update, new HaloUserWrite { Id = 999999, Email = "x@example.com" } },
            CancellationToken.None));

        Assert.Equal(ErrorIds.HaloUserNotFound, error.ErrorId);
        Assert.Equal(before, (await RawSqlite.CountAsync(options, "USERS"), await RawSqlite.CountAsync(options, "FieldData")));
        var alice = (await ReadAsync(target)).Single(u => u.Id == Alice);
        Assert.Equal(("alice@acme.example", "North"), (alice.Email, alice.CustomFields[RegionField]));
    }

    [Fact]
    public async Task A_statement_failing_mid_batch_rolls_the_whole_batch_back()
    {
        var (options, target) = await OpenSeededAsync();
        using var _ = target;
        await RawSqlite.ExecuteAsync(options, "CREATE TRIGGER refuse_boom BEFORE INSERT ON USERS WHEN NEW.uusername = 'boom' BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END;");
        var before = (await RawSqlite.CountAsync(options, "USERS"), await RawSqlite.CountAsync(options, "FieldData"));

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(
            new[] { LinkedUser("Kept Nowhere", "CU-K1"), new HaloUserWrite { Id = Bob, Phone = "999" }, LinkedUser("boom", "CU-K2") },
            CancellationToken.None));

        Assert.Equal(ErrorIds.HaloSqlCommandFailed, error.ErrorId);
        Assert.Contains("refused by trigger", error.Message, StringComparison.Ordinal);
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
        Assert.Equal(before, (await RawSqlite.CountAsync(options, "USERS"), await RawSqlite.CountAsync(options, "FieldData")));
        Assert.Null((await ReadAsync(target)).Single(u => u.Id == Bob).Phone);
    }

    [Fact]
    public async Task Unknown_fields_and_sites_are_refused_before_anything_is_written()
    {
        var (options, target) = await OpenSeededAsync();
        using var _ = target;
        var unknownField = LinkedUser("Field Typo", "CU-F1");
        unknownField.CustomFields["NoSuchField"] = "x";
        unknownField.CustomFields["AlsoMissing"] = "y";

        var fieldError = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(new[] { LinkedUser("Fine", "CU-F0"), unknownField }, CancellationToken.None));
        var siteError = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(
            new[] { LinkedUser("Fine", "CU-F0"), new HaloUserWrite { SiteId = 4242, Name = "Nowhere" } }, CancellationToken.None));
        var nameError = await Assert.ThrowsAsync<GcHaloException>(() => target.WriteUsersAsync(new[] { new HaloUserWrite { SiteId = AcmeHeadOffice } }, CancellationToken.None));

        Assert.Equal((ErrorIds.HaloFieldNotFound, ErrorKind.NotFound), (fieldError.ErrorId, fieldError.Kind));
        Assert.Contains("AlsoMissing, NoSuchField", fieldError.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.HaloSiteNotFound, siteError.ErrorId);
        Assert.Contains("4242", siteError.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.HaloUserWriteInvalid, nameError.ErrorId);
        Assert.Equal(5L, await RawSqlite.CountAsync(options, "USERS"));
    }

    [Fact]
    public async Task Field_names_are_checked_and_cannot_be_created_twice_and_the_api_spelling_is_accepted()
    {
        var (options, target) = await OpenSeededAsync();
        using var _ = target;

        var invalid = await Assert.ThrowsAsync<GcHaloException>(() => target.CreateUserTextFieldAsync("has space", "x", CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<GcHaloException>(() => target.CreateUserTextFieldAsync("region", "x", CancellationToken.None));
        var created = await target.CreateUserTextFieldAsync("PaymentStatus", "", CancellationToken.None);
        var write = new HaloUserWrite { Id = Carol };
        write.CustomFields["CFPaymentStatus"] = "paid_out";
        await target.WriteUsersAsync(new[] { write }, CancellationToken.None);

        Assert.Equal(ErrorIds.HaloFieldNameInvalid, invalid.ErrorId);
        Assert.Equal((ErrorIds.HaloFieldAlreadyExists, ErrorKind.Conflict), (duplicate.ErrorId, duplicate.Kind));
        Assert.Equal(5, created.Id);
        Assert.Equal("PaymentStatus", created.Label);
        Assert.Equal(new object?[] { 0L, 4L, 1L, 1L }, (await RawSqlite.RowsAsync(options, "SELECT FIType, FIusage, fiStoreInFieldData, finewstoragemethod FROM FIELDINFO WHERE FIid = 5"))[0]);
        Assert.Equal("paid_out", (await ReadAsync(target)).Single(u => u.Id == Carol).CustomFields["PaymentStatus"]);
    }
}
