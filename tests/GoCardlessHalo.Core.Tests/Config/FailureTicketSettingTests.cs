// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Tests.Config;

/// <summary>collection.failureTicketTypeId (issue 9): off unless set, kept through a save, refused when it cannot be a Halo id.</summary>
public sealed class FailureTicketSettingTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConfigStore _store;

    public FailureTicketSettingTests()
    {
        _store = new ConfigStore(ConfigLocation.Resolve(_dir.Path, new FakePlatform()));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void It_is_off_unless_set_and_survives_a_save()
    {
        File.WriteAllText(_store.Location.SettingsPath, "version: 1\ncollection:\n  failureTicketTypeId: 21\n");

        var loaded = _store.Load(out var warnings);
        _store.Save(loaded);
        var written = File.ReadAllText(_store.Location.SettingsPath);
        var saved = _store.Load(out _);
        File.WriteAllText(_store.Location.SettingsPath, "version: 1\ncollection:\n  markPaidOn: confirmed\n");
        var unset = _store.Load(out _);

        Assert.Empty(warnings);
        Assert.Equal(21, saved.Collection.FailureTicketTypeId);
        Assert.Matches("failureTicketTypeId: \"?21\"?\\r?\\n", written);
        Assert.Null(unset.Collection.FailureTicketTypeId);
        Assert.Null(new ModuleSettings().Collection.FailureTicketTypeId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("ticket")]
    public void A_value_that_is_no_halo_id_is_refused_with_its_place(string value)
    {
        File.WriteAllText(_store.Location.SettingsPath, "version: 1\ncollection:\n  failureTicketTypeId: " + value + "\n");

        var error = Assert.Throws<ConfigFileException>(() => _store.Load(out _));

        Assert.Equal(3L, error.Line);
        Assert.Contains("collection.failureTicketTypeId", error.Message);
    }
}
