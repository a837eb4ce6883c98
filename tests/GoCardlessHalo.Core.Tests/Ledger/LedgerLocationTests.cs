// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Ledger;
using GoCardlessHalo.Core.Tests.Config;

namespace GoCardlessHalo.Core.Tests.Ledger;

/// <summary>Where the payment ledger lives, decided by one rule (<see cref="LedgerLocation.Resolve"/>).</summary>
public sealed class LedgerLocationTests : IDisposable
{
    private const string LedgerConnection = "Server=tcp:ledger.example,1433;Database=GcLedger;User ID=gocardless";

    private readonly TempDirectory _dir = new();
    private readonly ConfigLocation _location;

    public LedgerLocationTests()
    {
        _location = ConfigLocation.Resolve(_dir.Path, new FakePlatform());
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(HaloTargetKind.SqlServer)]
    [InlineData(HaloTargetKind.Sqlite)]
    public void SqlTargetsKeepTheLedgerInTheHaloDatabaseEvenWithALedgerConnection(HaloTargetKind target)
    {
        var location = LedgerLocation.Resolve(Settings(target, LedgerConnection), _location);

        Assert.Equal(LedgerPlace.HaloDatabase, location.Place);
        Assert.Null(location.FilePath);
        Assert.Null(location.Database);
        Assert.Equal("the module's tables in the Halo database", location.Describe());
    }

    [Fact]
    public void TheApiTargetWithoutALedgerConnectionUsesTheFileBesideTheSettings()
    {
        var location = LedgerLocation.Resolve(Settings(HaloTargetKind.Api, null), _location);

        Assert.Equal(LedgerPlace.FileBesideSettings, location.Place);
        Assert.Equal(Path.Combine(_location.DataDirectory, "GoCardlessHalo.ledger.db"), location.FilePath);
        Assert.Equal(LedgerLocation.FileBeside(_location), location.FilePath);
        Assert.Null(location.Database);
    }

    [Fact]
    public void TheApiTargetWithALedgerConnectionUsesThatDatabaseAndNamesOnlyServerAndDatabase()
    {
        var settings = Settings(HaloTargetKind.Api, LedgerConnection);
        settings.Ledger.Password = SecretReference.SecretManagement("LedgerPassword");

        var location = LedgerLocation.Resolve(settings, _location);

        Assert.Equal(LedgerPlace.LedgerDatabase, location.Place);
        Assert.Null(location.FilePath);
        Assert.Equal(LedgerConnection, location.Database!.ConnectionString);
        Assert.Equal(settings.Ledger.Password, location.Database.Password);
        Assert.Contains("GcLedger", location.Describe());
        Assert.DoesNotContain("gocardless", location.Describe());
    }

    [Fact]
    public void SettingsWithoutATargetFallBackToTheFileBesideTheSettings()
    {
        var location = LedgerLocation.Resolve(Settings(null, null), _location);

        Assert.Equal(LedgerPlace.FileBesideSettings, location.Place);
    }

    private static ModuleSettings Settings(HaloTargetKind? target, string? ledgerConnection)
    {
        var settings = new ModuleSettings();
        settings.Halo.Target = target;
        settings.Ledger.ConnectionString = ledgerConnection;
        return settings;
    }
}
