// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Tests.Config;

public sealed class SecretTests
{
    [Theory]
    [InlineData("env:GC_TOKEN", SecretSource.Environment, "GC_TOKEN")]
    [InlineData("secret:Halo Client Secret", SecretSource.SecretManagement, "Halo Client Secret")]
    [InlineData("dpapi:LocalMachine:AQID", SecretSource.Dpapi, "AQID")]
    public void ReferencesParseAndPrintBack(string text, SecretSource source, string value)
    {
        var reference = SecretReference.Parse(text, "goCardless.accessToken");

        Assert.Equal(source, reference.Source);
        Assert.Equal(value, reference.Value);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("live_pasted-token-value")]
    [InlineData("vault:GC_TOKEN")]
    [InlineData("env:BAD NAME")]
    [InlineData("dpapi:Nobody:AQID")]
    public void NonReferencesAreRejectedWithoutEchoingThem(string text)
    {
        var error = Assert.Throws<GcHaloException>(() => SecretReference.Parse(text, "goCardless.accessToken"));

        Assert.Equal("SecretReferenceInvalid", error.ErrorId);
        Assert.DoesNotContain(text, error.Message);
    }

    [Fact]
    public void EnvironmentReferencesResolveAtRunTime()
    {
        var platform = new FakePlatform { Variables = { ["GC_TOKEN"] = "sandbox_secret_value" } };

        var value = new SecretResolver(platform, vault: null).Resolve(SecretReference.Environment("GC_TOKEN"), "goCardless.accessToken");

        Assert.Equal("sandbox_secret_value", value);
    }

    [Fact]
    public void AMissingVariableSaysWhichSettingAndVariable()
    {
        var error = Assert.Throws<GcHaloException>(() =>
            new SecretResolver(new FakePlatform(), null).Resolve(SecretReference.Environment("GC_TOKEN"), "goCardless.accessToken"));

        Assert.Equal("SecretNotFound", error.ErrorId);
        Assert.Contains("GC_TOKEN", error.Message);
        Assert.Contains("goCardless.accessToken", error.Message);
    }

    [Fact]
    public void SecretManagementReferencesGoThroughTheVault()
    {
        var resolver = new SecretResolver(new FakePlatform(), new DictionaryVault { ["HaloSecret"] = "s3cret" });

        Assert.Equal("s3cret", resolver.Resolve(SecretReference.SecretManagement("HaloSecret"), "halo.clientSecret"));
        Assert.Equal("SecretNotFound", Assert.Throws<GcHaloException>(() => resolver.Resolve(SecretReference.SecretManagement("Nope"), "halo.clientSecret")).ErrorId);
    }

    [Fact]
    public void SecretManagementMissingIsItsOwnError()
    {
        var error = Assert.Throws<GcHaloException>(() =>
            new SecretResolver(new FakePlatform(), null).Resolve(SecretReference.SecretManagement("HaloSecret"), "halo.clientSecret"));

        Assert.Equal("SecretManagementUnavailable", error.ErrorId);
    }

    [Fact]
    public void WithoutDpapiAPlainSecretIsRefusedAndTheOptionsAreNamed()
    {
        var error = Assert.Throws<GcHaloException>(() =>
            new SecretResolver(new FakePlatform { IsWindows = false }, null).Protect("sandbox_secret_value", "goCardless.accessToken", "AccessToken"));

        Assert.Equal("SecretCannotBePersisted", error.ErrorId);
        Assert.Contains("-AccessTokenReference env:VARIABLE_NAME", error.Message);
        Assert.Contains("secret:", error.Message);
        Assert.DoesNotContain("sandbox_secret_value", error.Message);
    }

    [Fact]
    public void SqlPasswordsAreSeparatedFromConnectionStrings()
    {
        var stripped = SqlConnectionStrings.RemovePassword("Server=sql01;Database=Halo;User ID=gc;Password=hunter2;Encrypt=True", out var password);

        Assert.Equal("hunter2", password);
        Assert.DoesNotContain("hunter2", stripped);
        Assert.False(SqlConnectionStrings.ContainsPassword(stripped));
        Assert.Equal("sql01/Halo", SqlConnectionStrings.Describe(stripped));
    }

    private sealed class DictionaryVault : System.Collections.Generic.Dictionary<string, string>, ISecretVault
    {
        public bool IsAvailable => true;

        public string? GetSecret(string name) => TryGetValue(name, out var value) ? value : null;
    }
}
