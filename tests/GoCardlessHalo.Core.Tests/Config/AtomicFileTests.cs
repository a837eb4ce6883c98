// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using GoCardlessHalo.Core.Internal;

namespace GoCardlessHalo.Core.Tests.Config;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AFailedWriteLeavesTheOldFileAndNoTemporaryFile()
    {
        var path = _dir.File("settings.yaml");
        File.WriteAllText(path, "old content");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte((byte)'n');
            throw new InvalidOperationException("disk full halfway");
        }));

        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void ASuccessfulWriteReplacesAndKeepsTheBackup()
    {
        var path = _dir.File("settings.yaml");
        File.WriteAllText(path, "old content");

        AtomicFile.Write(path, stream => stream.Write(new byte[] { (byte)'n', (byte)'e', (byte)'w' }, 0, 3), path + ".bak");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal("old content", File.ReadAllText(path + ".bak"));
    }
}
