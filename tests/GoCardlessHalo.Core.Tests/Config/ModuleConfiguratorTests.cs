// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Activation;

namespace GoCardlessHalo.Core.Tests.Config;

public sealed class ModuleConfiguratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakePlatform _platform = new() { Variables = { ["GC_TOKEN"] = "sandbox_token_value_12345" } };
    private readonly ConfigLocation _location;

    public ModuleConfiguratorTests()
    {
        _location = ConfigLocation.Resolve(_dir.Path, _platform);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WithNoTargetTheEmbeddedDatabaseIsChosen()
    {
        var configurator = Configurator();

        var settings = configurator.Plan(new ModuleSettings(), new EnableRequest { AccessTokenReference = "env:GC_TOKEN" });

        Assert.True(settings.Enabled);
        Assert.Equal(HaloTargetKind.Sqlite, settings.Halo.Target);
        Assert.Equal(_location.Beside("halo.db"), settings.Halo.DatabasePath);
        Assert.True(configurator.UsesEmbeddedDatabase);
    }

    [Fact]
    public void PlainSecretsNeverReachTheFile()
    {
        // Resolved from the environment at run time; the file holds the reference only.
        var settings = Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            Target = HaloTargetKind.SqlServer,
            ConnectionString = "Server=sql01;Database=Halo;User ID=gc",
            SqlPasswordReference = "env:HALO_SQL_PASSWORD",
        });
        var store = new ConfigStore(_location);
        store.Save(settings);

        var text = File.ReadAllText(_location.SettingsPath);
        Assert.Contains("accessToken: env:GC_TOKEN", text);
        Assert.Contains("password: env:HALO_SQL_PASSWORD", text);
        Assert.DoesNotContain("sandbox_token_value_12345", text);
    }

    [Fact]
    public void APasswordInsideTheConnectionStringIsTreatedAsASecret()
    {
        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            Target = HaloTargetKind.SqlServer,
            ConnectionString = "Server=sql01;Database=Halo;User ID=gc;Password=hunter2",
        }));

        Assert.Equal("SecretCannotBePersisted", error.ErrorId);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void AnEnvironmentVariableNotSetNowIsOnlyAWarning()
    {
        var configurator = Configurator();

        configurator.Plan(new ModuleSettings(), new EnableRequest { AccessTokenReference = "env:SET_ONLY_FOR_THE_RMM_AGENT" });

        Assert.Contains(configurator.Warnings, w => w.Contains("SET_ONLY_FOR_THE_RMM_AGENT"));
    }

    [Theory]
    [InlineData("live_abc", GoCardlessEnvironment.Sandbox)]
    [InlineData("sandbox_abc", GoCardlessEnvironment.Live)]
    public void ATokenOfTheOtherEnvironmentIsRefused(string token, GoCardlessEnvironment environment)
    {
        var error = Assert.Throws<GcHaloException>(() =>
            Configurator().Plan(new ModuleSettings(), new EnableRequest { AccessToken = token, Environment = environment }));

        Assert.Equal("GoCardlessTokenWrongEnvironment", error.ErrorId);
        Assert.DoesNotContain(token, error.Message);
    }

    [Fact]
    public void TheTokenPrefixChoosesTheEnvironmentWhenNoneIsGiven()
    {
        var settings = Configurator(windows: true).Plan(new ModuleSettings(), new EnableRequest { AccessTokenReference = "env:GC_TOKEN", Environment = null });
        Assert.Equal(GoCardlessEnvironment.Sandbox, settings.GoCardless.Environment);

        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest { AccessToken = "live_abc" }));
        Assert.Equal("SecretCannotBePersisted", error.ErrorId); // environment inferred as Live, then storage refused off Windows
    }

    [Theory]
    [InlineData("http://example.com/gocardless")]
    [InlineData("ftp://127.0.0.1/")]
    public void PlainHttpIsOnlyForLoopback(string address)
    {
        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            GoCardlessBaseUri = new Uri(address),
        }));

        Assert.Equal("InsecureAddress", error.ErrorId);
    }

    [Fact]
    public void TimeoutsAreKeptInWholeSecondsAndUntouchedWhenNotGiven()
    {
        var current = new ModuleSettings();
        current.Halo.Timeout = TimeSpan.FromSeconds(250);

        var settings = Configurator().Plan(current, new EnableRequest { AccessTokenReference = "env:GC_TOKEN", GoCardlessTimeout = TimeSpan.FromSeconds(89.2) });

        Assert.Equal(TimeSpan.FromSeconds(90), settings.GoCardless.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(250), settings.Halo.Timeout);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3601)]
    public void ATimeoutOutsideOneSecondToOneHourIsRefusedNamingTheSetting(double seconds)
    {
        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            HaloTimeout = TimeSpan.FromSeconds(seconds),
        }));

        Assert.Equal(ErrorIds.TimeoutOutOfRange, error.ErrorId);
        Assert.Contains("halo.timeoutSeconds", error.Message);
    }

    [Fact]
    public void LoopbackHttpIsAccepted()
    {
        var settings = Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            GoCardlessBaseUri = new Uri("http://127.0.0.1:5099/gocardless"),
            Target = HaloTargetKind.Api,
            HaloUrl = new Uri("http://localhost:5099/halo"),
            ClientId = "emulator-client",
            ClientSecretReference = "env:HALO_SECRET",
        });

        Assert.Equal(new Uri("http://127.0.0.1:5099/gocardless"), settings.GoCardless.BaseUri);
        Assert.Equal(HaloTargetKind.Api, settings.Halo.Target);
        Assert.Null(settings.Halo.DatabasePath);
    }

    [Fact]
    public void ATokenIsRequiredTheFirstTimeOnly()
    {
        Assert.Equal("AccessTokenRequired", Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest())).ErrorId);

        var existing = Configurator().Plan(new ModuleSettings(), new EnableRequest { AccessTokenReference = "env:GC_TOKEN" });
        existing.Enabled = false;
        var again = Configurator().Plan(existing, new EnableRequest { DefaultSite = "Head Office" });

        Assert.True(again.Enabled);
        Assert.Equal(SecretReference.Environment("GC_TOKEN"), again.GoCardless.AccessToken);
        Assert.Equal("Head Office", again.DefaultSite);
        Assert.False(existing.Enabled); // planning never changes what was loaded
    }

    [Fact]
    public void TheApiTargetCanKeepItsLedgerInSqlServerWithThePasswordAsAReference()
    {
        var settings = Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            Target = HaloTargetKind.Api,
            HaloUrl = new Uri("https://contoso.halopsa.com"),
            ClientId = "client",
            ClientSecretReference = "env:HALO_SECRET",
            LedgerConnectionString = "Server=sql01;Database=GcLedger",
            LedgerUser = "ledger_writer",
            LedgerPasswordReference = "env:LEDGER_PASSWORD",
        });

        Assert.Contains("User ID=ledger_writer", settings.Ledger.ConnectionString);
        Assert.Equal(SecretReference.Environment("LEDGER_PASSWORD"), settings.Ledger.Password);
        var store = new ConfigStore(_location);
        store.Save(settings);
        Assert.Equal(settings.Ledger.ConnectionString, store.Load(out _).Ledger.ConnectionString);
    }

    [Fact]
    public void ASeparateLedgerIsOnlyForTheApiTarget()
    {
        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            LedgerConnectionString = "Server=sql01;Database=GcLedger;Password=hunter2",
        }));

        Assert.Equal("LedgerNeedsApiTarget", error.ErrorId);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void ALedgerConnectionStringTheProviderWouldRefuseIsRefusedWhereItIsGiven()
    {
        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessTokenReference = "env:GC_TOKEN",
            Target = HaloTargetKind.Api,
            HaloUrl = new Uri("https://contoso.halopsa.com"),
            ClientId = "client",
            ClientSecretReference = "env:HALO_SECRET",
            LedgerConnectionString = "Server=sql01;Database=GcLedger;NoSuchKeyword=1;Password=hunter2",
        }));

        Assert.Equal((ErrorIds.ConnectionStringInvalid, (object)"LedgerConnectionString"), (error.ErrorId, error.Target));
        Assert.Contains("nosuchkeyword", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void SecretAndReferenceTogetherAreAConflict()
    {
        var error = Assert.Throws<GcHaloException>(() => Configurator().Plan(new ModuleSettings(), new EnableRequest
        {
            AccessToken = "sandbox_x",
            AccessTokenReference = "env:GC_TOKEN",
        }));

        Assert.Equal("ParameterConflict", error.ErrorId);
    }

    private ModuleConfigurator Configurator(bool windows = false)
    {
        var platform = windows ? new FakePlatform { IsWindows = true, Variables = { ["GC_TOKEN"] = "x" } } : _platform;
        return new ModuleConfigurator(_location, new SecretResolver(platform, null), platform);
    }
}
