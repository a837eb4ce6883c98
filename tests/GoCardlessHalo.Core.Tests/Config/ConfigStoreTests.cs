// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Linq;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Sync;

namespace GoCardlessHalo.Core.Tests.Config;

public sealed class ConfigStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConfigStore _store;

    public ConfigStoreTests()
    {
        _store = new ConfigStore(ConfigLocation.Resolve(_dir.Path, new FakePlatform()));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EverySettingSurvivesARoundTrip()
    {
        var original = FullSettings();

        _store.Save(original);
        var loaded = _store.Load(out var warnings);

        Assert.Empty(warnings);
        Assert.Equal(original.Version, loaded.Version);
        Assert.True(loaded.Enabled);
        Assert.Equal(GoCardlessEnvironment.Live, loaded.GoCardless.Environment);
        Assert.Equal(original.GoCardless.BaseUri, loaded.GoCardless.BaseUri);
        Assert.Equal(original.GoCardless.DashboardBaseUri, loaded.GoCardless.DashboardBaseUri);
        Assert.Equal(original.GoCardless.AccessToken, loaded.GoCardless.AccessToken);
        Assert.Equal(HaloTargetKind.Api, loaded.Halo.Target);
        Assert.Equal(original.Halo.Url, loaded.Halo.Url);
        Assert.Equal("contoso", loaded.Halo.Tenant);
        Assert.Equal("client-1", loaded.Halo.ClientId);
        Assert.Equal(original.Halo.ClientSecret, loaded.Halo.ClientSecret);
        Assert.Equal("all:standard", loaded.Halo.Scope);
        Assert.Equal("GcLink", loaded.Halo.LinkField);
        Assert.Equal(TimeSpan.FromSeconds(90), loaded.GoCardless.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(5), loaded.Halo.Timeout);
        Assert.Equal("Acme/Head Office", loaded.DefaultSite);
        Assert.Equal(MatchMode.Normalized, loaded.MatchMode);
        Assert.Equal(FieldRule.Overwrite, loaded.FieldOwnership["name"]);
        Assert.Equal(FieldRule.CreateOnly, loaded.FieldOwnership["AccountRef"]);
        Assert.Equal(
            original.PlacementOverrides.Select(o => (o.CustomerId, o.CompanyName, o.HaloCustomer, o.HaloSite)),
            loaded.PlacementOverrides.Select(o => (o.CustomerId, o.CompanyName, o.HaloCustomer, o.HaloSite)));
        Assert.Equal(
            original.FieldMappings.Select(m => (m.GoCardlessField, m.HaloField)),
            loaded.FieldMappings.Select(m => (m.GoCardlessField, m.HaloField)));
    }

    [Fact]
    public void CollectionSettingsRoundTripAndRetryIfPossibleIsOffUnlessSet()
    {
        var defaults = new ModuleSettings();
        _store.Save(defaults);
        var plain = File.ReadAllText(_store.Location.SettingsPath);
        var original = FullSettings();
        original.Collection = new CollectionSettings { MarkPaidOn = "confirmed", MaximumRunTotal = 5000m, RetryIfPossible = true };

        _store.Save(original);
        var loaded = _store.Load(out var warnings);

        Assert.False(defaults.Collection.RetryIfPossible);
        Assert.DoesNotContain("retryIfPossible", plain);
        Assert.Empty(warnings);
        Assert.Equal(("confirmed", 5000m, true), (loaded.Collection.MarkPaidOn, loaded.Collection.MaximumRunTotal, loaded.Collection.RetryIfPossible));
        Assert.True(loaded.Copy().Collection.RetryIfPossible);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("123")]
    [InlineData("null")]
    [InlineData("- dash")]
    [InlineData("Site: with colon")]
    [InlineData("  padded  ")]
    [InlineData("O'Brien & \"Sons\" # not a comment")]
    [InlineData("مكتب الرياض 🏢")]
    public void AwkwardStringsRoundTripVerbatim(string site)
    {
        var settings = FullSettings();
        settings.DefaultSite = site;

        _store.Save(settings);

        Assert.Equal(site, _store.Load(out _).DefaultSite);
    }

    [Fact]
    public void SavingKeepsThePreviousVersionAsBackupAndLeavesNoTemporaryFiles()
    {
        var first = FullSettings();
        _store.Save(first);
        var firstText = File.ReadAllText(_store.Location.SettingsPath);

        var second = FullSettings();
        second.DefaultSite = "Other Site";
        _store.Save(second);

        Assert.Equal(firstText, File.ReadAllText(_store.BackupPath));
        Assert.Equal("Other Site", _store.Load(out _).DefaultSite);
        Assert.Equal(
            new[] { "GoCardlessHalo.yaml", "GoCardlessHalo.yaml.bak" },
            Directory.GetFiles(_dir.Path).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void ACorruptFileIsReportedWithLineAndColumnAndLeftUntouched()
    {
        const string corrupt = "version: 1\nenabled: true\ngoCardless:\n  environment: Sandbox\n  accessToken: [unclosed\n";
        File.WriteAllText(_store.Location.SettingsPath, corrupt);

        var error = Assert.Throws<ConfigFileException>(() => _store.Load(out _));
        Assert.Equal("ConfigFileInvalid", error.ErrorId);
        Assert.True(error.Line >= 5, $"line {error.Line}");
        Assert.Contains(_store.Location.SettingsPath, error.Message);
        Assert.Contains($"line {error.Line}, column {error.Column}", error.Message);

        // Saving over it is refused: the user's text is never lost.
        Assert.Throws<ConfigFileException>(() => _store.Save(FullSettings()));
        Assert.Equal(corrupt, File.ReadAllText(_store.Location.SettingsPath));
        Assert.False(File.Exists(_store.BackupPath));
    }

    [Theory]
    [InlineData("version: 1\nenabled: maybe\n", 2, 10, "'enabled' must be true or false")]
    [InlineData("version: 1\nhalo:\n  target: Oracle\n", 3, 11, "'halo.target' must be one of Api, SqlServer, Sqlite")]
    [InlineData("version: 1\ngoCardless:\n  accessToken: sk_live_pasted_token\n", 3, 16, "not a secret reference")]
    [InlineData("version: 1\ngoCardless:\n  baseUri: not a uri\n", 3, 12, "'goCardless.baseUri' must be an absolute http(s) address")]
    [InlineData("enabled: true\n", 1, 1, "'version' key is missing")]
    [InlineData("version: 99\n", 1, 1, "newer GoCardlessHalo")]
    [InlineData("version: 1\nfieldMappings:\n  - goCardlessField: a\n", 3, 5, "needs goCardlessField and haloField")]
    [InlineData("version: 1\nhalo:\n  connectionString: Server=x;Database=y;Password=hunter2\n", 3, 21, "contains a password")]
    [InlineData("version: 1\nhalo:\n  timeoutSeconds: 0\n", 3, 19, "'halo.timeoutSeconds' must be")]
    [InlineData("version: 1\ngoCardless:\n  timeoutSeconds: 1m\n", 3, 19, "'goCardless.timeoutSeconds' must be")]
    [InlineData("version: 1\nmatchMode: Fuzzy\n", 2, 12, "'matchMode' must be one of Exact, Normalized")]
    [InlineData("version: 1\ncollection:\n  retryIfPossible: sometimes\n", 3, 20, "'collection.retryIfPossible' must be true or false")]
    [InlineData("version: 1\nfieldOwnership:\n  Phone: Sometimes\n", 3, 10, "'fieldOwnership.Phone' must be one of Overwrite, FillWhenEmpty, CreateOnly")]
    [InlineData("version: 1\nplacementOverrides:\n  - customerId: CU1\n", 3, 5, "give exactly one of them")]
    [InlineData("version: 1\nplacementOverrides:\n  - customerId: CU1\n    haloSite: '1'\n  - customerId: CU1\n    haloSite: '2'\n", 5, 5, "a second time")]
    public void InvalidValuesNameTheirPlace(string yaml, long line, long column, string expected)
    {
        File.WriteAllText(_store.Location.SettingsPath, yaml);

        var error = Assert.Throws<ConfigFileException>(() => _store.Load(out _));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("sk_live_pasted_token", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void UnknownKeysAreWarningsWithTheirLine()
    {
        File.WriteAllText(_store.Location.SettingsPath, "version: 1\nenabeld: true\nhalo:\n  colour: blue\n");

        _store.Load(out var warnings);

        Assert.Collection(
            warnings,
            w => Assert.Contains("line 2, column 1: unknown setting 'enabeld'", w),
            w => Assert.Contains("line 4, column 3: unknown setting 'halo.colour'", w));
    }

    [Fact]
    public void AMissingFileLoadsAsUnconfiguredDefaults()
    {
        var settings = _store.Load(out var warnings);

        Assert.False(_store.Exists);
        Assert.False(settings.Enabled);
        Assert.Null(settings.Halo.Target);
        Assert.Empty(warnings);
    }

    private static ModuleSettings FullSettings() => new()
    {
        Enabled = true,
        DefaultSite = "Acme/Head Office",
        MatchMode = MatchMode.Normalized,
        FieldOwnership = { ["Name"] = FieldRule.Overwrite, ["AccountRef"] = FieldRule.CreateOnly },
        PlacementOverrides =
        {
            PlacementOverride.Create("CU0001", null, "Orchard Bakery Ltd", null),
            PlacementOverride.Create(null, "Orchard: Bakery # 2", null, "12"),
        },
        GoCardless =
        {
            Environment = GoCardlessEnvironment.Live,
            BaseUri = new Uri("http://127.0.0.1:5099/gocardless"),
            DashboardBaseUri = new Uri("http://127.0.0.1:5099/dashboard"),
            AccessToken = SecretReference.Environment("GC_TOKEN"),
            Timeout = TimeSpan.FromSeconds(90),
        },
        Halo =
        {
            Target = HaloTargetKind.Api,
            Url = new Uri("https://contoso.halopsa.com"),
            Tenant = "contoso",
            ClientId = "client-1",
            ClientSecret = SecretReference.SecretManagement("HaloSecret"),
            Scope = "all:standard",
            Timeout = TimeSpan.FromMinutes(5),
            LinkField = "GcLink",
        },
        FieldMappings = { new FieldMapping("account_ref", "CFAccountRef"), new FieldMapping("payment.last_status", "CFLastPayment") },
    };
}
