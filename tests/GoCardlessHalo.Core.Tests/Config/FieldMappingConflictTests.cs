// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Config;

/// <summary>Issue 8: the link field is the module's alone, whatever a hand-edited settings file says.</summary>
public sealed class FieldMappingConflictTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConfigStore _store;

    public FieldMappingConflictTests()
    {
        _store = new ConfigStore(ConfigLocation.Resolve(_dir.Path, new FakePlatform()));
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("gocardlessCustomerID", "CFDept", "The link field")]
    [InlineData("CFDept", "cfdept", "receives both")]
    public void AHandEditedFileWithAConflictingMappingIsRefusedAtLoad(string firstHalo, string secondHalo, string said)
    {
        File.WriteAllText(_store.Location.SettingsPath,
            $"version: 1\nhalo:\n  linkField: GoCardlessCustomerId\nfieldMappings:\n  - goCardlessField: department\n    haloField: {firstHalo}\n  - goCardlessField: team\n    haloField: {secondHalo}\n");

        var error = Assert.Throws<GcHaloException>(() => _store.Load(out _));

        Assert.Equal("FieldMappingConflict", error.ErrorId);
        Assert.Contains(_store.Location.SettingsPath, error.Message);
        Assert.Contains(said.Replace("The link field", "is the link field", StringComparison.Ordinal), error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SettingsThatWouldConflictAreNeverSaved()
    {
        var settings = new ModuleSettings();
        settings.FieldMappings.Add(FieldMapping.Create("department", settings.Halo.LinkField));

        var error = Assert.Throws<GcHaloException>(() => _store.Save(settings));

        Assert.Equal("FieldMappingConflict", error.ErrorId);
        Assert.False(File.Exists(_store.Location.SettingsPath));
    }
}
