// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Threading.Tasks;
using GoCardlessHalo.Core.Sync.Import;
using Xunit.Abstractions;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>The default emulator's outcome, computed once for the whole matrix.</summary>
public sealed class DefaultOutcome : IAsyncLifetime
{
    public MatrixOutcome Outcome { get; private set; } = null!;

    public async Task InitializeAsync() => Outcome = await MatrixRun.RunAsync(HaloVariantSets.Default);

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Issue 8's acceptance: the import and the payment sync, run against every emulator variant singly and combined
/// on 2,500 customers and 5,000 payments, end in the same Halo state as against the default emulator, with no
/// link value held twice and no payment of a linked customer missing from the ledger; a rerun creates no one.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class HaloVariantMatrixTests : IClassFixture<DefaultOutcome>
{
    private readonly MatrixOutcome _default;
    private readonly ITestOutputHelper _output;

    public HaloVariantMatrixTests(DefaultOutcome baseline, ITestOutputHelper output)
    {
        _default = baseline.Outcome;
        _output = output;
    }

    [Fact]
    public void The_default_emulator_imports_every_customer_once_and_keeps_every_payment()
    {
        _output.WriteLine("Default: " + _default.Describe());
        Assert.Empty(_default.Errors);
        Assert.Empty(_default.Halo.Duplicates);
        Assert.Empty(_default.LostPayments);
        Assert.True(_default.FirstImport[ImportAction.Created] > VariantWorld.Customers / 2, _default.Describe());
        Assert.False(_default.Rerun.ContainsKey(ImportAction.Created), _default.Describe());
    }

    [Theory]
    [InlineData("UsersPostAnswer=FirstObject")]
    [InlineData("UsersPostAnswer=LastObject")]
    [InlineData("UsersPostAnswer=EmptyBody")]
    [InlineData("UsersPostAnswer=EmptyArray")]
    [InlineData("FieldInfoListing=UserFieldsNeedTypeId")]
    [InlineData("FieldInfoListing=WithoutUsage")]
    [InlineData("SiteListInvoiceFlag=false")]
    [InlineData("PageNumbering=RequestedSize")]
    [InlineData("UserListCustomFields=Ignored")]
    [InlineData("UserListCustomFields=EmptyArray")]
    [InlineData("CustomFieldsPost=Merge")]
    [InlineData(HaloVariantSets.AllReadSide)]
    [InlineData(HaloVariantSets.AllNonDefaultA)]
    [InlineData(HaloVariantSets.AllNonDefaultB)]
    [InlineData("SiteListInvoiceFlag=false+PageNumbering=RequestedSize")]
    [InlineData("UserListCustomFields=EmptyArray+CustomFieldsPost=Merge")]
    [InlineData("UsersPostAnswer=LastObject+PageNumbering=RequestedSize")]
    public async Task Every_variant_ends_in_the_default_state_with_no_duplicate_and_no_lost_payment(string variant)
    {
        var outcome = await MatrixRun.RunAsync(variant);

        _output.WriteLine($"{variant}: {outcome.Describe()}");
        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Halo.Duplicates);
        Assert.Empty(outcome.LostPayments);
        Assert.False(outcome.Rerun.ContainsKey(ImportAction.Created), outcome.Describe());
        Assert.Equal(_default.Halo.Users, outcome.Halo.Users);
    }
}
