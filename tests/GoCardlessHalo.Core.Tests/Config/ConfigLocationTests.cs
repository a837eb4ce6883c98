// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Tests.Config;

public sealed class ConfigLocationTests
{
    [Fact]
    public void ExplicitPathWinsOverEnvironmentVariable()
    {
        var platform = new FakePlatform { Variables = { ["GOCARDLESSHALO_HOME"] = "/env/home" } };

        var location = ConfigLocation.Resolve("/explicit/settings.yaml", platform);

        Assert.Equal(Path.GetFullPath("/explicit/settings.yaml"), location.SettingsPath);
        Assert.Equal(ConfigLocationSource.Parameter, location.Source);
    }

    [Fact]
    public void ExplicitFolderHoldsTheDefaultFileName()
    {
        var location = ConfigLocation.Resolve("/explicit/folder", new FakePlatform());

        Assert.Equal(Path.GetFullPath("/explicit/folder/GoCardlessHalo.yaml"), location.SettingsPath);
        Assert.Equal(Path.GetFullPath("/explicit/folder"), location.DataDirectory);
    }

    [Fact]
    public void EnvironmentVariableWinsOverDefault()
    {
        var platform = new FakePlatform { Variables = { ["GOCARDLESSHALO_HOME"] = "/env/home" } };

        var location = ConfigLocation.Resolve(null, platform);

        Assert.Equal(Path.GetFullPath("/env/home/GoCardlessHalo.yaml"), location.SettingsPath);
        Assert.Equal(ConfigLocationSource.EnvironmentVariable, location.Source);
    }

    [Fact]
    public void WindowsSystemAccountUsesProgramData()
    {
        var location = ConfigLocation.Resolve(null, new FakePlatform { IsWindows = true, IsSystemAccount = true });

        Assert.Equal(Path.Combine("/programdata", "GoCardlessHalo", "GoCardlessHalo.yaml"), location.SettingsPath);
        Assert.Equal(ConfigLocationSource.Default, location.Source);
    }

    [Fact]
    public void WindowsUserUsesAppData()
    {
        var location = ConfigLocation.Resolve(null, new FakePlatform { IsWindows = true });

        Assert.Equal(Path.Combine("/appdata", "GoCardlessHalo", "GoCardlessHalo.yaml"), location.SettingsPath);
    }

    [Fact]
    public void ElsewhereXdgConfigHomeIsUsedWhenSet()
    {
        var platform = new FakePlatform { Variables = { ["XDG_CONFIG_HOME"] = "/xdg" } };

        Assert.Equal(Path.Combine("/xdg", "GoCardlessHalo", "GoCardlessHalo.yaml"), ConfigLocation.Resolve(null, platform).SettingsPath);
    }

    [Fact]
    public void ElsewhereDotConfigIsTheFallback()
    {
        Assert.Equal(
            Path.Combine("/home/alex", ".config", "GoCardlessHalo", "GoCardlessHalo.yaml"),
            ConfigLocation.Resolve(null, new FakePlatform()).SettingsPath);
    }
}
